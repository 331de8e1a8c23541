package fr.inclusion93.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.Wellness;

/**
 * The plumbing's backlog in {@code /q/health} (a wellness check: it does not take the instance out of rotation, a
 * waiting event is no reason to refuse requests). DOWN when an outbox event is parked, an unsent one is older than
 * {@code outbox.unsent-age-alert}, or a held one older than {@code event-consumer.held-age-alert}.
 */
@Wellness
@ApplicationScoped
public class EventsHealthCheck implements HealthCheck {

    private final EventBacklog backlog;
    private final OutboxConfig outbox;
    private final EventConsumerConfig consumers;

    EventsHealthCheck(EventBacklog backlog, OutboxConfig outbox, EventConsumerConfig consumers) {
        this.backlog = backlog;
        this.outbox = outbox;
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        EventBacklog.Snapshot now = backlog.refresh();
        boolean healthy = now.parked() == 0 && !olderThan(now.oldestUnsentAge(), outbox.unsentAgeAlert())
                && !olderThan(now.oldestHeldAge(), consumers.heldAgeAlert());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("events").status(healthy)
                .withData("outboxUnsent", now.unsent())
                .withData("outboxParked", now.parked())
                .withData("outboxOldestUnsentSeconds", seconds(now.oldestUnsentAge()))
                .withData("consumersHeld", now.held())
                .withData("consumersOldestHeldSeconds", seconds(now.oldestHeldAge()));
        return response.build();
    }

    private static boolean olderThan(Duration age, Duration limit) {
        return age != null && age.compareTo(limit) > 0;
    }

    private static long seconds(Duration age) {
        return age == null ? 0 : age.toSeconds();
    }
}
