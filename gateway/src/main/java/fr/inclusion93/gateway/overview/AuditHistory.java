package fr.inclusion93.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditHistory", description = "The changes of a period across the services, a first page of each kind of "
        + "record; a service that could not answer leaves its part out and is named in missing")
public record AuditHistory(
        @Schema(example = "2021-01-01T00:00:00Z") String from,
        @Schema(nullable = true, example = "2021-02-01T00:00:00Z") String to,
        @Schema(description = "false when a part is missing") boolean complete,
        List<TerritoryOverview.MissingPart> missing,
        List<Part> parts) {

    @Schema(name = "AuditHistoryPart", description = "One service's changes of one kind of record, oldest first")
    public record Part(
            @Schema(description = "structures, posts or funding-lines", example = "posts") String part,
            @Schema(example = "conseiller-service") String service,
            @Schema(type = SchemaType.ARRAY, description = "The service's audit entries as it gives them: recordedAt, "
                    + "actor, requestId, traceId, action, recordType, recordId, before, after") List<JsonNode> items,
            @Schema(nullable = true, description = "Where to read on (at the gateway, the service's own history with its "
                    + "cursor); null when the period holds no more",
                    example = "/api/conseillers/history?from=2021-01-01T00:00:00Z&recordType=post&cursor=MTYx") String next) {
    }
}
