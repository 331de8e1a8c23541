package fr.inclusion93.funding.rest;

import fr.inclusion93.funding.service.LineHistory;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.writes.audit.AuditPage;
import fr.inclusion93.writes.audit.AuditQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who changed which funding line, when, and what it was before and after: the audit trail, for the State and auditors. */
@Path("/api/funding/lines")
@Tag(name = "Funding lines")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class LineHistoryResource {

    private static final String LIMIT = "Most changes on the page, 1 to " + AuditQuery.MAX_LIMIT + " (default "
            + AuditQuery.DEFAULT_LIMIT + ")";
    private static final String CURSOR = "The next of the previous page; absent for the first page";

    private final LineHistory history;

    LineHistoryResource(LineHistory history) {
        this.history = history;
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getLineHistory", summary = "The audit trail of one funding line, oldest change first",
            description = "Its creation, commitment, each payment and credit note, cancellation or closing: who (client "
                    + "id) did it, when, from which request (X-Request-Id, trace id), and the line before and after.")
    @APIResponse(responseCode = "200", description = "One page of changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class),
                    examples = @ExampleObject(name = "committed", value = Examples.LINE_HISTORY)))
    @APIResponse(responseCode = "400", description = "limit or cursor invalid, or the id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No line with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public AuditPage history(@PathParam("id") UUID id,
            @QueryParam("limit") @Parameter(description = LIMIT, schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = CURSOR) String cursor) {
        return history.of(id, AuditQuery.page(limit, cursor));
    }

    @GET
    @Path("/history")
    @Operation(operationId = "listLineHistory", summary = "Every change of a funding line in a period, oldest first",
            description = "For audits per period: from is included, to excluded. Follow next until it is null. Changes "
                    + "are listed by the time their transaction started, so a period is complete once it ended a few "
                    + "seconds ago (for incremental copies, /api/funding/lines/changes never misses one).")
    @APIResponse(responseCode = "200", description = "One page of changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class),
                    examples = @ExampleObject(name = "page with a next", value = Examples.LINE_HISTORY_PAGE)))
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid; every one is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "from missing", value = Examples.LINE_HISTORY_PARAMETER_PROBLEM)))
    public AuditPage changes(
            @QueryParam("from") @Parameter(required = true, description = "Start of the period, included",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2021-01-01T00:00:00Z") String from,
            @QueryParam("to") @Parameter(description = "End of the period, excluded; absent for no end",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2021-02-01T00:00:00Z") String to,
            @QueryParam("limit") @Parameter(description = LIMIT, schema = @Schema(type = SchemaType.INTEGER)) String limit,
            @QueryParam("cursor") @Parameter(description = CURSOR) String cursor) {
        return history.during(AuditQuery.period(from, to, limit, cursor));
    }
}
