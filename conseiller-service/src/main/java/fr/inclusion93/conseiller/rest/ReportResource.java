package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.report.Activity;
import fr.inclusion93.conseiller.report.ActivityReport;
import fr.inclusion93.conseiller.report.Contradiction;
import fr.inclusion93.conseiller.report.Contradictions;
import fr.inclusion93.conseiller.report.Deployment;
import fr.inclusion93.conseiller.report.DeploymentReport;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.QueryParameterChecks;
import fr.inclusion93.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/conseillers/reports")
@Tag(name = "Reports (conseillers)", description = "The deployment of the posts, their activity, and the posts whose state disagrees with their contracts")
@RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
public class ReportResource {

    private static final String CSV = "text/csv";
    private static final String BY = "agreement (one row), signatory (one row each, key its place in the list from 1: "
            + "an EPT or commune signatory counts the posts of its territory, the others all), ept or commune";
    private static final String AS_OF = "The day the months used are counted up to; today when absent";

    private static final String ACTIVITY_BY = "theme, month, kind, ept or commune (default theme)";

    private final Deployment deployment;
    private final Contradictions contradictions;
    private final Activity activity;

    ReportResource(Deployment deployment, Contradictions contradictions, Activity activity) {
        this.deployment = deployment;
        this.contradictions = contradictions;
        this.activity = activity;
    }

    @GET
    @Path("/deployment")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "deploymentReport", summary = "An agreement's posts per territory",
            description = "Per EPT or commune (or the whole agreement): its quota, the open posts (not returned: what counts "
                    + "against it), each state, and the State-funded months the holders' contracts used; then the totals. "
                    + "A quota without posts yet is a row of zeros. Columns are version " + Deployment.VERSION + ".")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeploymentReport.class),
                    examples = @ExampleObject(name = "by EPT", value = Examples.DEPLOYMENT)))
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid; every one is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No agreement with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public DeploymentReport deployment(
            @QueryParam("agreementId") @Parameter(required = true, schema = @Schema(format = "uuid"),
                    example = "6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b") String agreementId,
            @QueryParam("by") @Parameter(description = BY, example = "ept") String by,
            @QueryParam("asOf") @Parameter(description = AS_OF, schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf) {
        List<FieldError> errors = new ArrayList<>();
        UUID agreement = QueryParameterChecks.uuid("agreementId", agreementId, errors);
        if (agreement == null && errors.isEmpty()) {
            errors.add(new FieldError("agreementId", "is required"));
        }
        Deployment.By grouping = by(by, errors);
        LocalDate day = day(asOf, errors);
        QueryParameterChecks.throwIfAny(errors);
        return deployment.report(agreement, grouping, day);
    }

    @GET
    @Path("/deployment.csv")
    @Produces(CSV + ";charset=UTF-8")
    @Operation(operationId = "deploymentReportCsv", summary = "An agreement's posts per territory, as CSV",
            description = "The same rows then the totals; columns: key, label, quota, open, vacant, recruiting, occupied, "
                    + "ended, returned, state_funded_months_consumed (X-Report-Version " + Deployment.VERSION + ").")
    @APIResponse(responseCode = "200", description = "The report as CSV",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "by EPT", value = Examples.DEPLOYMENT_CSV)))
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid; every one is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No agreement with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public Response deploymentCsv(
            @QueryParam("agreementId") @Parameter(required = true, schema = @Schema(format = "uuid"),
                    example = "6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b") String agreementId,
            @QueryParam("by") @Parameter(description = BY, example = "ept") String by,
            @QueryParam("asOf") @Parameter(description = AS_OF, schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf) {
        DeploymentReport report = deployment(agreementId, by, asOf);
        return Response.ok(deployment.csv(report)).header("X-Report-Version", Deployment.VERSION)
                .header("Content-Disposition", "attachment; filename=\"deployment.csv\"").build();
    }

    @GET
    @Path("/contradictions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postContradictions", summary = "Posts whose state disagrees with their contracts' dates",
            description = "A running contract on a post that is not OCCUPIED, an OCCUPIED post without one, or one still "
                    + "OCCUPIED after its contract's planned end: each needs its contract ended or its post moved.")
    @APIResponse(responseCode = "200", description = "The contradictions, in post id order (none: an empty list)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Contradiction.class),
                    examples = @ExampleObject(name = "one", value = Examples.CONTRADICTIONS)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; every one is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    public List<Contradiction> contradictions(
            @QueryParam("agreementId") @Parameter(description = "Only this agreement's posts", schema = @Schema(format = "uuid")) String agreementId,
            @QueryParam("asOf") @Parameter(description = "The day planned ends are compared with; today when absent",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf) {
        List<FieldError> errors = new ArrayList<>();
        UUID agreement = QueryParameterChecks.uuid("agreementId", agreementId, errors);
        LocalDate day = day(asOf, errors);
        QueryParameterChecks.throwIfAny(errors);
        return contradictions.of(agreement, day);
    }

    @GET
    @Path("/activity")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "activityReport", summary = "Activity per theme, month, kind or territory over months",
            description = "Ateliers, permanences and mini-formations, minutes and hours, people helped, per group then in "
                    + "all, for the months from `from` to `to` (both included), of every post or of one agreement's. By "
                    + "theme an activity counts in each of its themes. Columns are version " + Activity.VERSION + ".")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ActivityReport.class),
                    examples = @ExampleObject(name = "by theme", value = Examples.ACTIVITY_REPORT)))
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid; every one is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    public ActivityReport activity(
            @QueryParam("from") @Parameter(required = true, description = "First month, YYYY-MM", example = "2021-01") String from,
            @QueryParam("to") @Parameter(required = true, description = "Last month, YYYY-MM", example = "2021-12") String to,
            @QueryParam("by") @Parameter(description = ACTIVITY_BY, example = "theme") String by,
            @QueryParam("agreementId") @Parameter(description = "Only this agreement's posts", schema = @Schema(format = "uuid")) String agreementId) {
        List<FieldError> errors = new ArrayList<>();
        YearMonth first = month("from", from, errors);
        YearMonth last = month("to", to, errors);
        if (first != null && last != null && last.isBefore(first)) {
            errors.add(new FieldError("to", "is before from"));
        }
        UUID agreement = QueryParameterChecks.uuid("agreementId", agreementId, errors);
        Activity.By grouping = null;
        try {
            grouping = QueryParameterChecks.absent(by) ? Activity.By.THEME : Activity.By.valueOf(by.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("by", "is " + ACTIVITY_BY));
        }
        QueryParameterChecks.throwIfAny(errors);
        return activity.report(agreement, grouping, first, last);
    }

    @GET
    @Path("/activity.csv")
    @Produces(CSV + ";charset=UTF-8")
    @Operation(operationId = "activityReportCsv", summary = "The activity report as CSV",
            description = "The same rows then the totals; columns: key, label, ateliers, permanences, mini_formations, minutes, "
                    + "hours, people_helped (X-Report-Version " + Activity.VERSION + ").")
    @APIResponse(responseCode = "200", description = "The report as CSV",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "by theme", value = Examples.ACTIVITY_CSV)))
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid; every one is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    public Response activityCsv(
            @QueryParam("from") @Parameter(required = true, description = "First month, YYYY-MM", example = "2021-01") String from,
            @QueryParam("to") @Parameter(required = true, description = "Last month, YYYY-MM", example = "2021-12") String to,
            @QueryParam("by") @Parameter(description = ACTIVITY_BY, example = "theme") String by,
            @QueryParam("agreementId") @Parameter(description = "Only this agreement's posts", schema = @Schema(format = "uuid")) String agreementId) {
        return Response.ok(activity.csv(activity(from, to, by, agreementId))).header("X-Report-Version", Activity.VERSION)
                .header("Content-Disposition", "attachment; filename=\"activity.csv\"").build();
    }

    private static YearMonth month(String name, String text, List<FieldError> errors) {
        if (QueryParameterChecks.absent(text)) {
            errors.add(new FieldError(name, "is required (YYYY-MM)"));
            return null;
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "is YYYY-MM"));
            return null;
        }
    }

    private static Deployment.By by(String text, List<FieldError> errors) {
        if (QueryParameterChecks.absent(text)) {
            return Deployment.By.AGREEMENT;
        }
        try {
            return Deployment.By.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("by", "is " + BY));
            return null;
        }
    }

    private static LocalDate day(String text, List<FieldError> errors) {
        if (QueryParameterChecks.absent(text)) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("asOf", "is a day (YYYY-MM-DD)"));
            return null;
        }
    }
}
