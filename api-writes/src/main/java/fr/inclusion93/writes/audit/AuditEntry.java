package fr.inclusion93.writes.audit;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One change of one record: who, when, from which request, and the record before and after")
public record AuditEntry(
        @Schema(description = "When the change was made")
        Instant recordedAt,
        @Schema(description = "OAuth2 client id of the caller; \"system\" for the service's own work",
                examples = "ept-plaine-commune")
        String actor,
        @Schema(description = "X-Request-Id of the request, as it was echoed to the caller",
                examples = "7d2f1a9c-3e4b-4f6a-9b8c-1d2e3f4a5b6c")
        String requestId,
        @Schema(description = "OpenTelemetry trace id of the request, to find it in the logs",
                examples = "4bf92f3577b34da6a3ce929d0e0e4736")
        String traceId,
        @Schema(description = "What happened", examples = "StructureRegistered")
        String action,
        @Schema(examples = "structure")
        String recordType,
        @Schema(examples = "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10")
        String recordId,
        @Schema(nullable = true, description = "The record before the change; null for a creation")
        Map<String, Object> before,
        @Schema(nullable = true, description = "The record after the change; null for a deletion")
        Map<String, Object> after) {
}
