package fr.inclusion93.funding.event;

import fr.inclusion93.events.EventHandlers;
import fr.inclusion93.events.IdempotentConsumer;
import fr.inclusion93.funding.service.PostSubsidies;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The post subsidy saga's side in funding-service: reads post openings, ends and returns; other post events are skipped. */
@ApplicationScoped
public class PostEventsConsumer {

    static final String CONSUMER = "post-subsidies";

    private final EventHandlers handlers;

    PostEventsConsumer(IdempotentConsumer consumer, PostSubsidies subsidies) {
        this.handlers = consumer.handlers(CONSUMER)
                .on(PostEvents.OPENED, (envelope, post) -> subsidies.opened(post))
                .on(PostEvents.ENDED, (envelope, post) -> subsidies.ended(post))
                .on(PostEvents.RETURNED, (envelope, post) -> subsidies.ended(post.asEnd()));
    }

    @Incoming("post-events")
    @Blocking
    public void onPostEvent(ConsumerRecord<String, String> record) {
        handlers.accept(record);
    }
}
