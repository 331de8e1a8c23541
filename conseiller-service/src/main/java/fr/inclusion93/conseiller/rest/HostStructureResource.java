package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.HostStructureService;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/conseillers/host-structures")
@Tag(name = "Host structures (conseillers)", description = "The structures that can host conseiller posts, projected from structure-service's events")
@Produces(MediaType.APPLICATION_JSON)
public class HostStructureResource {

    private final HostStructureService service;

    HostStructureResource(HostStructureService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR})
    @Path("/{id}")
    @Operation(operationId = "getHostStructure", summary = "One host structure as conseiller-service knows it",
            description = "Appears shortly after structure-service registers the structure, and follows its updates, "
                    + "closure and reopening the same way (eventual consistency).")
    @APIResponse(responseCode = "200", description = "The host structure",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HostStructureResponse.class),
                    examples = {@ExampleObject(name = "host structure", value = Examples.HOST_STRUCTURE),
                            @ExampleObject(name = "closed association known by its RNA", value = Examples.CLOSED_ASSOCIATION)}))
    @APIResponse(responseCode = "404", description = "Unknown here (not registered, or its event has not arrived yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public HostStructureResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }
}
