package fr.inclusion93.writes.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the audit trail for auditors: one record's changes, or every change of a record type in a period. */
@ApplicationScoped
public class AuditTrail {

    private static final TypeReference<Map<String, Object>> STATE = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    AuditTrail(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The changes of one record, oldest first. */
    public AuditPage ofRecord(String recordType, String recordId, AuditQuery query) {
        return page("recordType = :type and recordId = :id", Parameters.with("type", recordType).and("id", recordId), query);
    }

    /** The changes of records of one type made in the query's period, oldest first. */
    public AuditPage during(String recordType, AuditQuery query) {
        return page("recordType = :type", Parameters.with("type", recordType), query);
    }

    private AuditPage page(String selection, Parameters parameters, AuditQuery query) {
        StringBuilder where = new StringBuilder(selection);
        if (query.from() != null) {
            where.append(" and recordedAt >= :from");
            parameters.and("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and recordedAt < :to");
            parameters.and("to", query.to());
        }
        if (query.after() != null) {
            where.append(" and (recordedAt > :afterTime or (recordedAt = :afterTime and id > :afterId))");
            parameters.and("afterTime", query.after().recordedAt()).and("afterId", query.after().id());
        }
        List<AuditRecord> rows = new ArrayList<>(AuditRecord.<AuditRecord>find(where + " order by recordedAt, id", parameters)
                .range(0, query.limit()) // one more than asked: whether a next page exists
                .list());
        String next = null;
        if (rows.size() > query.limit()) {
            rows.remove(query.limit());
            next = AuditCursor.after(rows.get(rows.size() - 1)).encode();
        }
        return new AuditPage(rows.stream().map(this::toEntry).toList(), next);
    }

    private AuditEntry toEntry(AuditRecord row) {
        return new AuditEntry(row.recordedAt, row.actor, row.requestId, row.traceId, row.action, row.recordType,
                row.recordId, state(row.beforeJson), state(row.afterJson));
    }

    private Map<String, Object> state(String json) {
        try {
            return json == null ? null : mapper.readValue(json, STATE);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
