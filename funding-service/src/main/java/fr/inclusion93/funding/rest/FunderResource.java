package fr.inclusion93.funding.rest;

import fr.inclusion93.funding.service.FunderService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/funding/funders")
@Tag(name = "Funders", description = "Who grants the money (attribuants)")
@Produces(MediaType.APPLICATION_JSON)
public class FunderResource {

    private final FunderService service;

    FunderResource(FunderService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createFunder", summary = "Create a funder",
            description = "Stores it and records it in the audit trail. The SIRET is optional and checked.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FunderRequest.class),
            examples = @ExampleObject(name = "the State in the département", value = Examples.FUNDER_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location points to it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FunderResponse.class),
                    examples = @ExampleObject(name = "funder", value = Examples.FUNDER)))
    @APIResponse(responseCode = "400", description = "Invalid body (each field and why); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Another funder has this key (`existing` names it); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate key", value = Examples.DUPLICATE_KEY_PROBLEM)))
    public Response create(@NotNull @Valid FunderRequest request, UriInfo uriInfo) {
        FunderResponse created = service.create(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Operation(operationId = "listFunders", summary = "The funders, oldest first")
    @APIResponse(responseCode = "200", description = "One page of funders",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Pages.Funders.class),
                    examples = @ExampleObject(name = "funders", value = Examples.FUNDER_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    public PageResponse<FunderResponse> list(@Valid @BeanParam Paging paging) {
        return service.list(paging.page, paging.size);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Path("/{id}")
    @Operation(operationId = "getFunder", summary = "One funder")
    @APIResponse(responseCode = "200", description = "The funder",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FunderResponse.class),
                    examples = @ExampleObject(name = "funder", value = Examples.FUNDER)))
    @APIResponse(responseCode = "404", description = "No funder with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public FunderResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }
}
