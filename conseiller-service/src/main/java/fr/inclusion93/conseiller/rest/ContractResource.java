package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.ContractService;
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

@Path("/api/conseillers/posts/{id}/contracts")
@Tag(name = "Contracts", description = "Holders' contracts: signing one fills a post, ending it ends the post")
@Produces(MediaType.APPLICATION_JSON)
public class ContractResource {

    private final ContractService service;

    ContractResource(ContractService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signContract", summary = "Sign the contract of a RECRUITING post's holder",
            description = "The post becomes OCCUPIED and PostFilled is published (ids only). One running contract per post "
                    + "and per person, also under concurrent requests.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContractRequest.class),
            examples = @ExampleObject(name = "a two-year CDD", value = Examples.CONTRACT_REQUEST)))
    @APIResponse(responseCode = "201", description = "Signed; Location points to the post's contracts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ContractResponse.class),
                    examples = @ExampleObject(name = "contract", value = Examples.CONTRACT)))
    @APIResponse(responseCode = "400", description = "Invalid body (each field and why); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No post with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "The post is not RECRUITING, or the person holds another post",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "wrong state", value = Examples.WRONG_STATE_PROBLEM)))
    @APIResponse(responseCode = "422", description = "Unknown or erased person, a planned end not 24 or 36 months after the "
            + "start, a start before the post opened, more State-funded months than the agreement's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response sign(@PathParam("id") UUID postId, @NotNull @Valid ContractRequest request, UriInfo uriInfo) {
        return Response.created(uriInfo.getAbsolutePath()).entity(service.sign(postId, request)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR})
    @Operation(operationId = "listPostContracts", summary = "Who held the post when: its contracts, oldest first")
    @APIResponse(responseCode = "200", description = "The contracts (the holder by id only)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ContractResponse.class),
                    examples = @ExampleObject(name = "contracts", value = "[" + Examples.CONTRACT + "]")))
    @APIResponse(responseCode = "404", description = "No post with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public List<ContractResponse> contracts(@PathParam("id") UUID postId) {
        return service.ofPost(postId);
    }
}
