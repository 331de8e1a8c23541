package fr.inclusion93.funding.rest;

import fr.inclusion93.funding.service.ProgrammeService;
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

@Path("/api/funding/programmes")
@Tag(name = "Programmes", description = "Programmes (dispositifs) of the funders")
@Produces(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

    private final ProgrammeService service;

    ProgrammeResource(ProgrammeService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createProgramme", summary = "Create a programme",
            description = "Stores it and records it in the audit trail. The funder must exist; amountPerPostCents and fundedMonths are for post subsidies.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgrammeRequest.class),
            examples = @ExampleObject(name = "DSIL", value = Examples.PROGRAMME_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location points to it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProgrammeResponse.class),
                    examples = @ExampleObject(name = "programme", value = Examples.PROGRAMME)))
    @APIResponse(responseCode = "400", description = "Invalid body (each field and why); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Another programme has this key (`existing` names it); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate key", value = Examples.DUPLICATE_KEY_PROBLEM)))
    public Response create(@NotNull @Valid ProgrammeRequest request, UriInfo uriInfo) {
        ProgrammeResponse created = service.create(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Operation(operationId = "listProgrammes", summary = "The programmes, oldest first")
    @APIResponse(responseCode = "200", description = "One page of programmes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Pages.Programmes.class),
                    examples = @ExampleObject(name = "programmes", value = Examples.PROGRAMME_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    public PageResponse<ProgrammeResponse> list(@QueryParam("funderId") @Parameter(description = "Only those of this funder") UUID funderId,
            @Valid @BeanParam Paging paging) {
        return service.list(funderId, paging.page, paging.size);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Path("/{id}")
    @Operation(operationId = "getProgramme", summary = "One programme")
    @APIResponse(responseCode = "200", description = "The programme",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProgrammeResponse.class),
                    examples = @ExampleObject(name = "programme", value = Examples.PROGRAMME)))
    @APIResponse(responseCode = "404", description = "No programme with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public ProgrammeResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }
}
