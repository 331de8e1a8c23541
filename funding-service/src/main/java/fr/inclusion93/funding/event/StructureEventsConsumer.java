package fr.inclusion93.funding.event;

import fr.inclusion93.funding.service.BeneficiaryProjection;
import fr.inclusion93.events.EventHandlers;
import fr.inclusion93.events.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the beneficiary projection in step with {@code structure.events}. */
@ApplicationScoped
public class StructureEventsConsumer {

    static final String CONSUMER = "beneficiary-projection";

    private final EventHandlers handlers;

    StructureEventsConsumer(IdempotentConsumer consumer, BeneficiaryProjection projection) {
        this.handlers = consumer.handlers(CONSUMER);
        StructureChanged.KINDS.forEach(kind -> handlers.on(kind, projection::changed));
    }

    @Incoming("structure-events")
    @Blocking
    public void onStructureEvent(ConsumerRecord<String, String> record) {
        handlers.accept(record);
    }
}
