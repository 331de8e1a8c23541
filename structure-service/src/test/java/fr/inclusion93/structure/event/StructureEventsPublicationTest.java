package fr.inclusion93.structure.event;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.events.EventEnvelope;
import fr.inclusion93.events.EventSchemas;
import fr.inclusion93.events.testing.KafkaTestClient;
import fr.inclusion93.structure.TestSirets;
import fr.inclusion93.structure.TestStructures;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The producer's side of the event contract, checked against the real broker. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class StructureEventsPublicationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Test
    void registeringPublishesV2AndV1SideBySideKeyedByTheStructureId() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            KafkaTestClient.Watch events = kafka.watch(StructureEventType.TOPIC);
            String siret = TestSirets.next();
            Map<String, Object> body = TestStructures.minimal(siret);
            body.put("name", "France Services Bondy");
            body.put("type", "RFS");
            body.put("communeInsee", "93010");
            body.put("postalCode", "93140");
            String id = asAdmin().contentType(ContentType.JSON).header("traceparent", CALLER_TRACEPARENT).body(body)
                    .post("/api/structures")
                    .then().statusCode(201).extract().path("id");

            EventEnvelope v2 = envelope(events.awaitRecord(r -> id.equals(r.key()) && "2".equals(header(r, EventEnvelope.SCHEMA_VERSION_HEADER))));
            EventEnvelope v1 = envelope(events.awaitRecord(r -> id.equals(r.key()) && "1".equals(header(r, EventEnvelope.SCHEMA_VERSION_HEADER))));

            assertThat(v2.eventType()).isEqualTo("StructureRegistered");
            assertThat(v2.aggregateVersion()).as("the structure's first event").isEqualTo(1L);
            assertThat(v1.aggregateVersion()).as("the v1 copy is the same change").isEqualTo(1L);
            assertThat(v2.actor()).as("the client id of the caller").isEqualTo("test-admin");
            assertThat(v2.payload()).isEqualTo(mapper.readTree("""
                    {"structureId": "%s", "name": "France Services Bondy", "siret": "%s", "legalKind": "PUBLIC_COLLECTIVITY",
                     "type": "RFS", "communeInsee": "93010", "postalCode": "93140", "eptSiren": "200057875",
                     "eptName": "Est Ensemble", "qpv": false, "status": "ACTIVE"}""".formatted(id, siret)));
            assertThat(v1.payload()).isEqualTo(mapper.valueToTree(
                    new StructureRegistered(UUID.fromString(id), "France Services Bondy", siret, "93010")));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sentAt(v2.eventId())).isNotNull());
        }
    }

    @Test
    void everyChangeIsPublishedWithTheNextVersionAndTheCallersTrace() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            KafkaTestClient.Watch events = kafka.watch(StructureEventType.TOPIC);
            String id = asAdmin().contentType(ContentType.JSON).body(TestStructures.association(TestStructures.nextRna()))
                    .post("/api/structures").then().statusCode(201).extract().path("id");
            asAdmin().contentType("application/merge-patch+json").header("If-Match", "\"1\"").header("traceparent", CALLER_TRACEPARENT)
                    .body("{\"qpv\": true}").patch("/api/structures/" + id).then().statusCode(200);
            asAdmin().contentType(ContentType.JSON).body(Map.of("closedOn", "2021-06-30", "reason", "Dissolution"))
                    .post("/api/structures/" + id + "/close").then().statusCode(200);
            asAdmin().post("/api/structures/" + id + "/reopen").then().statusCode(200);

            events.awaitRecord(r -> id.equals(r.key()) && "StructureReopened".equals(header(r, EventEnvelope.EVENT_TYPE_HEADER)));
            List<ConsumerRecord<String, String>> records = events.seen().stream().filter(r -> id.equals(r.key())).toList();

            assertThat(records).extracting(r -> header(r, EventEnvelope.EVENT_TYPE_HEADER))
                    .as("an association without SIRET: no v1 copy").containsExactly(
                            "StructureRegistered", "StructureUpdated", "StructureClosed", "StructureReopened");
            List<EventEnvelope> envelopes = records.stream().map(this::envelope).toList();
            assertThat(envelopes).extracting(EventEnvelope::aggregateVersion).containsExactly(1L, 2L, 3L, 4L);
            assertThat(envelopes.get(0).payload().has("siret")).isFalse();
            assertThat(envelopes.get(1).payload().path("qpv").asBoolean()).isTrue();
            assertThat(header(records.get(1), EventEnvelope.TRACEPARENT_HEADER)).startsWith("00-" + TRACE_ID + "-");
            assertThat(envelopes.get(2).payload().path("status").asText()).isEqualTo("CLOSED");
            assertThat(envelopes.get(2).payload().path("closedOn").asText()).isEqualTo("2021-06-30");
            assertThat(envelopes.get(2).payload().path("closeReason").asText()).isEqualTo("Dissolution");
            assertThat(envelopes.get(3).payload().path("status").asText()).isEqualTo("ACTIVE");
            assertThat(envelopes.get(3).payload().has("closedOn")).isFalse();
        }
    }

    private EventEnvelope envelope(ConsumerRecord<String, String> record) {
        assertThat(EventSchemas.violations(record.value())).as("schema violations").isEmpty();
        assertThat(header(record, EventEnvelope.EVENT_ID_HEADER)).isNotNull();
        try {
            return mapper.readValue(record.value(), EventEnvelope.class);
        } catch (Exception e) {
            throw new AssertionError(e);
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
