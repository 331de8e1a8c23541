package fr.inclusion93.conseiller.event;

import fr.inclusion93.conseiller.service.HostStructureProjection;
import fr.inclusion93.events.EventHandlers;
import fr.inclusion93.events.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the host-structure projection in step with {@code structure.events}. */
@ApplicationScoped
public class StructureEventsConsumer {

    static final String CONSUMER = "host-structure-projection";

    private final EventHandlers handlers;

    StructureEventsConsumer(IdempotentConsumer consumer, HostStructureProjection projection) {
        this.handlers = consumer.handlers(CONSUMER);
        StructureChanged.KINDS.forEach(kind -> handlers.on(kind, projection::changed));
    }

    @Incoming("structure-events")
    @Blocking
    public void onStructureEvent(ConsumerRecord<String, String> record) {
        handlers.accept(record);
    }
}
