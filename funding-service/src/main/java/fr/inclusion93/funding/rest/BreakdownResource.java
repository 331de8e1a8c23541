package fr.inclusion93.funding.rest;

import static fr.inclusion93.problem.QueryParameterChecks.absent;

import fr.inclusion93.funding.report.Allocations;
import fr.inclusion93.funding.report.Breakdown;
import fr.inclusion93.funding.report.BreakdownCsv;
import fr.inclusion93.funding.report.BreakdownCursor;
import fr.inclusion93.funding.report.BreakdownDimension;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
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
public class BreakdownResource {

    private static final String RULES = "Committed money is counted once: a committed sub-line (\"dont\") counts its amount "
            + "in its own group (its beneficiary and territory, else its parent's), and its committed top-level line what "
            + "its sub-lines leave of its amount; summed over all groups, committed is the envelopes' committed total. "
            + "paid is the payments on top-level lines (as envelopes show it), in the line's group; forecast the later "
            + "years of multi-year lines (by=year: in the forecast's own year). A line's year is its own, else its "
            + "envelope's; its territory its own, else its envelope's, rolled up to the level asked: a commune counts in "
            + "its EPT and its département; a line of a whole EPT or département stays a group of its own in a breakdown "
            + "by commune (key EPT:… or DEPARTEMENT:…). ceiling is the sum of the envelopes' ceilings by programme, "
            + "envelope and year (envelopes without lines included), null when one of them states none and for the other "
            + "groupings; remaining = ceiling − committed. Draft and cancelled lines count nothing.";
    private static final String BY = "programme | envelope | year | beneficiary | commune | ept | departement";

    private final Breakdown breakdown;

    BreakdownResource(Breakdown breakdown) {
        this.breakdown = breakdown;
    }

    @GET
    @Path("/breakdown")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "breakdownReport", summary = "Ceiling, committed, paid, remaining and forecast money by group",
            description = "One row per group, then the totals; each row links to the lines behind its figures. " + RULES)
    @APIResponse(responseCode = "200", description = "The report (version 1 of its columns)",
            headers = @Header(name = ReconciliationResource.VERSION_HEADER, description = "Version of the columns",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreakdownReport.class),
                    examples = @ExampleObject(name = "by commune", value = Examples.BREAKDOWN)))
    @APIResponse(responseCode = "400", description = "by missing or unknown, a filter invalid, an unknown parameter; each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad by", value = Examples.BREAKDOWN_PARAMETER_PROBLEM)))
    public Response json(@QueryParam("by") @Parameter(required = true, description = BY, example = "commune") String by,
            @QueryParam("programmeId") @Parameter(description = "Only this programme's envelopes") String programmeId,
            @QueryParam("envelopeId") @Parameter(description = "Only this envelope") String envelopeId,
            @QueryParam("year") @Parameter(description = "Only lines of this year (envelopes of this year for ceilings)",
                    schema = @Schema(type = SchemaType.INTEGER)) String year,
            @Context UriInfo uri) {
        return Response.ok(report(by, programmeId, envelopeId, year, uri))
                .header(ReconciliationResource.VERSION_HEADER, Breakdown.VERSION).build();
    }

    @GET
    @Path("/breakdown.csv")
    @Produces(ReconciliationResource.CSV + ";charset=UTF-8")
    @Operation(operationId = "breakdownReportCsv", summary = "The breakdown as CSV",
            description = "RFC 4180, UTF-8, comma, a header row, one row per group then the totals (key total); the version "
                    + "of the columns is the X-Report-Version header (1). Columns, in this order: key, label, ceiling_cents, "
                    + "ceiling_euros, committed_cents, committed_euros, paid_cents, paid_euros, remaining_cents, "
                    + "remaining_euros, forecast_cents, forecast_euros, line_count, lines (the drill-down link). An empty "
                    + "cell is a null. " + RULES)
    @APIResponse(responseCode = "200", description = "The report as CSV (version 1 of its columns)",
            headers = @Header(name = ReconciliationResource.VERSION_HEADER, description = "Version of the columns",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = ReconciliationResource.CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "by commune", value = Examples.BREAKDOWN_CSV)))
    @APIResponse(responseCode = "400", description = "by missing or unknown, a filter invalid, an unknown parameter; each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad by", value = Examples.BREAKDOWN_PARAMETER_PROBLEM)))
    public Response csv(@QueryParam("by") @Parameter(required = true, description = BY, example = "commune") String by,
            @QueryParam("programmeId") @Parameter(description = "Only this programme's envelopes") String programmeId,
            @QueryParam("envelopeId") @Parameter(description = "Only this envelope") String envelopeId,
            @QueryParam("year") @Parameter(description = "Only lines of this year (envelopes of this year for ceilings)",
                    schema = @Schema(type = SchemaType.INTEGER)) String year,
            @Context UriInfo uri) {
        return Response.ok(BreakdownCsv.write(report(by, programmeId, envelopeId, year, uri)))
                .header(ReconciliationResource.VERSION_HEADER, Breakdown.VERSION)
                .header("Content-Disposition", "attachment; filename=\"breakdown.csv\"").build();
    }

    @GET
    @Path("/breakdown/lines")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "breakdownLines", summary = "The lines behind one group of the breakdown",
            description = "What each line, sub-line and forecast adds to the group (the link of a breakdown row), by line "
                    + "id; summed over every page they are the row's committed, paid and forecast figures. Each links to "
                    + "the line and its payments. Follow next until it is null.")
    @APIResponse(responseCode = "200", description = "One page of the group's lines",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreakdownLinesPage.class),
                    examples = @ExampleObject(name = "a commune's lines", value = Examples.BREAKDOWN_LINES)))
    @APIResponse(responseCode = "400", description = "by or key missing, a filter, limit or cursor invalid; each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad by", value = Examples.BREAKDOWN_PARAMETER_PROBLEM)))
    public BreakdownLinesPage lines(@QueryParam("by") @Parameter(required = true, description = BY, example = "commune") String by,
            @QueryParam("key") @Parameter(required = true, description = "The row's key", example = "COMMUNE:93027") String key,
            @QueryParam("programmeId") @Parameter(description = "As in the report") String programmeId,
            @QueryParam("envelopeId") @Parameter(description = "As in the report") String envelopeId,
            @QueryParam("year") @Parameter(description = "As in the report", schema = @Schema(type = SchemaType.INTEGER)) String year,
            @QueryParam("limit") @Parameter(description = "Most items on the page, 1 to 1000 (default 500)",
                    schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "From the next link of the previous page") String cursor,
            @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        QueryParameterChecks.onlyKnownOnce(uri.getQueryParameters(),
                Stream.concat(BreakdownParameters.SCOPE.stream(), Stream.of("key", "limit", "cursor")).toList(), errors);
        BreakdownDimension dimension = BreakdownParameters.by(by, errors);
        Allocations.Scope scope = BreakdownParameters.scope(programmeId, envelopeId, year, errors);
        if (absent(key)) {
            errors.add(new FieldError("key", "is required: the key of a row of the report"));
        }
        int pageSize = QueryParameterChecks.limit(limit, 500, 1000, errors);
        Optional<BreakdownCursor> after = absent(cursor) ? Optional.empty() : BreakdownCursor.decode(cursor.strip());
        if (!absent(cursor) && after.isEmpty()) {
            errors.add(new FieldError("cursor", "is not a cursor this operation gave (follow the next link)"));
        }
        QueryParameterChecks.throwIfAny(errors);
        return breakdown.lines(dimension, key.strip(), scope, after.orElse(null), pageSize);
    }

    private BreakdownReport report(String by, String programmeId, String envelopeId, String year, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        QueryParameterChecks.onlyKnownOnce(uri.getQueryParameters(), BreakdownParameters.SCOPE, errors);
        BreakdownDimension dimension = BreakdownParameters.by(by, errors);
        Allocations.Scope scope = BreakdownParameters.scope(programmeId, envelopeId, year, errors);
        QueryParameterChecks.throwIfAny(errors);
        return breakdown.report(dimension, scope);
    }
}
