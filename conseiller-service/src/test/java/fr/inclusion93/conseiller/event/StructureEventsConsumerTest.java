package fr.inclusion93.conseiller.event;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import fr.inclusion93.conseiller.rest.HostStructureResponse;
import fr.inclusion93.events.EventSchemas;
import fr.inclusion93.events.testing.KafkaTestClient;
import fr.inclusion93.problem.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consumer's side of the StructureRegistered contract, against the real broker and database. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL) // the key pair every test's tokens are signed with
class StructureEventsConsumerTest {

    private static final String TOPIC = "structure.events";
    private static final String DEFAULT_NAME = "CCAS de Saint-Denis";
    private static final String DEFAULT_SIRET = "21930066300016";
    private static final String DEFAULT_INSEE = "93066";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.incoming.structure-events.dead-letter-queue.topic")
    String deadLetterTopic;

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager entityManager;

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
    void structureRegisteredBecomesAHostStructure() {
        String id = UUID.randomUUID().toString();
        String event = registered(UUID.randomUUID(), id);
        assertThat(EventSchemas.violations(event)).as("the test event honours the schema").isEmpty();

        kafka.send(TOPIC, id, event);

        HostStructureResponse projected = awaitHostStructure(id);
        assertThat(projected).usingRecursiveComparison().ignoringFields("projectedAt")
                .isEqualTo(new HostStructureResponse(UUID.fromString(id), DEFAULT_NAME, DEFAULT_SIRET, DEFAULT_INSEE, true, null));
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        String id = UUID.randomUUID().toString();
        UUID eventId = UUID.randomUUID();
        double duplicatesBefore = duplicates().count();

        kafka.send(TOPIC, id, registered(eventId, id));
        awaitHostStructure(id);
        kafka.send(TOPIC, id, registered(eventId, id));

        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates().count() > duplicatesBefore);
        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select count(*) from processed_event where event_id = ?1")
                .setParameter(1, eventId).getSingleResult())).isEqualTo(1L);
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicWithItsReason() {
        KafkaTestClient.Watch deadLetters = kafka.watch(deadLetterTopic);
        String key = "garbage-" + UUID.randomUUID();

        kafka.send(TOPIC, key, "this is not JSON");

        ConsumerRecord<String, String> dead = deadLetters.awaitRecord(r -> key.equals(r.key()));
        assertThat(dead.value()).isEqualTo("this is not JSON");
        assertThat(reason(dead)).contains("not a JSON object");
    }

    @Test
    void anEventBreakingItsSchemaGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        KafkaTestClient.Watch deadLetters = kafka.watch(deadLetterTopic);
        String badId = UUID.randomUUID().toString();
        String goodId = UUID.randomUUID().toString();

        kafka.send(TOPIC, badId, KafkaTestClient.envelope("StructureRegistered", "structure", badId,
                Map.of("structureId", badId, "name", DEFAULT_NAME, "siret", "not-a-siret", "communeInsee", DEFAULT_INSEE)));
        kafka.send(TOPIC, goodId, registered(UUID.randomUUID(), goodId));

        ConsumerRecord<String, String> dead = deadLetters.awaitRecord(r -> badId.equals(r.key()));
        assertThat(reason(dead)).contains("breaks its schema").contains("/siret");
        awaitHostStructure(goodId);
        asAdmin().get("/api/conseillers/host-structures/" + badId).then().statusCode(404);
    }

    @Test
    void anUnknownHostStructureIs404Problem() {
        asAdmin().get("/api/conseillers/host-structures/" + UUID.randomUUID())
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://inclusion93.fr/problems/not-found"));
    }

    private static String registered(UUID eventId, String structureId) {
        return KafkaTestClient.envelope(eventId, "StructureRegistered", "structure", structureId,
                Map.of("structureId", structureId, "name", DEFAULT_NAME, "siret", DEFAULT_SIRET, "communeInsee", DEFAULT_INSEE));
    }

    private static HostStructureResponse awaitHostStructure(String id) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> asAdmin().get("/api/conseillers/host-structures/" + id).statusCode() == 200);
        return asAdmin().get("/api/conseillers/host-structures/" + id).then().statusCode(200)
                .extract().as(HostStructureResponse.class);
    }

    private Counter duplicates() {
        return registry.counter("events.consumed", "consumer", StructureEventsConsumer.CONSUMER,
                "type", "StructureRegistered", "result", "duplicate");
    }

    private static String reason(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }
}
