package fr.inclusion93.funding.rest;

import fr.inclusion93.funding.seed.SeedLoader;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators' endpoint (service port only: the gateway does not route /admin); {@code deploy/seed.sh} calls it. */
@Path("/admin/funding/seeds")
@Tag(name = "Seed operations", description = "Load a bundled seed through the API's rules (operators, service port only)")
@Produces(MediaType.APPLICATION_JSON)
public class SeedResource {

    private final SeedLoader loader;

    SeedResource(SeedLoader loader) {
        this.loader = loader;
    }

    @POST
    @Path("/{seed}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "loadSeed", summary = "Load a bundled seed (loading twice loads once)",
            description = "Creates, through the same services, rules, audit trail and outbox as the API and in dependency "
                    + "order, the seed's funders, programmes, envelopes, outside organisations, lines (parents first, with "
                    + "their outputs; COMMITTED when they have an amount, DRAFT otherwise) and stated totals. An entry whose "
                    + "key is already loaded is skipped. An entry a rule refuses is recorded with the problem (and "
                    + "reported, with its figures) and the load goes on: no figure is changed to make it fit.")
    @APIResponse(responseCode = "200", description = "What was created, already there, or refused, per kind",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeedLoadReport.class),
                    examples = @ExampleObject(name = "the release, first load", value = Examples.SEED_LOAD_REPORT)))
    @APIResponse(responseCode = "404", description = "No bundled seed has this name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown seed", value = Examples.NOT_FOUND_PROBLEM)))
    public SeedLoadReport load(@Parameter(description = "A bundled seed", schema = @Schema(type = SchemaType.STRING,
            enumeration = {"release-2021-01-15"})) @PathParam("seed") String seed) {
        return loader.load(seed);
    }
}
