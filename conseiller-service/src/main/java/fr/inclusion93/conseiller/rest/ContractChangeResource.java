package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.ContractService;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/conseillers/contracts")
@Tag(name = "Contracts")
@Produces(MediaType.APPLICATION_JSON)
/** What happens to a running contract: its end, its renewals, its holder's training. */
public class ContractChangeResource {

    private final ContractService service;

    ContractChangeResource(ContractService service) {
        this.service = service;
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "endContract", summary = "End a running contract",
            description = "Before its planned end with a reason (LICENCIEMENT, NON_RECONDUCTION, DEMISSION), on or after it "
                    + "with TERM. Its post becomes ENDED and PostEnded is published with the State-funded months used "
                    + "(a month begun counts). The post is then filled again (VACANT) or returned.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContractEndRequest.class),
            examples = @ExampleObject(name = "resignation", value = Examples.CONTRACT_END_REQUEST)))
    @APIResponse(responseCode = "200", description = "The contract, ended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContractResponse.class),
                    examples = @ExampleObject(name = "contract", value = Examples.CONTRACT)))
    @APIResponse(responseCode = "400", description = "Invalid body (each field and why)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No contract with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "The contract already ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A day before the start, or a reason that does not fit the day",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ContractResponse end(@PathParam("id") UUID id, @NotNull @Valid ContractEndRequest request) {
        return service.end(id, request);
    }

    @POST
    @Path("/{id}/renewal")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "renewContract", summary = "Renew a running contract",
            description = "Moves its planned end later; the post stays OCCUPIED, the State-funded months do not change. "
                    + "ContractRenewed is published (ids and dates only) and the change is in the post's contract history.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContractRenewalRequest.class),
            examples = @ExampleObject(name = "a third year", value = Examples.CONTRACT_RENEWAL_REQUEST)))
    @APIResponse(responseCode = "200", description = "The contract, renewed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContractResponse.class),
                    examples = @ExampleObject(name = "contract", value = Examples.CONTRACT)))
    @APIResponse(responseCode = "400", description = "Invalid body (each field and why)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No contract with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "The contract already ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A planned end not later than the current one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ContractResponse renew(@PathParam("id") UUID id, @NotNull @Valid ContractRenewalRequest request) {
        return service.renew(id, request);
    }

    @PUT
    @Path("/{id}/training")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateTraining", summary = "Say where the holder's training stands",
            description = "NOT_STARTED → IN_PROGRESS → COMPLETED, forward only; sending the current status changes nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TrainingRequest.class),
            examples = @ExampleObject(name = "completed", value = Examples.TRAINING_REQUEST)))
    @APIResponse(responseCode = "200", description = "The contract with its training status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContractResponse.class),
                    examples = @ExampleObject(name = "contract", value = Examples.CONTRACT)))
    @APIResponse(responseCode = "400", description = "Invalid body (each field and why)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No contract with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "A status the training already passed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ContractResponse train(@PathParam("id") UUID id, @NotNull @Valid TrainingRequest request) {
        return service.train(id, request);
    }
}
