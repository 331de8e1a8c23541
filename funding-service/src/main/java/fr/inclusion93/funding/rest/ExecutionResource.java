package fr.inclusion93.funding.rest;

import static fr.inclusion93.problem.QueryParameterChecks.absent;

import fr.inclusion93.funding.report.Execution;
import fr.inclusion93.funding.report.ExecutionCsv;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/funding/reports")
@Tag(name = "Reports")
@RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
public class ExecutionResource {

    private static final List<String> PARAMETERS = List.of("period", "from", "to", "envelopeId", "lineId");
    private static final String RULES = "A line counts its amount as committed in the period of its commitment date (its "
            + "decision date when stated, else the day it was committed), each payment in the period of its day (credit "
            + "notes negative); cumulative figures run from the line's first entry, before from too. Rows come by period, "
            + "top-level lines before their sub-lines (parentId); totals sum the top-level lines (sub-lines are inside "
            + "their amounts). One of envelopeId or lineId (the line and its sub-lines) is required.";

    private final Execution execution;

    ExecutionResource(Execution execution) {
        this.execution = execution;
    }

    @GET
    @Path("/execution")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "executionReport", summary = "Committed against paid per month, quarter or year", description = RULES)
    @APIResponse(responseCode = "200", description = "The report (version 1 of its columns)",
            headers = @Header(name = ReconciliationResource.VERSION_HEADER, description = "Version of the columns",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionReport.class),
                    examples = @ExampleObject(name = "a quarter", value = Examples.EXECUTION)))
    @APIResponse(responseCode = "400", description = "A parameter missing or invalid; each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad period", value = Examples.EXECUTION_PARAMETER_PROBLEM)))
    public Response json(
            @QueryParam("period") @Parameter(required = true, description = "month | quarter | year", example = "quarter") String period,
            @QueryParam("from") @Parameter(required = true, description = "First day, included (YYYY-MM-DD)", example = "2021-01-01") String from,
            @QueryParam("to") @Parameter(required = true, description = "Last day, excluded (YYYY-MM-DD)", example = "2022-01-01") String to,
            @QueryParam("envelopeId") @Parameter(description = "The lines of this envelope") String envelopeId,
            @QueryParam("lineId") @Parameter(description = "This line and its sub-lines") String lineId,
            @Context UriInfo uri) {
        return Response.ok(report(period, from, to, envelopeId, lineId, uri))
                .header(ReconciliationResource.VERSION_HEADER, Execution.VERSION).build();
    }

    @GET
    @Path("/execution.csv")
    @Produces(ReconciliationResource.CSV + ";charset=UTF-8")
    @Operation(operationId = "executionReportCsv", summary = "The execution report as CSV",
            description = "RFC 4180, UTF-8, comma, a header row; version of the columns in X-Report-Version (1). Columns: "
                    + "period, period_start, line_id, parent_id, committed_cents, committed_euros, paid_cents, paid_euros, "
                    + "cumulative_committed_cents, cumulative_paid_cents, line, payments. " + RULES)
    @APIResponse(responseCode = "200", description = "The report as CSV",
            headers = @Header(name = ReconciliationResource.VERSION_HEADER, description = "Version of the columns",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = ReconciliationResource.CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "a quarter", value = Examples.EXECUTION_CSV)))
    @APIResponse(responseCode = "400", description = "A parameter missing or invalid; each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad period", value = Examples.EXECUTION_PARAMETER_PROBLEM)))
    public Response csv(
            @QueryParam("period") @Parameter(required = true, description = "month | quarter | year", example = "quarter") String period,
            @QueryParam("from") @Parameter(required = true, description = "First day, included", example = "2021-01-01") String from,
            @QueryParam("to") @Parameter(required = true, description = "Last day, excluded", example = "2022-01-01") String to,
            @QueryParam("envelopeId") @Parameter(description = "The lines of this envelope") String envelopeId,
            @QueryParam("lineId") @Parameter(description = "This line and its sub-lines") String lineId,
            @Context UriInfo uri) {
        return Response.ok(ExecutionCsv.write(report(period, from, to, envelopeId, lineId, uri)))
                .header(ReconciliationResource.VERSION_HEADER, Execution.VERSION)
                .header("Content-Disposition", "attachment; filename=\"execution.csv\"").build();
    }

    private ExecutionReport report(String period, String from, String to, String envelopeId, String lineId, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        QueryParameterChecks.onlyKnownOnce(uri.getQueryParameters(), PARAMETERS, errors);
        Execution.Period unit = null;
        try {
            unit = absent(period) ? null : Execution.Period.valueOf(period.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // named below
        }
        if (unit == null) {
            errors.add(new FieldError("period", "is required: month, quarter or year"));
        }
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        UUID envelope = QueryParameterChecks.uuid("envelopeId", envelopeId, errors);
        UUID line = QueryParameterChecks.uuid("lineId", lineId, errors);
        if (absent(envelopeId) && absent(lineId)) {
            errors.add(new FieldError("envelopeId", "or lineId is required"));
        }
        QueryParameterChecks.throwIfAny(errors);
        return execution.report(unit, start, end, envelope, line);
    }

    private static LocalDate date(String name, String text, List<FieldError> errors) {
        try {
            if (!absent(text)) {
                return LocalDate.parse(text.strip());
            }
        } catch (DateTimeParseException e) {
            // named below
        }
        errors.add(new FieldError(name, "is required: a date YYYY-MM-DD"));
        return null;
    }
}
