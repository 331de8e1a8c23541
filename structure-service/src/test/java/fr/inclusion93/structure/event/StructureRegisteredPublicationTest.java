package fr.inclusion93.structure.event;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.events.EventEnvelope;
import fr.inclusion93.events.EventSchemas;
import fr.inclusion93.events.testing.KafkaTestClient;
import fr.inclusion93.structure.TestSirets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The producer's side of the event contract, checked against the real broker. */
@QuarkusTest
class StructureRegisteredPublicationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Test
    void registeringPublishesASchemaValidEventKeyedByTheStructureId() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            KafkaTestClient.Watch events = kafka.watch(StructureRegistered.TOPIC);
            String siret = TestSirets.next();
            String id = asAdmin().contentType(ContentType.JSON).header("traceparent", CALLER_TRACEPARENT)
                    .body(Map.of("name", "France Services Bondy", "siret", siret, "communeInsee", "93010"))
                    .post("/api/structures")
                    .then().statusCode(201).extract().path("id");

            ConsumerRecord<String, String> record = events.awaitRecord(r -> id.equals(r.key()));

            assertThat(EventSchemas.violations(record.value())).isEmpty();
            EventEnvelope envelope = mapper.readValue(record.value(), EventEnvelope.class);
            assertThat(header(record, EventEnvelope.EVENT_ID_HEADER)).isEqualTo(envelope.eventId().toString());
            assertThat(header(record, EventEnvelope.EVENT_TYPE_HEADER)).isEqualTo("StructureRegistered");
            assertThat(header(record, EventEnvelope.SCHEMA_VERSION_HEADER)).isEqualTo("1");
            assertThat(envelope.aggregateId()).isEqualTo(id);
            assertThat(envelope.aggregateVersion()).as("the structure's first event").isEqualTo(1L);
            assertThat(envelope.actor()).as("the client id of the caller").isEqualTo("test-admin");
            assertThat(header(record, EventEnvelope.TRACEPARENT_HEADER)).as("the caller's trace continues in the event")
                    .startsWith("00-" + TRACE_ID + "-").isNotEqualTo(CALLER_TRACEPARENT);
            JsonNode expectedPayload = mapper.valueToTree(
                    new StructureRegistered(UUID.fromString(id), "France Services Bondy", siret, "93010"));
            assertThat(envelope.payload()).isEqualTo(expectedPayload);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sentAt(envelope.eventId())).isNotNull());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private Object sentAt(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select sent_at from outbox_event where event_id = ?1")
                .setParameter(1, eventId).getSingleResult());
    }
}
