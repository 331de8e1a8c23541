package fr.inclusion93.structure.rest;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.QueryParameterChecks;
import fr.inclusion93.security.Roles;
import fr.inclusion93.structure.service.StructureCounts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The structures per territory, for the dashboards (and the gateway's territory overview). */
@Path("/api/structures/reports")
@Tag(name = "Structures")
@Produces(MediaType.APPLICATION_JSON)
public class StructureReportResource {

    private final StructureCounts counts;

    StructureReportResource(StructureCounts counts) {
        this.counts = counts;
    }

    @GET
    @Path("/territories")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Operation(operationId = "getStructuresPerTerritory", summary = "How many structures each EPT or commune has",
            description = "Active, closed, and active in a quartier prioritaire (QPV), per EPT (by its SIREN; none "
                    + "outside any) or per commune (INSEE code), then in all.")
    @APIResponse(responseCode = "200", description = "One row per territory that has structures, then the totals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StructureTerritoryReport.class),
                    examples = @ExampleObject(name = "per EPT", value = Examples.TERRITORY_REPORT)))
    @APIResponse(responseCode = "400", description = "by is not ept or commune, or an unknown parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StructureTerritoryReport territories(
            @QueryParam("by") @Parameter(description = "ept (default) or commune", example = "ept") String by,
            @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        QueryParameterChecks.onlyKnownOnce(uri.getQueryParameters(), List.of("by"), errors);
        StructureCounts.By grouping = StructureCounts.By.EPT;
        if (!QueryParameterChecks.absent(by)) {
            try {
                grouping = StructureCounts.By.valueOf(by.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("by", "is ept or commune"));
            }
        }
        QueryParameterChecks.throwIfAny(errors);
        return counts.report(grouping);
    }
}
