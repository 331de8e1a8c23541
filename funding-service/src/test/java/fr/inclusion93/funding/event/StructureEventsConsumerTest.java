package fr.inclusion93.funding.event;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.events.EventSchemas;
import fr.inclusion93.events.testing.KafkaTestClient;
import fr.inclusion93.funding.rest.BeneficiaryResponse;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * funding-service as a consumer of the structure events, against the real broker and database: each event makes the
 * beneficiary the structure after its change. The shared plumbing's behaviour (dead letters, replays, retries) is
 * tested in conseiller-service and, for both consumers, in the system tests.
 */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL) // the key pair every test's tokens are signed with
class StructureEventsConsumerTest {

    private static final String TOPIC = "structure.events";
    private static final Duration WAIT = Duration.ofSeconds(60); // a consumer group can take long to form on a loaded machine
    private static final String DEFAULT_NAME = "Association Emmaüs Connect";
    private static final String DEFAULT_SIRET = "78451236500015";
    private static final String DEFAULT_INSEE = "93066";
    private static final String UPDATED_NAME = "Emmaüs Connect Bobigny";
    private static final String UPDATED_INSEE = "93008";
    private static final String RNA = "W932005678";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry registry;

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
    void aBeneficiaryFollowsItsStructureFromRegistrationToClosureAndReopening() {
        Map<String, Object> registered = association(UUID.randomUUID().toString());
        Map<String, Object> moved = moved(registered);
        Map<String, Object> closed = closed(moved);

        send("StructureRegistered", 2, 1, registered);
        awaitBeneficiary(registered);
        send("StructureUpdated", 1, 2, moved);
        awaitBeneficiary(moved);
        send("StructureClosed", 1, 3, closed);
        awaitBeneficiary(closed);
        send("StructureReopened", 1, 4, moved);
        awaitBeneficiary(moved);
    }

    @Test
    void anAssociationKnownByItsRnaOnlyIsABeneficiary() {
        Map<String, Object> rnaOnly = association(UUID.randomUUID().toString());
        rnaOnly.remove("siret");
        rnaOnly.put("rna", RNA);

        send("StructureRegistered", 2, 1, rnaOnly);

        awaitBeneficiary(rnaOnly);
    }

    @Test
    void theV1CopyPublishedBesideV2IsSkipped() {
        Map<String, Object> registered = association(UUID.randomUUID().toString());

        // the copy first: had it been applied, v2 (the same aggregate version) would be stale and its EPT lost
        send("StructureRegistered", 1, 1, Map.of("structureId", registered.get("structureId"), "name", DEFAULT_NAME,
                "siret", DEFAULT_SIRET, "communeInsee", DEFAULT_INSEE));
        send("StructureRegistered", 2, 1, registered);

        awaitBeneficiary(registered);
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        Map<String, Object> registered = association(UUID.randomUUID().toString());
        Map<String, Object> closed = closed(registered);
        UUID eventId = UUID.randomUUID();

        send(eventId, "StructureRegistered", 2, 1, registered);
        awaitBeneficiary(registered);
        send(eventId, "StructureRegistered", 2, 1, moved(registered)); // the same event id: it would show, if applied
        send("StructureClosed", 1, 2, closed); // read after the redelivery (same partition)

        awaitBeneficiary(closed);
    }

    @Test
    void versionsDeliveredOutOfOrderEndInTheLatestState() {
        Map<String, Object> registered = association(UUID.randomUUID().toString());
        Map<String, Object> moved = moved(registered);
        Map<String, Object> movedThenClosed = closed(moved);
        double held = consumed("StructureClosed", "held");

        send("StructureRegistered", 2, 1, registered);
        send("StructureClosed", 1, 3, movedThenClosed);
        send("StructureUpdated", 1, 2, moved);

        awaitBeneficiary(movedThenClosed);
        assertThat(consumed("StructureClosed", "held") - held).as("v3 waited for v2").isPositive();
    }

    @Test
    void anUnknownBeneficiaryIs404Problem() {
        asAdmin().get("/api/funding/beneficiaries/" + UUID.randomUUID())
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://inclusion93.fr/problems/not-found"));
    }

    /** The payload structure-service publishes for an association with a SIRET in Saint-Denis (Plaine Commune). */
    private static Map<String, Object> association(String structureId) {
        Map<String, Object> structure = new LinkedHashMap<>();
        structure.put("structureId", structureId);
        structure.put("name", DEFAULT_NAME);
        structure.put("siret", DEFAULT_SIRET);
        structure.put("legalKind", "ASSOCIATION");
        structure.put("type", "ASSO");
        structure.put("communeInsee", DEFAULT_INSEE);
        structure.put("postalCode", "93200");
        structure.put("eptSiren", TestTokens.PLAINE_COMMUNE);
        structure.put("eptName", "Plaine Commune");
        structure.put("qpv", true);
        structure.put("qpvCode", "QP093028");
        structure.put("status", "ACTIVE");
        return structure;
    }

    /** Moved to Bobigny: another name, commune and EPT (Est Ensemble), outside any QPV. */
    private static Map<String, Object> moved(Map<String, Object> structure) {
        Map<String, Object> moved = new LinkedHashMap<>(structure);
        moved.put("name", UPDATED_NAME);
        moved.put("communeInsee", UPDATED_INSEE);
        moved.put("postalCode", "93000");
        moved.put("eptSiren", TestTokens.EST_ENSEMBLE);
        moved.put("eptName", "Est Ensemble");
        moved.put("qpv", false);
        moved.remove("qpvCode");
        return moved;
    }

    private static Map<String, Object> closed(Map<String, Object> structure) {
        Map<String, Object> closed = new LinkedHashMap<>(structure);
        closed.put("status", "CLOSED");
        closed.put("closedOn", "2021-09-30");
        closed.put("closeReason", "Activité reprise par le centre social");
        return closed;
    }

    private void send(String eventType, int schemaVersion, long version, Map<String, ?> payload) {
        send(UUID.randomUUID(), eventType, schemaVersion, version, payload);
    }

    private void send(UUID eventId, String eventType, int schemaVersion, long version, Map<String, ?> payload) {
        String id = (String) payload.get("structureId");
        String event = KafkaTestClient.envelope(eventId, eventType, "structure", id, version, payload)
                .replace("\"schemaVersion\":1", "\"schemaVersion\":" + schemaVersion); // the test client writes v1
        assertThat(EventSchemas.violations(event)).as("%s v%d honours its schema", eventType, schemaVersion).isEmpty();
        kafka.send(TOPIC, id, event);
    }

    /** Waits until the beneficiary shows exactly this payload: the structure after its latest event. */
    private void awaitBeneficiary(Map<String, Object> payload) {
        Map<String, Object> shown = new LinkedHashMap<>(payload);
        String id = (String) shown.remove("structureId");
        shown.put("id", id);
        shown.put("kind", "HOST_STRUCTURE"); // what every projected row is
        BeneficiaryResponse expected = mapper.convertValue(shown, BeneficiaryResponse.class);
        await().atMost(WAIT).untilAsserted(() -> assertThat(beneficiary(id))
                .usingRecursiveComparison().ignoringFields("projectedAt").isEqualTo(expected));
    }

    private static BeneficiaryResponse beneficiary(String id) {
        Response response = asAdmin().get("/api/funding/beneficiaries/" + id);
        return response.statusCode() == 200 ? response.as(BeneficiaryResponse.class) : null;
    }

    private double consumed(String eventType, String result) {
        return registry.counter("events.consumed", "consumer", StructureEventsConsumer.CONSUMER,
                "type", eventType, "result", result).count();
    }
}
