package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.PostHistory;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.problem.QueryParameterChecks;
import fr.inclusion93.security.Roles;
import fr.inclusion93.writes.audit.AuditPage;
import fr.inclusion93.writes.audit.AuditQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who changed what in a period: the audit trail of the posts, agreements and contracts, for auditors. */
@Path("/api/conseillers/history")
@Tag(name = "Posts")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    private final PostHistory history;

    HistoryResource(PostHistory history) {
        this.history = history;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "listConseillerChanges", summary = "Every change of a post, agreement or contract in a period",
            description = "For audits per period: from is included, to excluded; follow next until it is null. Each "
                    + "change says who made it (client id), from which request, and the record before and after it. "
                    + "Changes are listed by the time their transaction started, so a period is complete once it ended "
                    + "a few seconds ago. The people's own records (personal data) are not part of it.")
    @APIResponse(responseCode = "200", description = "One page of changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class),
                    examples = @ExampleObject(name = "a post opened", value = Examples.POST_HISTORY)))
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid; every one is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "from missing, unknown kind", value = Examples.HISTORY_PARAMETER_PROBLEM)))
    public AuditPage changes(
            @QueryParam("from") @Parameter(required = true, description = "Start of the period, included",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2021-01-01T00:00:00Z") String from,
            @QueryParam("to") @Parameter(description = "End of the period, excluded; absent for no end",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2021-02-01T00:00:00Z") String to,
            @QueryParam("recordType") @Parameter(description = "post (default), agreement or contract", example = "post")
            String recordType,
            @QueryParam("limit") @Parameter(description = "Most changes on the page, 1 to " + AuditQuery.MAX_LIMIT
                    + " (default " + AuditQuery.DEFAULT_LIMIT + ")", schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = "The next of the previous page; absent for the first") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        String kind = QueryParameterChecks.absent(recordType) ? "post" : recordType;
        if (!PostHistory.KINDS.containsKey(kind)) {
            errors.add(new FieldError("recordType", "is one of " + String.join(", ", new TreeSet<>(PostHistory.KINDS.keySet()))));
        }
        AuditQuery query = null;
        try {
            query = AuditQuery.period(from, to, limit, cursor);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        QueryParameterChecks.throwIfAny(errors);
        return history.during(kind, query);
    }
}
