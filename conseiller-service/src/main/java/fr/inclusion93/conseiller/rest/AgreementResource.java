package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.AgreementService;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/conseillers/agreements")
@Tag(name = "Agreements", description = "Territorial agreements: signatories, State-funded posts and quotas per territory")
@Produces(MediaType.APPLICATION_JSON)
public class AgreementResource {

    private final AgreementService service;

    AgreementResource(AgreementService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAgreement", summary = "Record an agreement",
            description = "Stores it with its signatories and quotas (which never sum above its posts) and records it in the audit trail.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgreementRequest.class),
            examples = @ExampleObject(name = "Seine-Saint-Denis, 15 January 2021", value = Examples.AGREEMENT_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location points to it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgreementResponse.class),
                    examples = @ExampleObject(name = "agreement", value = Examples.AGREEMENT)))
    @APIResponse(responseCode = "400", description = "Invalid body (each field and why); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "quotas above the total", value = Examples.QUOTAS_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Another agreement has this key; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate key", value = Examples.DUPLICATE_KEY_PROBLEM)))
    public Response create(@NotNull @Valid AgreementRequest request, UriInfo uriInfo) {
        AgreementResponse created = service.create(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Operation(operationId = "listAgreements", summary = "Every agreement, oldest signature first")
    @APIResponse(responseCode = "200", description = "The agreements",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AgreementResponse.class),
                    examples = @ExampleObject(name = "agreements", value = "[" + Examples.AGREEMENT + "]")))
    public List<AgreementResponse> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Operation(operationId = "getAgreement", summary = "One agreement, with its open posts in all and per quota")
    @APIResponse(responseCode = "200", description = "The agreement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgreementResponse.class),
                    examples = @ExampleObject(name = "agreement", value = Examples.AGREEMENT)))
    @APIResponse(responseCode = "404", description = "No agreement with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public AgreementResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }
}
