package fr.inclusion93.funding.event;

import fr.inclusion93.events.EventHandlers;
import fr.inclusion93.events.IdempotentConsumer;
import fr.inclusion93.funding.service.PostSubsidies;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The post subsidy saga's side in funding-service: reads post openings and returns. Other post events are skipped,
 * PostEnded included: a holder's contract ending leaves the post to be filled again with the months left.
 */
@ApplicationScoped
public class PostEventsConsumer {

    static final String CONSUMER = "post-subsidies";

    private final EventHandlers handlers;

    PostEventsConsumer(IdempotentConsumer consumer, PostSubsidies subsidies) {
        this.handlers = consumer.handlers(CONSUMER)
                .on(PostEvents.OPENED, (envelope, post) -> subsidies.opened(post))
                .on(PostEvents.RETURNED, (envelope, post) -> subsidies.ended(post.asEnd()));
    }

    @Incoming("post-events")
    @Blocking
    public void onPostEvent(ConsumerRecord<String, String> record) {
        handlers.accept(record);
    }
}
