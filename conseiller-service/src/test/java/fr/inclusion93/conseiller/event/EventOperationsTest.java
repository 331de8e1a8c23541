package fr.inclusion93.conseiller.event;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import fr.inclusion93.events.EventRetention;
import fr.inclusion93.events.testing.KafkaTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dead-letter replay, the retention of applied event ids, and the trace context a consumer continues. */
@QuarkusTest
class EventOperationsTest {

    private static final String TOPIC = "structure.events";
    private static final Duration WAIT = Duration.ofSeconds(60); // a consumer group can take long to form on a loaded machine

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.incoming.structure-events.dead-letter-queue.topic")
    String deadLetterTopic;

    @Inject
    EntityManager entityManager;

    @Inject
    EventRetention retention;

    @Inject
    MeterRegistry registry;

    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        kafka = new KafkaTestClient(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aReplayedDeadLetterIsAppliedOnceAndASecondReplaySendsNothingAgain() {
        replay(false);
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, String> dead = deadLetter(id, registered(UUID.randomUUID(), id));
        double duplicates = consumed("duplicate");
        kafka.send(dead);
        kafka.send(dead);

        asAdmin().queryParam("topic", deadLetterTopic).post("/admin/events/dead-letters/replay")
                .then().statusCode(200).body("replayed", equalTo(2));
        await().atMost(WAIT).until(() -> consumed("duplicate") > duplicates);
        asAdmin().get("/api/conseillers/host-structures/" + id).then().statusCode(200);
        asAdmin().queryParam("topic", deadLetterTopic).post("/admin/events/dead-letters/replay")
                .then().statusCode(200).body("replayed", equalTo(0));

        // per aggregate, not the applied counter: the consumer may still be catching up on other runs' events
        assertThat(number("select count(*) from processed_event where aggregate_id = ?1", id))
                .as("the two copies applied once").isOne();
    }

    @Test
    void aRecordThatFailedAgainAfterAReplayIsReplayedOnlyWhenAskedFor() {
        replay(false);
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, String> failedAgain = deadLetter(id, registered(UUID.randomUUID(), id));
        failedAgain.headers().add("replayed-from", (deadLetterTopic + "/0/1").getBytes(StandardCharsets.UTF_8));
        kafka.send(failedAgain);

        asAdmin().queryParam("topic", deadLetterTopic).post("/admin/events/dead-letters/replay")
                .then().statusCode(200).body("replayed", equalTo(0))
                .body("skipped", greaterThanOrEqualTo(1)); // with earlier tests' poison records, back from their replay
        asAdmin().queryParam("topic", deadLetterTopic).queryParam("includeReplayed", true).post("/admin/events/dead-letters/replay")
                .then().statusCode(200);

        await().atMost(WAIT).until(() -> asAdmin().get("/api/conseillers/host-structures/" + id).statusCode() == 200);
    }

    @Test
    void onlyThisServicesDeadLetterTopicsCanBeReplayed() {
        asAdmin().queryParam("topic", TOPIC).post("/admin/events/dead-letters/replay")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("topic")).body("errors[0].reason", containsString(deadLetterTopic));
    }

    @Test
    void appliedEventIdsAreForgottenOnceNoRecordThatOldCanBeDelivered() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            insertProcessed(old, "now() - interval '8 days 1 hour'");  // topic retention 7d + margin 1d
            insertProcessed(recent, "now() - interval '7 days 23 hours'");
        });

        retention.purgeProcessedEvents();

        assertThat(number("select count(*) from processed_event where event_id = ?1", old)).isZero();
        assertThat(number("select count(*) from processed_event where event_id = ?1", recent)).isOne();
    }

    @Test
    void theConsumerContinuesTheTraceOfTheRequestThatCausedTheEvent() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String id = UUID.randomUUID().toString();
        UUID eventId = UUID.randomUUID();
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, id, registered(eventId, id));
        record.headers().add("traceparent", ("00-" + traceId + "-b7ad6b7169203331-01").getBytes(StandardCharsets.UTF_8));

        kafka.send(record);

        await().atMost(WAIT).until(() -> number("select count(*) from processed_event where event_id = ?1", eventId) == 1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select trace_id from processed_event where event_id = ?1")
                .setParameter(1, eventId).getSingleResult())).isEqualTo(traceId);
    }

    private void replay(boolean includeReplayed) {
        asAdmin().queryParam("topic", deadLetterTopic).queryParam("includeReplayed", includeReplayed)
                .post("/admin/events/dead-letters/replay").then().statusCode(200);
    }

    private ProducerRecord<String, String> deadLetter(String key, String value) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(deadLetterTopic, key, value);
        dead.headers().add("dead-letter-topic", TOPIC.getBytes(StandardCharsets.UTF_8))
                .add("dead-letter-reason", "projection unavailable".getBytes(StandardCharsets.UTF_8));
        return dead;
    }

    private double consumed(String result) {
        return registry.counter("events.consumed", "consumer", StructureEventsConsumer.CONSUMER,
                "type", "StructureRegistered", "result", result).count();
    }

    private void insertProcessed(UUID eventId, String processedAt) {
        entityManager.createNativeQuery("insert into processed_event (consumer, event_id, event_type, processed_at) "
                + "values ('retention-test', ?1, 'StructureRegistered', " + processedAt + ")")
                .setParameter(1, eventId).executeUpdate();
    }

    private static String registered(UUID eventId, String id) {
        return StructureEvents.event(eventId, StructureEvents.REGISTERED, 2, id, 1, StructureEvents.structure(id));
    }

    private long number(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
