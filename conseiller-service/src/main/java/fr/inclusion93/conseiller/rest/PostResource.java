package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.PostHistory;
import fr.inclusion93.conseiller.service.PostService;
import fr.inclusion93.conseiller.service.PostState;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.QueryParameterChecks;
import fr.inclusion93.security.Roles;
import fr.inclusion93.writes.audit.AuditPage;
import fr.inclusion93.writes.audit.AuditQuery;
import fr.inclusion93.writes.idempotency.Idempotency;
import fr.inclusion93.writes.idempotency.IdempotencyKey;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/conseillers/posts")
@Tag(name = "Posts", description = "Conseiller numérique posts: opening within the agreement and its quotas, lifecycle, subsidy")
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final PostService service;
    private final PostHistory history;
    private final Idempotency idempotency;

    PostResource(PostService service, PostHistory history, Idempotency idempotency) {
        this.service = service;
        this.history = history;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openPost", summary = "Open a post",
            description = "VACANT, funding PENDING: publishes PostOpened, and funding-service answers by reserving its State "
                    + "subsidy or refusing it. Refused (409, with the figures) when the agreement's posts or the quota of the "
                    + "structure's territory are all open, also under concurrent requests. Send an Idempotency-Key to make a "
                    + "retry safe (it replays the first answer instead of opening a second post).")
    @Parameter(name = IdempotencyKey.HEADER, in = ParameterIn.HEADER, description = IdempotencyKey.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyKey.MAX_LENGTH, pattern = IdempotencyKey.PATTERN),
            example = "8e03978e-40d5-43e8-bc93-6894a57f9324")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PostRequest.class),
            examples = @ExampleObject(name = "a post in La Courneuve", value = Examples.POST_REQUEST)))
    @APIResponse(responseCode = "201", description = "Opened; Location points to it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostResponse.class),
                    examples = @ExampleObject(name = "post", value = Examples.POST)))
    @APIResponse(responseCode = "400", description = "Invalid body (each field and why) or Idempotency-Key; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "409", description = "No place left in the agreement or the quota, the structure is closed, or "
            + "an Idempotency-Key in flight; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "quota reached", value = Examples.QUOTA_PROBLEM)))
    @APIResponse(responseCode = "422", description = "Unknown agreement or structure, a structure outside the agreement's "
            + "département, or this Idempotency-Key used with another body; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown structure", value = Examples.UNKNOWN_STRUCTURE_PROBLEM)))
    public Response open(@NotNull @Valid PostRequest request, UriInfo uriInfo) {
        return idempotency.respond(request, () -> {
            PostResponse created = service.open(request);
            return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
                    .entity(created).build();
        });
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "movePost", summary = "Move a post in its lifecycle",
            description = "VACANT → RECRUITING or RETURNED, RECRUITING → VACANT, ENDED → VACANT or RETURNED. A return "
                    + "publishes PostReturned (funding-service releases the subsidy). Audited.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TransitionRequest.class),
            examples = @ExampleObject(name = "recruiting", value = Examples.TRANSITION_REQUEST)))
    @APIResponse(responseCode = "200", description = "The post as it now is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostResponse.class),
                    examples = @ExampleObject(name = "post", value = Examples.POST)))
    @APIResponse(responseCode = "400", description = "Invalid body (each field and why)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "422", description = "A day before the post opened",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No post with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Not a legal move from the post's state (naming it and the allowed ones)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "wrong state", value = Examples.WRONG_STATE_PROBLEM)))
    public PostResponse move(@PathParam("id") UUID id, @NotNull @Valid TransitionRequest request) {
        return service.move(id, request);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Operation(operationId = "listPosts", summary = "Posts in id order, a page at a time")
    @APIResponse(responseCode = "200", description = "One page; follow `next` until it is null",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostsPage.class),
                    examples = @ExampleObject(name = "posts", value = Examples.POSTS_PAGE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; every one is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    public PostsPage list(
            @QueryParam("agreementId") @Parameter(description = "Only this agreement's posts", schema = @Schema(format = "uuid")) String agreementId,
            @QueryParam("state") @Parameter(description = "Only posts in this state", schema = @Schema(implementation = PostState.class)) String state,
            @QueryParam("flagged") @Parameter(description = "true: only posts that need someone's action",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String flagged,
            @QueryParam("limit") @Parameter(description = "Most posts on the page, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")",
                    schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "The `next` of the previous page; absent for the first") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        UUID agreement = QueryParameterChecks.uuid("agreementId", agreementId, errors);
        UUID after = QueryParameterChecks.uuid("cursor", cursor, errors);
        int pageLimit = QueryParameterChecks.limit(limit, DEFAULT_LIMIT, MAX_LIMIT, errors);
        PostState wanted = null;
        if (!QueryParameterChecks.absent(state)) {
            try {
                wanted = PostState.valueOf(state.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("state", "is one of " + Arrays.toString(PostState.values())));
            }
        }
        if (!QueryParameterChecks.absent(flagged) && !List.of("true", "false").contains(flagged)) {
            errors.add(new FieldError("flagged", "is true or false"));
        }
        QueryParameterChecks.throwIfAny(errors);
        return service.list(agreement, wanted, "true".equals(flagged), after, pageLimit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Operation(operationId = "getPost", summary = "One post")
    @APIResponse(responseCode = "200", description = "The post",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostResponse.class),
                    examples = @ExampleObject(name = "post", value = Examples.POST)))
    @APIResponse(responseCode = "404", description = "No post with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public PostResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "getPostHistory", summary = "The audit trail of one post, oldest change first",
            description = "Its opening, each move, funding-service's answers and flags: who did it, when, and the post before and after.")
    @APIResponse(responseCode = "200", description = "One page of changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class),
                    examples = @ExampleObject(name = "opened", value = Examples.POST_HISTORY)))
    @APIResponse(responseCode = "400", description = "limit or cursor invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No post with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public AuditPage history(@PathParam("id") UUID id,
            @QueryParam("limit") @Parameter(description = "Most changes on the page", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "The next of the previous page; absent for the first") String cursor) {
        return history.of(id, AuditQuery.page(limit, cursor));
    }
}
