package fr.inclusion93.events;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * What a service's consumers remember, in the transaction of each effect: the events applied
 * ({@code processed_event}), the last version applied per aggregate ({@code consumed_aggregate}) and the events that
 * arrived ahead of an earlier version ({@code held_event}).
 */
final class ConsumerLedger {

    private ConsumerLedger() {
    }

    /** A held event, as received. */
    record Held(long version, String envelope, String traceparent) {
    }

    /** An aggregate whose next version is among the held events. */
    record Due(String consumer, String aggregateType, String aggregateId) {
    }

    /** Held events of the whole service: how many, and since when the oldest waits. */
    record HeldSummary(long count, Instant oldest) {
    }

    /** Claims the event for the consumer; false when it was processed before (or by a concurrent transaction, which wins). */
    static boolean recordProcessed(String consumer, EventEnvelope event, String traceId) {
        return em().createNativeQuery("""
                insert into processed_event (consumer, event_id, event_type, processed_at, aggregate_type, aggregate_id,
                                             aggregate_version, trace_id)
                values (:consumer, :eventId, :eventType, now(), :aggregateType, :aggregateId, :version, :traceId)
                on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", event.eventId())
                .setParameter("eventType", event.eventType())
                .setParameter("aggregateType", event.aggregateType())
                .setParameter("aggregateId", event.aggregateId())
                .setParameter("version", event.aggregateVersion())
                .setParameter("traceId", traceId)
                .executeUpdate() == 1;
    }

    /** The last version of the aggregate the consumer applied (0 for none), locked until the transaction ends. */
    static long lockPosition(String consumer, String aggregateType, String aggregateId) {
        return ((Number) em().createNativeQuery("""
                insert into consumed_aggregate as c (consumer, aggregate_type, aggregate_id, version)
                values (:consumer, :type, :id, 0)
                on conflict (consumer, aggregate_type, aggregate_id) do update set version = c.version
                returning c.version""")
                .setParameter("consumer", consumer).setParameter("type", aggregateType).setParameter("id", aggregateId)
                .getSingleResult()).longValue();
    }

    /** Whether this version of the aggregate is among the consumer's held events. */
    static boolean isHeld(String consumer, String aggregateType, String aggregateId, long version) {
        return !em().createNativeQuery("""
                select 1 from held_event
                where consumer = :consumer and aggregate_type = :type and aggregate_id = :id and aggregate_version = :version""")
                .setParameter("consumer", consumer).setParameter("type", aggregateType).setParameter("id", aggregateId)
                .setParameter("version", version)
                .getResultList().isEmpty();
    }

    static void advance(String consumer, String aggregateType, String aggregateId, long version) {
        em().createNativeQuery("""
                update consumed_aggregate set version = :version
                where consumer = :consumer and aggregate_type = :type and aggregate_id = :id""")
                .setParameter("version", version)
                .setParameter("consumer", consumer).setParameter("type", aggregateType).setParameter("id", aggregateId)
                .executeUpdate();
    }

    static void hold(String consumer, EventEnvelope event, String envelope, String traceparent) {
        em().createNativeQuery("""
                insert into held_event (consumer, aggregate_type, aggregate_id, aggregate_version, event_id, envelope, traceparent)
                values (:consumer, :type, :id, :version, :eventId, :envelope, :traceparent) on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("type", event.aggregateType()).setParameter("id", event.aggregateId())
                .setParameter("version", event.aggregateVersion())
                .setParameter("eventId", event.eventId())
                .setParameter("envelope", envelope)
                .setParameter("traceparent", traceparent)
                .executeUpdate();
    }

    /** The held event with exactly this version, removed from the held ones (in the current transaction), or null. */
    static Held takeHeld(String consumer, String aggregateType, String aggregateId, long version) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("""
                delete from held_event
                where consumer = :consumer and aggregate_type = :type and aggregate_id = :id and aggregate_version = :version
                returning aggregate_version, envelope, traceparent""")
                .setParameter("consumer", consumer).setParameter("type", aggregateType).setParameter("id", aggregateId)
                .setParameter("version", version)
                .getResultList();
        return rows.isEmpty() ? null
                : new Held(((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1], (String) rows.get(0)[2]);
    }

    @SuppressWarnings("unchecked")
    static List<Due> heldAndDue() {
        List<Object[]> rows = em().createNativeQuery("""
                select h.consumer, h.aggregate_type, h.aggregate_id from held_event h
                left join consumed_aggregate c on c.consumer = h.consumer and c.aggregate_type = h.aggregate_type
                                              and c.aggregate_id = h.aggregate_id
                where h.aggregate_version = coalesce(c.version, 0) + 1""").getResultList();
        return rows.stream().map(row -> new Due((String) row[0], (String) row[1], (String) row[2])).toList();
    }

    static HeldSummary heldSummary() {
        Object[] row = (Object[]) em().createNativeQuery("select count(*), min(held_at) from held_event").getSingleResult();
        return new HeldSummary(((Number) row[0]).longValue(), toInstant(row[1]));
    }

    /** Forgets applied events older than the instant: no record that old can still be delivered. */
    static int forgetProcessedBefore(Instant before) {
        return em().createNativeQuery("delete from processed_event where processed_at < :before")
                .setParameter("before", before)
                .executeUpdate();
    }

    static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static EntityManager em() {
        return ProcessedEvent.getEntityManager();
    }
}
