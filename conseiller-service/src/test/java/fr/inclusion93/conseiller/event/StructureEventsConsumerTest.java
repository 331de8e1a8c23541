package fr.inclusion93.conseiller.event;

import static fr.inclusion93.conseiller.event.StructureEvents.CLOSED;
import static fr.inclusion93.conseiller.event.StructureEvents.REGISTERED;
import static fr.inclusion93.conseiller.event.StructureEvents.REOPENED;
import static fr.inclusion93.conseiller.event.StructureEvents.TOPIC;
import static fr.inclusion93.conseiller.event.StructureEvents.UPDATED;
import static fr.inclusion93.conseiller.event.StructureEvents.structure;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.conseiller.rest.HostStructureResponse;
import fr.inclusion93.events.testing.KafkaTestClient;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consumer's side of the structure events' contract, against the real broker and database. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL) // the key pair every test's tokens are signed with
class StructureEventsConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(60); // a consumer group can take long to form on a loaded machine
    private static final String UPDATED_NAME = "CCAS de Montreuil";
    private static final String UPDATED_INSEE = "93048";
    private static final String UPDATED_POSTAL_CODE = "93100";
    private static final String EST_ENSEMBLE = "200057875";
    private static final String RNA = "W931234567";
    private static final String CLOSED_ON = "2021-06-30";
    private static final String CLOSE_REASON = "Fusion avec le CCAS de Saint-Ouen";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.incoming.structure-events.dead-letter-queue.topic")
    String deadLetterTopic;

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

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
        Map<String, Object> registered = structure(UUID.randomUUID().toString());

        send(REGISTERED, 2, 1, registered);

        awaitProjected(registered);
    }

    @Test
    void anUpdateMovesTheHostStructureToItsNewCommuneEptAndQpv() {
        Map<String, Object> registered = structure(UUID.randomUUID().toString());
        Map<String, Object> moved = moved(registered);

        send(REGISTERED, 2, 1, registered);
        send(UPDATED, 1, 2, moved);

        awaitProjected(moved);
    }

    @Test
    void aClosedStructureIsClosedWithItsDayAndReason() {
        Map<String, Object> registered = structure(UUID.randomUUID().toString());
        Map<String, Object> closed = closed(registered);

        send(REGISTERED, 2, 1, registered);
        send(CLOSED, 1, 2, closed);

        awaitProjected(closed);
    }

    @Test
    void aReopenedStructureIsActiveAgain() {
        Map<String, Object> registered = structure(UUID.randomUUID().toString());

        send(REGISTERED, 2, 1, registered);
        send(CLOSED, 1, 2, closed(registered));
        send(REOPENED, 1, 3, registered);

        awaitProjected(registered);
    }

    @Test
    void anAssociationKnownByItsRnaOnlyIsProjected() {
        Map<String, Object> association = structure(UUID.randomUUID().toString());
        association.remove("siret");
        association.put("rna", RNA);
        association.put("legalKind", "ASSOCIATION");
        association.put("type", "ASSO");

        send(REGISTERED, 2, 1, association);

        awaitProjected(association);
    }

    @Test
    void theV1CopyPublishedBesideV2IsSkippedAndTheStructuresLaterEventsFollow() {
        Map<String, Object> registered = structure(UUID.randomUUID().toString());
        String id = (String) registered.get("structureId");

        // the copy first: had it been applied, v2 (same aggregate version) would be stale and its EPT lost
        UUID copy = send(REGISTERED, 1, 1, StructureEvents.registeredV1(registered));
        UUID v2 = send(REGISTERED, 2, 1, registered);
        UUID update = send(UPDATED, 1, 2, moved(registered));

        awaitProjected(moved(registered));
        assertThat(processedEvents(id)).as("the copy is not recorded as applied").containsExactlyInAnyOrder(v2, update)
                .doesNotContain(copy);
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        Map<String, Object> registered = structure(UUID.randomUUID().toString());
        Map<String, Object> moved = moved(registered);
        Map<String, Object> closed = closed(moved);
        UUID update = UUID.randomUUID();
        double duplicates = consumed(UPDATED, "duplicate");
        send(REGISTERED, 2, 1, registered);
        send(update, UPDATED, 1, 2, moved);
        awaitProjected(moved);

        Map<String, Object> redelivered = new LinkedHashMap<>(moved);
        redelivered.put("name", "A redelivered copy"); // visible, had it been applied again
        send(update, UPDATED, 1, 2, redelivered);
        send(CLOSED, 1, 3, closed); // read after the redelivery (same partition)

        awaitProjected(closed);
        assertThat(consumed(UPDATED, "duplicate")).isGreaterThan(duplicates);
        assertThat(processedEvents((String) registered.get("structureId"))).containsOnlyOnce(update).hasSize(3);
    }

    @Test
    void versionsDeliveredOutOfOrderEndInTheLatestState() {
        Map<String, Object> registered = structure(UUID.randomUUID().toString());
        Map<String, Object> moved = moved(registered);
        Map<String, Object> movedThenClosed = closed(moved);
        double held = consumed(CLOSED, "held");

        send(REGISTERED, 2, 1, registered);
        send(CLOSED, 1, 3, movedThenClosed);
        send(UPDATED, 1, 2, moved);

        awaitProjected(movedThenClosed);
        assertThat(consumed(CLOSED, "held") - held).as("v3 waited for v2").isPositive();
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
        Map<String, Object> bad = structure(UUID.randomUUID().toString());
        bad.put("siret", "not-a-siret");
        String badId = (String) bad.get("structureId");
        Map<String, Object> good = structure(UUID.randomUUID().toString());

        kafka.send(TOPIC, badId, StructureEvents.envelope(UUID.randomUUID(), REGISTERED, 2, badId, 1, bad));
        send(REGISTERED, 2, 1, good);

        ConsumerRecord<String, String> dead = deadLetters.awaitRecord(r -> badId.equals(r.key()));
        assertThat(reason(dead)).contains("breaks its schema").contains("/siret");
        awaitProjected(good);
        asAdmin().get("/api/conseillers/host-structures/" + badId).then().statusCode(404);
    }

    @Test
    void anUnknownHostStructureIs404Problem() {
        asAdmin().get("/api/conseillers/host-structures/" + UUID.randomUUID())
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://inclusion93.fr/problems/not-found"));
    }

    /** The structure moved to Montreuil: another name, commune and EPT (Est Ensemble), outside any QPV. */
    private static Map<String, Object> moved(Map<String, Object> structure) {
        Map<String, Object> moved = new LinkedHashMap<>(structure);
        moved.put("name", UPDATED_NAME);
        moved.put("communeInsee", UPDATED_INSEE);
        moved.put("postalCode", UPDATED_POSTAL_CODE);
        moved.put("eptSiren", EST_ENSEMBLE);
        moved.put("eptName", "Est Ensemble");
        moved.put("qpv", false);
        moved.remove("qpvCode");
        return moved;
    }

    private static Map<String, Object> closed(Map<String, Object> structure) {
        Map<String, Object> closed = new LinkedHashMap<>(structure);
        closed.put("status", "CLOSED");
        closed.put("closedOn", CLOSED_ON);
        closed.put("closeReason", CLOSE_REASON);
        return closed;
    }

    private UUID send(String eventType, int schemaVersion, long version, Map<String, ?> payload) {
        UUID eventId = UUID.randomUUID();
        send(eventId, eventType, schemaVersion, version, payload);
        return eventId;
    }

    private void send(UUID eventId, String eventType, int schemaVersion, long version, Map<String, ?> payload) {
        String id = (String) payload.get("structureId");
        kafka.send(TOPIC, id, StructureEvents.event(eventId, eventType, schemaVersion, id, version, payload));
    }

    /** Waits until the host structure shows exactly this payload: the structure after its latest event. */
    private void awaitProjected(Map<String, Object> payload) {
        Map<String, Object> shown = new LinkedHashMap<>(payload);
        String id = (String) shown.remove("structureId");
        shown.put("id", id);
        HostStructureResponse expected = mapper.convertValue(shown, HostStructureResponse.class);
        await().atMost(WAIT).untilAsserted(() -> assertThat(hostStructure(id))
                .usingRecursiveComparison().ignoringFields("projectedAt").isEqualTo(expected));
    }

    private static HostStructureResponse hostStructure(String id) {
        Response response = asAdmin().get("/api/conseillers/host-structures/" + id);
        return response.statusCode() == 200 ? response.as(HostStructureResponse.class) : null;
    }

    /** The ids of the events about this structure that the projection applied. */
    private List<UUID> processedEvents(String structureId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select cast(event_id as text) from processed_event where consumer = ?1 and aggregate_id = ?2")
                .setParameter(1, StructureEventsConsumer.CONSUMER).setParameter(2, structureId)
                .getResultList().stream().map(id -> UUID.fromString((String) id)).toList());
    }

    private double consumed(String eventType, String result) {
        return registry.counter("events.consumed", "consumer", StructureEventsConsumer.CONSUMER,
                "type", eventType, "result", result).count();
    }

    private static String reason(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }
}
