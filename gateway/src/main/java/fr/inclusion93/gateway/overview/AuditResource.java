package fr.inclusion93.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Auditors' view of a period across the services: who changed which structure, post or funding line. */
@Path("/api/audit")
@Tag(name = "Overview")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /** A kind of record, the service whose history holds it, and that history's path and parameters. */
    private record Source(String part, String service, String path, String... parameters) {
    }

    static final String MISSING_PARTS = "Audit-Missing-Parts";
    private static final String CSV = "text/csv";
    /** The largest page the services give: the file is written a page at a time. */
    private static final String CSV_PAGE = "500";

    private final ServiceCalls calls;
    private final List<Source> sources = List.of(
            new Source("structures", "structure-service", "/api/structures/history"),
            new Source("posts", "conseiller-service", "/api/conseillers/history", "recordType", "post"),
            new Source("funding-lines", "funding-service", "/api/funding/lines/history"));

    AuditResource(ServiceCalls calls) {
        this.calls = calls;
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "getAuditHistory", summary = "Who changed which structure, post or funding line in a period",
            description = "The three services' audit trails for [from, to), asked in parallel with the caller's token: "
                    + "the first page of each (oldest change first), and for each the path to read on at the gateway "
                    + "(the service's own history with its cursor). A service that is down or slow leaves its part "
                    + "out and is named in missing (complete false): the answer is still a 200.")
    @APIResponse(responseCode = "200", description = "The period's changes, per kind of record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditHistory.class),
                    examples = @ExampleObject(name = "funding-service down", value = OverviewExamples.AUDIT_HISTORY)))
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid; every one is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<AuditHistory> history(
            @QueryParam("from") @Parameter(required = true, description = "Start of the period, included",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2021-01-01T00:00:00Z") String from,
            @QueryParam("to") @Parameter(description = "End of the period, excluded; absent for no end",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2021-02-01T00:00:00Z") String to,
            @QueryParam("limit") @Parameter(description = "Most changes per kind, 1 to 500 (default 100)",
                    schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        List<FieldError> errors = new ArrayList<>();
        QueryParameterChecks.onlyKnownOnce(uri.getQueryParameters(), List.of("from", "to", "limit"), errors);
        int pageSize = QueryParameterChecks.limit(limit, 100, 500, errors);
        checkPeriod(from, to, errors);
        String size = Integer.toString(pageSize);
        List<CompletableFuture<ServiceCalls.Answer>> answers = firstPages(ServiceCalls.carried(headers), from, to, size);
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<TerritoryOverview.MissingPart> missing = new ArrayList<>();
            List<AuditHistory.Part> parts = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                Source source = sources.get(i);
                JsonNode page = answers.get(i).join().bodyOrMissing(source.part(), source.service(), missing);
                if (page != null) {
                    List<JsonNode> items = new ArrayList<>();
                    page.path("items").forEach(items::add);
                    String cursor = page.path("next").asText(null);
                    parts.add(new AuditHistory.Part(source.part(), source.service(), items, cursor == null ? null
                            : source.path() + ServiceCalls.query(parameters(source, from, to, size, cursor))));
                }
            }
            return new AuditHistory(from, to, missing.isEmpty(), missing, parts);
        });
    }

    @GET
    @Path("/history.csv")
    @Produces(CSV)
    @Blocking // follows each service's pages while it writes
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "getAuditHistoryCsv", summary = "Every change of structures, posts and funding lines in a "
            + "period, as CSV",
            description = "The three services' audit trails for [from, to), whole: each service's pages are read in "
                    + "turn as the file is written (structures, then posts, then funding lines; oldest change first in "
                    + "each), so its size is not bounded by memory. Columns, in this order: part, service, recordedAt, "
                    + "recordType, recordId, action, actor, requestId, traceId, before, after (before and after are the "
                    + "record's JSON, empty for none). A service that cannot give its first page is left out and named "
                    + "in the Audit-Missing-Parts header (the answer is still a 200); one that fails after the file "
                    + "has started cuts it short: the transfer ends without its last chunk, never as a complete file.")
    @APIResponse(responseCode = "200", description = "The period's changes; Audit-Missing-Parts names the parts left out",
            headers = @Header(name = MISSING_PARTS, description = "The parts left out (structures, posts, funding-lines), "
                    + "comma-separated; absent when the file is complete", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "one change", value = OverviewExamples.AUDIT_HISTORY_CSV)))
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid; every one is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response historyCsv(
            @QueryParam("from") @Parameter(required = true, description = "Start of the period, included",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2021-01-01T00:00:00Z") String from,
            @QueryParam("to") @Parameter(description = "End of the period, excluded; absent for no end",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2021-02-01T00:00:00Z") String to,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        List<FieldError> errors = new ArrayList<>();
        QueryParameterChecks.onlyKnownOnce(uri.getQueryParameters(), List.of("from", "to"), errors);
        checkPeriod(from, to, errors);
        Map<String, String> carried = ServiceCalls.carried(headers);
        List<CompletableFuture<ServiceCalls.Answer>> answers = firstPages(carried, from, to, CSV_PAGE);
        List<TerritoryOverview.MissingPart> missing = new ArrayList<>();
        Map<Source, JsonNode> firstPages = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            Source source = sources.get(i);
            JsonNode page = answers.get(i).join().bodyOrMissing(source.part(), source.service(), missing);
            if (page != null) {
                firstPages.put(source, page);
            }
        }
        StreamingOutput file = out -> {
            try (AuditCsv csv = new AuditCsv(out)) {
                for (Map.Entry<Source, JsonNode> first : firstPages.entrySet()) {
                    writeAllPages(csv, first.getKey(), first.getValue(), from, to, carried);
                }
            }
        };
        Response.ResponseBuilder answer = Response.ok(file, CSV)
                .header("Content-Disposition", "attachment; filename=\"audit-history.csv\"");
        if (!missing.isEmpty()) {
            answer.header(MISSING_PARTS, String.join(",", missing.stream().map(TerritoryOverview.MissingPart::part).toList()));
        }
        return answer.build();
    }

    private void writeAllPages(AuditCsv csv, Source source, JsonNode firstPage, String from, String to,
            Map<String, String> carried) throws IOException {
        JsonNode page = firstPage;
        while (true) {
            csv.write(source.part(), source.service(), page.path("items"));
            String cursor = page.path("next").asText(null);
            if (cursor == null) {
                return;
            }
            ServiceCalls.Answer next = calls.get(source.service(), source.path(), carried,
                    parameters(source, from, to, CSV_PAGE, cursor)).join();
            if (next.body() == null) {
                throw new IOException("the audit history is cut short: " + next.reason());
            }
            page = next.body();
        }
    }

    private static void checkPeriod(String from, String to, List<FieldError> errors) {
        if (QueryParameterChecks.absent(from)) {
            errors.add(new FieldError("from", "is required (an ISO-8601 instant such as 2021-01-15T00:00:00Z)"));
        } else {
            instant("from", from, errors);
        }
        if (!QueryParameterChecks.absent(to)) {
            instant("to", to, errors);
        }
        QueryParameterChecks.throwIfAny(errors);
    }

    /** Each source's first page, asked in parallel with the caller's headers. */
    private List<CompletableFuture<ServiceCalls.Answer>> firstPages(Map<String, String> carried, String from, String to,
            String pageSize) {
        return sources.stream().map(source -> calls.get(source.service(), source.path(), carried,
                parameters(source, from, to, pageSize, null))).toList();
    }

    private static String[] parameters(Source source, String from, String to, String limit, String cursor) {
        List<String> all = new ArrayList<>(Arrays.asList("from", from, "to", to, "limit", limit, "cursor", cursor));
        all.addAll(Arrays.asList(source.parameters()));
        return all.toArray(String[]::new);
    }

    private static void instant(String name, String text, List<FieldError> errors) {
        try {
            OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant with its offset, such as 2021-01-15T00:00:00Z"));
        }
    }
}
