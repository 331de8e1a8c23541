package fr.inclusion93.funding.rest;

import fr.inclusion93.funding.service.LineService;
import fr.inclusion93.funding.service.LineStatus;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/funding/lines")
@Tag(name = "Funding lines", description = "Subventions and their \"dont\" sub-lines: DRAFT → COMMITTED → PARTLY_PAID → "
        + "PAID → CLOSED, or CANCELLED. Committed counts COMMITTED, PARTLY_PAID, PAID and CLOSED lines")
@Produces(MediaType.APPLICATION_JSON)
public class LineResource {

    private final LineService service;

    LineResource(LineService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createLine", summary = "Create a funding line, DRAFT or COMMITTED",
            description = "A top-level line names its envelope; a sub-line its parent (and is in the parent's envelope). "
                    + "Committed top-level lines never sum above the envelope's ceiling (when it has one); sub-lines that "
                    + "are not cancelled never sum above their parent's amount. Checked under a row lock; a refusal "
                    + "changes nothing. A COMMITTED line publishes FundingLineCommitted on funding.events. A partner "
                    + "writes lines of its own territory only (the line's, else its envelope's).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LineRequest.class),
            examples = @ExampleObject(name = "DSIL La Courneuve", value = Examples.LINE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location points to it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LineResponse.class),
                    examples = @ExampleObject(name = "line", value = Examples.LINE)))
    @APIResponse(responseCode = "400", description = "Invalid body (each field and why): unknown envelope, parent or "
            + "beneficiary, COMMITTED without an amount, forecasts without a year…; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "403", description = "A partner outside the line's territory; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "outside territory", value = Examples.OUTSIDE_TERRITORY_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Above the envelope's ceiling or the parent's amount (the figures in "
            + "cents and euros), the parent cancelled or closed, or the key taken; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "ceiling exceeded", value = Examples.CEILING_PROBLEM),
                            @ExampleObject(name = "parent exceeded", value = Examples.PARENT_PROBLEM),
                            @ExampleObject(name = "duplicate key", value = Examples.DUPLICATE_KEY_PROBLEM)}))
    public Response create(@NotNull @Valid LineRequest request, UriInfo uriInfo) {
        LineResponse created = service.create(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Operation(operationId = "listLines", summary = "Funding lines, oldest first, with their figures")
    @APIResponse(responseCode = "200", description = "One page of lines",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Pages.Lines.class),
                    examples = @ExampleObject(name = "lines", value = Examples.LINE_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid filter, page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    public PageResponse<LineResponse> list(
            @QueryParam("envelopeId") @Parameter(description = "Only the lines of this envelope") UUID envelopeId,
            @QueryParam("parentId") @Parameter(description = "Only the sub-lines of this line") UUID parentId,
            @QueryParam("status") @Parameter(description = "Only the lines in this status") LineStatus status,
            @Valid @BeanParam Paging paging) {
        return service.list(envelopeId, parentId, status, paging.page, paging.size);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Path("/{id}")
    @Operation(operationId = "getLine", summary = "One funding line with its figures, sub-lines, outputs and forecasts")
    @APIResponse(responseCode = "200", description = "The line",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LineResponse.class),
                    examples = @ExampleObject(name = "line", value = Examples.LINE)))
    @APIResponse(responseCode = "404", description = "No line with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public LineResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Path("/{id}/commit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "commitLine", summary = "Commit a DRAFT line",
            description = "Checked like a creation as COMMITTED (envelope ceiling, parent amount), and its own sub-lines "
                    + "must fit in its amount. Publishes FundingLineCommitted.")
    @RequestBody(description = "A JSON object: {} to commit the line's own amount", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitRequest.class),
            examples = @ExampleObject(name = "a draft without amount", value = Examples.COMMIT_REQUEST)))
    @APIResponse(responseCode = "200", description = "Committed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LineResponse.class),
                    examples = @ExampleObject(name = "line", value = Examples.LINE)))
    @APIResponse(responseCode = "400", description = "No amount, or another amount than the line's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "403", description = "A partner outside the line's territory",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "outside territory", value = Examples.OUTSIDE_TERRITORY_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No line with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Not DRAFT (the current status and the allowed ones), or above the "
            + "envelope's ceiling or the parent's amount; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "wrong status", value = Examples.WRONG_STATUS_PROBLEM),
                            @ExampleObject(name = "ceiling exceeded", value = Examples.CEILING_PROBLEM)}))
    public LineResponse commit(@PathParam("id") UUID id, @NotNull @Valid CommitRequest request) {
        return service.commit(id, request.amountCents());
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelLine", summary = "Cancel a line",
            description = "From DRAFT, or from COMMITTED when the line has no payment entry and no sub-line that is not "
                    + "cancelled. A cancelled line no longer counts anywhere.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LineResponse.class),
                    examples = @ExampleObject(name = "line", value = Examples.LINE)))
    @APIResponse(responseCode = "403", description = "A partner outside the line's territory",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "outside territory", value = Examples.OUTSIDE_TERRITORY_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No line with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Not DRAFT or COMMITTED, has payments or live sub-lines; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "wrong status", value = Examples.WRONG_STATUS_PROBLEM)))
    public LineResponse cancel(@PathParam("id") UUID id) {
        return service.cancel(id);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Path("/{id}/close")
    @Operation(operationId = "closeLine", summary = "Close a PAID line", description = "Nothing more is paid or clawed back on it.")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LineResponse.class),
                    examples = @ExampleObject(name = "line", value = Examples.LINE)))
    @APIResponse(responseCode = "403", description = "A partner outside the line's territory",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "outside territory", value = Examples.OUTSIDE_TERRITORY_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No line with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Not PAID (the current status and the allowed ones); nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "wrong status", value = Examples.WRONG_STATUS_PROBLEM)))
    public LineResponse close(@PathParam("id") UUID id) {
        return service.close(id);
    }
}
