package fr.inclusion93.structure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** What a test's writes left in the database, found by the SIRET each test makes fresh. */
@ApplicationScoped
public class TestRows {

    private final EntityManager entityManager;

    TestRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public long structures(String siret) {
        return count("select count(*) from structure where siret = ?1", siret);
    }

    /** Changes published for the structures with this SIRET: the outbox rows of the latest schema version of each type. */
    public long outboxEvents(String siret) {
        return count("select count(*) from outbox_event e where envelope like ?1 and schema_version = "
                + "(select max(schema_version) from outbox_event l where l.event_type = e.event_type and l.aggregate_id = e.aggregate_id)",
                "%\"siret\":\"" + siret + "\"%");
    }

    public long auditRecords(String siret) {
        return count("select count(*) from audit_record where after ->> 'siret' = ?1", siret);
    }

    public long idempotencyKeys(String clientId, String key) {
        return count("select count(*) from idempotency_key where client_id = ?1 and idempotency_key = ?2", clientId, key);
    }

    private long count(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}
