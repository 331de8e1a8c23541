package fr.inclusion93.funding.rest;

import fr.inclusion93.funding.service.Beneficiary;
import fr.inclusion93.funding.service.BeneficiaryService;
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

@Path("/api/funding/beneficiaries")
@Tag(name = "Beneficiaries (funding)", description = "Who can receive funding lines: the host structures, projected from "
        + "structure-service's events, and outside organisations created here")
@Produces(MediaType.APPLICATION_JSON)
public class BeneficiaryResource {

    private final BeneficiaryService service;

    BeneficiaryResource(BeneficiaryService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createOutsideOrganisation", summary = "Create an outside organisation as a beneficiary",
            description = "For organisations that receive funding without being host structures (Emmaüs Connect, Hub "
                    + "Francil'in, a commune). Host structures are never created here: they come from structure-service. "
                    + "SIRET (checked) and RNA are optional and unique among outside organisations; the EPT is the commune's.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OutsideBeneficiaryRequest.class),
            examples = @ExampleObject(name = "a commune", value = Examples.OUTSIDE_ORGANISATION_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location points to it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BeneficiaryResponse.class),
                    examples = @ExampleObject(name = "outside organisation", value = Examples.OUTSIDE_ORGANISATION)))
    @APIResponse(responseCode = "400", description = "Invalid body (each field and why), unknown commune; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Another beneficiary has this key, or another outside organisation this "
            + "SIRET or RNA (`existing` names it); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate key", value = Examples.DUPLICATE_KEY_PROBLEM)))
    public Response create(@NotNull @Valid OutsideBeneficiaryRequest request, UriInfo uriInfo) {
        BeneficiaryResponse created = service.createOutsideOrganisation(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Operation(operationId = "listBeneficiaries", summary = "The beneficiaries, by name")
    @APIResponse(responseCode = "200", description = "One page of beneficiaries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Pages.Beneficiaries.class),
                    examples = @ExampleObject(name = "beneficiaries", value = Examples.BENEFICIARY_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid kind, page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    public PageResponse<BeneficiaryResponse> list(
            @QueryParam("kind") @Parameter(description = "Only host structures or only outside organisations") Beneficiary.Kind kind,
            @Valid @BeanParam Paging paging) {
        return service.list(kind, paging.page, paging.size);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR})
    @Path("/{id}")
    @Operation(operationId = "getBeneficiary", summary = "One beneficiary as funding-service knows it",
            description = "A host structure appears shortly after structure-service registers it, and follows its updates, "
                    + "closure and reopening the same way (eventual consistency); an outside organisation is as created.")
    @APIResponse(responseCode = "200", description = "The beneficiary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BeneficiaryResponse.class),
                    examples = {@ExampleObject(name = "beneficiary", value = Examples.BENEFICIARY),
                            @ExampleObject(name = "closed association known by its RNA", value = Examples.CLOSED_ASSOCIATION),
                            @ExampleObject(name = "outside organisation", value = Examples.OUTSIDE_ORGANISATION)}))
    @APIResponse(responseCode = "404", description = "Unknown here (not registered, or its event has not arrived yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public BeneficiaryResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }
}
