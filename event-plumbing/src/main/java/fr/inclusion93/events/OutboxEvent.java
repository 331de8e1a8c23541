package fr.inclusion93.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** An event waiting in this service's outbox; {@code sentAt} is set once the broker acknowledged it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(name = "aggregate_version")
    public Long aggregateVersion;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "schema_version", nullable = false)
    public int schemaVersion;

    @Column(nullable = false)
    public String envelope;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column
    public String traceparent;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Sends that failed because of this row (not because the broker was away). */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    /** Set when the relay gave up on the row: its aggregate's later events wait until an operator retries or discards it. */
    @Column(name = "parked_at")
    public Instant parkedAt;

    @Column(name = "discarded_envelope")
    public String discardedEnvelope;

    /** The aggregate's next version, taken in the caller's transaction (the version row stays locked until it ends). */
    static long nextAggregateVersion(String aggregateType, String aggregateId) {
        return ((Number) getEntityManager().createNativeQuery("""
                insert into outbox_aggregate_version as v (aggregate_type, aggregate_id, version) values (:type, :id, 1)
                on conflict (aggregate_type, aggregate_id) do update set version = v.version + 1
                returning v.version""")
                .setParameter("type", aggregateType)
                .setParameter("id", aggregateId)
                .getSingleResult()).longValue();
    }

    /**
     * The oldest unsent rows that may go now: not parked, not waiting out a retry delay, and not behind an earlier row
     * of their aggregate that is (so an aggregate's events keep their order while other aggregates move on).
     */
    @SuppressWarnings("unchecked")
    static List<OutboxEvent> nextToSend(int limit) {
        return getEntityManager().createNativeQuery("""
                select o.* from outbox_event o
                where o.sent_at is null and o.parked_at is null
                  and (o.next_attempt_at is null or o.next_attempt_at <= now())
                  and not exists (select 1 from outbox_event t
                                  where t.sent_at is null and t.attempts > 0
                                    and t.aggregate_type = o.aggregate_type and t.aggregate_id = o.aggregate_id
                                    and t.id < o.id and (t.parked_at is not null or t.next_attempt_at > now()))
                order by o.id
                limit :limit""", OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    static void markSent(Collection<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            update("sentAt = ?1 where id in ?2 and sentAt is null", at, ids);
        }
    }

    /** Counts a failed send against the row; at {@code maxAttempts} the row is parked. */
    static void recordFailure(long id, String error, int maxAttempts, Duration retryDelay) {
        getEntityManager().createNativeQuery("""
                update outbox_event set attempts = attempts + 1, last_error = :error,
                       next_attempt_at = now() + make_interval(secs => :delay * power(2, attempts)),
                       parked_at = case when attempts + 1 >= :max then now() end
                where id = :id and sent_at is null""")
                .setParameter("error", error)
                .setParameter("delay", retryDelay.toMillis() / 1000.0)
                .setParameter("max", maxAttempts)
                .setParameter("id", id)
                .executeUpdate();
    }

    static List<OutboxEvent> parked() {
        return list("parkedAt is not null and sentAt is null order by id");
    }

    static OutboxEvent findParked(long id) {
        return find("id = ?1 and parkedAt is not null and sentAt is null", id).firstResult();
    }

    static long countUnsent() {
        return count("sentAt is null");
    }
}
