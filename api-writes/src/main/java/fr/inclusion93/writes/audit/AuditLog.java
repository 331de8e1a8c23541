package fr.inclusion93.writes.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes the audit trail of the records a service owns: who (the caller's client id), when, from which request and
 * trace, what (action, record type and id) and the record's state before and after, as JSON.
 */
@ApplicationScoped
public class AuditLog {

    /** The actor of a change no authenticated request made (a consumer's, a timer's). */
    public static final String SYSTEM = "system";

    private final CurrentActor actor;
    private final RequestIds requestIds;
    private final ObjectMapper mapper;

    AuditLog(CurrentActor actor, RequestIds requestIds, ObjectMapper mapper) {
        this.actor = actor;
        this.requestIds = requestIds;
        this.mapper = mapper;
    }

    /**
     * Records a change in the caller's transaction, so that it commits or rolls back with the change.
     *
     * @param action     what happened, e.g. the event type {@code StructureRegistered}
     * @param before     the record's state before the change (written as JSON); null for a creation
     * @param after      its state after; null for a deletion
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String recordType, String recordId, Object before, Object after) {
        if (before == null && after == null) {
            throw new IllegalArgumentException("An audit record needs a state before or after the change");
        }
        AuditRecord row = new AuditRecord();
        row.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        row.actor = actor.current().orElse(SYSTEM);
        row.requestId = requestIds.current().orElse(null);
        SpanContext span = Span.current().getSpanContext();
        row.traceId = span.isValid() ? span.getTraceId() : null;
        row.action = action;
        row.recordType = recordType;
        row.recordId = recordId;
        row.beforeJson = json(before);
        row.afterJson = json(after);
        row.persist();
    }

    private String json(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The state of an audited record cannot be written as JSON", e);
        }
    }
}
