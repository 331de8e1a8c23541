package fr.inclusion93.funding.rest;

import fr.inclusion93.funding.service.EnvelopeService;
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

@Path("/api/funding/envelopes")
@Tag(name = "Envelopes", description = "The money of a programme for a year and a territory, with its committed, paid and remaining figures")
@Produces(MediaType.APPLICATION_JSON)
public class EnvelopeResource {

    private final EnvelopeService service;

    EnvelopeResource(EnvelopeService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createEnvelope", summary = "Create an envelope",
            description = "Stores it and records it in the audit trail. A null ceiling means not stated: lines are then not checked against it. A partner creates envelopes of its own territory only.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EnvelopeRequest.class),
            examples = @ExampleObject(name = "DSIL 2020 in Seine-Saint-Denis", value = Examples.ENVELOPE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location points to it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnvelopeResponse.class),
                    examples = @ExampleObject(name = "envelope", value = Examples.ENVELOPE)))
    @APIResponse(responseCode = "400", description = "Invalid body (each field and why); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "403", description = "A partner outside the territory of the record; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "outside territory", value = Examples.OUTSIDE_TERRITORY_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Another envelope has this key (`existing` names it); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate key", value = Examples.DUPLICATE_KEY_PROBLEM)))
    public Response create(@NotNull @Valid EnvelopeRequest request, UriInfo uriInfo) {
        EnvelopeResponse created = service.create(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Operation(operationId = "listEnvelopes", summary = "The envelopes, oldest first")
    @APIResponse(responseCode = "200", description = "One page of envelopes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Pages.Envelopes.class),
                    examples = @ExampleObject(name = "envelopes", value = Examples.ENVELOPE_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    public PageResponse<EnvelopeResponse> list(@QueryParam("programmeId") @Parameter(description = "Only those of this programme") UUID programmeId,
            @Valid @BeanParam Paging paging) {
        return service.list(programmeId, paging.page, paging.size);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Path("/{id}")
    @Operation(operationId = "getEnvelope", summary = "One envelope")
    @APIResponse(responseCode = "200", description = "The envelope",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnvelopeResponse.class),
                    examples = @ExampleObject(name = "envelope", value = Examples.ENVELOPE)))
    @APIResponse(responseCode = "404", description = "No envelope with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public EnvelopeResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }
}
