package fr.inclusion93.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** An event a consumer of this service has applied. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    @Embeddable
    public record Key(@Column(name = "consumer") String consumer, @Column(name = "event_id") UUID eventId)
            implements Serializable {
    }

    /**
     * Claims the event for the consumer in the current transaction.
     *
     * @return false when it was already processed (or is being processed by a concurrent transaction, which then wins)
     */
    static boolean record(String consumer, EventEnvelope event) {
        int inserted = getEntityManager().createNativeQuery("""
                insert into processed_event (consumer, event_id, event_type, processed_at)
                values (:consumer, :eventId, :eventType, now())
                on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", event.eventId())
                .setParameter("eventType", event.eventType())
                .executeUpdate();
        return inserted == 1;
    }

    public static boolean isProcessed(String consumer, UUID eventId) {
        return findByIdOptional(new Key(consumer, eventId)).isPresent();
    }
}
