package fr.inclusion93.gateway.overview;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.QueryParameterChecks;
import fr.inclusion93.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The gateway's composite reports: the three services' figures side by side, degraded rather than failed. */
@Path("/api/overview")
@Tag(name = "Overview", description = "Composite reports of the gateway, across the services")
@Produces(MediaType.APPLICATION_JSON)
public class OverviewResource {

    private final ServiceCalls calls;

    OverviewResource(ServiceCalls calls) {
        this.calls = calls;
    }

    @GET
    @Path("/territories")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Operation(operationId = "getTerritoryOverview", summary = "Each EPT or commune at a glance, across the services",
            description = "Per EPT (by SIREN) or commune (INSEE code), then in all: the structures (structure-service), "
                    + "the agreement's posts as of the end of the year or today (conseiller-service's deployment "
                    + "report), the money committed and paid in the year (funding-service's breakdown) and the year's "
                    + "activity (conseiller-service). The services are asked in parallel with the caller's token, each "
                    + "with a time-out (3 s by default): a service that is down, slow or refuses leaves its part null "
                    + "and is named in missing (complete is then false); the answer is still 200. Follow a part to its "
                    + "service's own report for the detail and the lines behind a figure.")
    @APIResponse(responseCode = "200", description = "The overview; complete false when a part is missing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TerritoryOverview.class),
                    examples = {@ExampleObject(name = "complete", value = OverviewExamples.COMPLETE),
                            @ExampleObject(name = "funding-service down", value = OverviewExamples.DEGRADED)}))
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid; every one is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no agreement, bad grouping", value = OverviewExamples.PARAMETER_PROBLEM)))
    public CompletionStage<TerritoryOverview> territories(
            @QueryParam("agreementId") @Parameter(required = true, description = "The agreement whose posts and activity "
                    + "are shown", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String agreementId,
            @QueryParam("by") @Parameter(description = "ept (default) or commune", example = "ept") String by,
            @QueryParam("year") @Parameter(description = "The year of the money and the activity; this year by default",
                    schema = @Schema(type = SchemaType.INTEGER), example = "2021") String year,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        List<FieldError> errors = new ArrayList<>();
        QueryParameterChecks.onlyKnownOnce(uri.getQueryParameters(), List.of("agreementId", "by", "year"), errors);
        UUID agreement = QueryParameterChecks.uuid("agreementId", agreementId, errors);
        if (QueryParameterChecks.absent(agreementId)) {
            errors.add(new FieldError("agreementId", "is required"));
        }
        String grouping = QueryParameterChecks.absent(by) ? "ept" : by.toLowerCase(Locale.ROOT);
        if (!List.of("ept", "commune").contains(grouping)) {
            errors.add(new FieldError("by", "is ept or commune"));
        }
        int theYear = year(year, errors);
        QueryParameterChecks.throwIfAny(errors);

        Map<String, String> carried = ServiceCalls.carried(headers);
        LocalDate endOfYear = LocalDate.of(theYear, 12, 31);
        LocalDate asOf = endOfYear.isBefore(LocalDate.now()) ? endOfYear : LocalDate.now();
        CompletableFuture<ServiceCalls.Answer> structures = calls.get("structure-service",
                "/api/structures/reports/territories", carried, "by", grouping);
        CompletableFuture<ServiceCalls.Answer> posts = calls.get("conseiller-service",
                "/api/conseillers/reports/deployment", carried, "agreementId", agreement.toString(), "by", grouping,
                "asOf", asOf.toString());
        CompletableFuture<ServiceCalls.Answer> activity = calls.get("conseiller-service",
                "/api/conseillers/reports/activity", carried, "agreementId", agreement.toString(), "by", grouping,
                "from", theYear + "-01", "to", theYear + "-12");
        CompletableFuture<ServiceCalls.Answer> funding = calls.get("funding-service",
                "/api/funding/reports/breakdown", carried, "by", grouping, "year", Integer.toString(theYear));
        return CompletableFuture.allOf(structures, posts, activity, funding).thenApply(done -> {
            List<TerritoryOverview.MissingPart> missing = new ArrayList<>();
            return OverviewComposer.compose(grouping, agreement, theYear,
                    structures.join().bodyOrMissing("structures", "structure-service", missing),
                    posts.join().bodyOrMissing("posts", "conseiller-service", missing),
                    funding.join().bodyOrMissing("funding", "funding-service", missing),
                    activity.join().bodyOrMissing("activity", "conseiller-service", missing), missing);
        });
    }

    private static int year(String text, List<FieldError> errors) {
        if (QueryParameterChecks.absent(text)) {
            return LocalDate.now().getYear();
        }
        try {
            int year = Integer.parseInt(text);
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        errors.add(new FieldError("year", "is a year from 2000 to 2100"));
        return 0;
    }
}
