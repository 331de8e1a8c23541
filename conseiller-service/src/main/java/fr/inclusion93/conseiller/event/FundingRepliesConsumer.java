package fr.inclusion93.conseiller.event;

import fr.inclusion93.conseiller.service.Post;
import fr.inclusion93.conseiller.service.PostService;
import fr.inclusion93.events.EventHandlers;
import fr.inclusion93.events.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** funding-service's replies to post openings and returns; its other events (lines, payments) are skipped. */
@ApplicationScoped
public class FundingRepliesConsumer {

    static final String CONSUMER = "post-funding";

    private final EventHandlers handlers;

    FundingRepliesConsumer(IdempotentConsumer consumer, PostService posts) {
        this.handlers = consumer.handlers(CONSUMER)
                .on(PostEvents.FUNDING_RESERVED, (event, reply) -> posts.funding(reply.postId(), Post.Funding.RESERVED,
                        reply.lineId(), reply.fundedMonths() + " State-funded months reserved: " + euros(reply.amountCents())))
                .on(PostEvents.FUNDING_REFUSED, (event, reply) -> posts.funding(reply.postId(), Post.Funding.REFUSED,
                        null, reply.reason() + (reply.detail() == null ? "" : ": " + reply.detail())))
                .on(PostEvents.FUNDING_RELEASED, (event, reply) -> posts.funding(reply.postId(), Post.Funding.RELEASED,
                        reply.lineId(), euros(reply.releasedCents()) + " released, " + euros(reply.keptCents()) + " kept"));
    }

    @Incoming("funding-events")
    @Blocking
    public void onFundingEvent(ConsumerRecord<String, String> record) {
        handlers.accept(record);
    }

    private static String euros(long cents) {
        return String.format(java.util.Locale.ROOT, "%d.%02d €", cents / 100, Math.abs(cents % 100));
    }
}
