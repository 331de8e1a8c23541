package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.ConseillerService;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Personal data: the admin role only, never the dashboards, never in events. */
@Path("/api/conseillers/people")
@Tag(name = "Conseillers (people)", description = "The people who hold posts: name and professional e-mail, erasable on request")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ConseillerResource {

    private final ConseillerService service;

    ConseillerResource(ConseillerService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerConseiller", summary = "Register a person who will hold a post",
            description = "Only the id leaves this service (contracts, events, the audit trail); name and e-mail stay here.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConseillerRequest.class),
            examples = @ExampleObject(name = "person", value = Examples.CONSEILLER_REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered; Location points to it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConseillerResponse.class),
                    examples = @ExampleObject(name = "person", value = Examples.CONSEILLER)))
    @APIResponse(responseCode = "400", description = "Invalid body (each field and why); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    public Response register(@NotNull @Valid ConseillerRequest request, UriInfo uriInfo) {
        ConseillerResponse created = service.register(request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getConseiller", summary = "One person (name and e-mail null once erased)")
    @APIResponse(responseCode = "200", description = "The person",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConseillerResponse.class),
                    examples = @ExampleObject(name = "person", value = Examples.CONSEILLER)))
    @APIResponse(responseCode = "404", description = "No person with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public ConseillerResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/erasure")
    @Operation(operationId = "eraseConseiller", summary = "Erase a person's name and e-mail on request",
            description = "For good; the id, the contracts and every history stay (pseudonymised). Erasing twice changes nothing.")
    @APIResponse(responseCode = "200", description = "The person, erased",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConseillerResponse.class),
                    examples = @ExampleObject(name = "erased", value = Examples.ERASED_CONSEILLER)))
    @APIResponse(responseCode = "404", description = "No person with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public ConseillerResponse erase(@PathParam("id") UUID id) {
        return service.erase(id);
    }
}
