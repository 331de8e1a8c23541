package fr.inclusion93.funding.event;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.events.EventSchemas;
import fr.inclusion93.events.testing.KafkaTestClient;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The post subsidy saga over the real broker: post events produced here as conseiller-service will produce them, the
 * replies read from funding.events, the reservations from the API. A post costs 50 000.00 € over 24 months.
 */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class PostSubsidySagaTest {

    private static final String TOPIC = "post.events";
    private static final String DEAD_LETTERS = "post.events.funding-service-test.dlt";
    private static final Duration WAIT = Duration.ofSeconds(60); // a consumer group can take long to form on a loaded machine
    private static final long PER_POST = 5_000_000L;
    private static final int MONTHS = 24;
    private static final String LA_COURNEUVE = "93027";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void anOpenedPostReservesItsSubsidyAsACommittedLineAndSaysSo() {
        UUID agreement = UUID.randomUUID();
        String envelope = envelope(agreement, 10 * PER_POST);
        UUID post = UUID.randomUUID();
        KafkaTestClient.Watch replies = kafka.watch(FundingEvents.TOPIC);

        send(post, "PostOpened", 1L, opened(post, agreement));

        Map<String, Object> reservation = awaitReservation(post, "RESERVED");
        assertThat(reservation).containsEntry("reservedCents", (int) PER_POST).containsEntry("fundedMonths", MONTHS)
                .containsEntry("envelopeId", envelope);
        Map<String, Object> line = get("/api/funding/lines/" + reservation.get("lineId"));
        assertThat(line).containsEntry("status", "COMMITTED").containsEntry("amountCents", (int) PER_POST)
                .containsEntry("key", "post-" + post).containsEntry("envelopeId", envelope);
        assertThat(get("/api/funding/envelopes/" + envelope)).containsEntry("committedCents", (int) PER_POST);
        JsonNode reserved = reply(replies, post, "FundingReserved");
        assertThat(reserved.path("lineId").asText()).isEqualTo(reservation.get("lineId"));
        assertThat(reserved.path("amountCents").asLong()).isEqualTo(PER_POST);
    }

    @Test
    void anExhaustedEnvelopeRefusesWithTheFigures() {
        UUID agreement = UUID.randomUUID();
        envelope(agreement, PER_POST + PER_POST / 2);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        KafkaTestClient.Watch replies = kafka.watch(FundingEvents.TOPIC);

        send(first, "PostOpened", 1L, opened(first, agreement));
        awaitReservation(first, "RESERVED");
        send(second, "PostOpened", 1L, opened(second, agreement));

        Map<String, Object> refused = awaitReservation(second, "REFUSED");
        assertThat(refused).containsEntry("refusalReason", "CEILING_EXCEEDED").containsEntry("lineId", null);
        JsonNode reply = reply(replies, second, "FundingRefused");
        assertThat(reply.path("reason").asText()).isEqualTo("CEILING_EXCEEDED");
        assertThat(reply.path("ceilingCents").asLong()).isEqualTo(PER_POST + PER_POST / 2);
        assertThat(reply.path("committedCents").asLong()).isEqualTo(PER_POST);
        assertThat(reply.path("requestedCents").asLong()).isEqualTo(PER_POST);
        assertThat(reply.path("detail").asText()).contains("5000000 cents (50000.00 €)");
    }

    @Test
    void anAgreementNoEnvelopeFundsIsRefused() {
        UUID post = UUID.randomUUID();
        KafkaTestClient.Watch replies = kafka.watch(FundingEvents.TOPIC);

        send(post, "PostOpened", 1L, opened(post, UUID.randomUUID()));

        assertThat(awaitReservation(post, "REFUSED")).containsEntry("refusalReason", "NO_ENVELOPE_FOR_AGREEMENT");
        assertThat(reply(replies, post, "FundingRefused").path("reason").asText()).isEqualTo("NO_ENVELOPE_FOR_AGREEMENT");
    }

    @Test
    void aRedeliveredOrRepeatedOpeningReservesOnce() {
        UUID agreement = UUID.randomUUID();
        String envelope = envelope(agreement, 10 * PER_POST);
        UUID post = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        KafkaTestClient.Watch replies = kafka.watch(FundingEvents.TOPIC);

        send(eventId, post, "PostOpened", 1L, opened(post, agreement));
        send(eventId, post, "PostOpened", 1L, opened(post, agreement)); // redelivered: the same event
        send(post, "PostOpened", 2L, opened(post, agreement));           // sent again: another event
        send(post, "PostReturned", 3L, returned(post, agreement, 24));  // read after both (same partition)

        await().atMost(WAIT).until(() -> get("/api/funding/post-reservations/" + post).get("endedOn") != null);
        assertThat(get("/api/funding/envelopes/" + envelope)).containsEntry("committedCents", (int) PER_POST);
        assertThat(asAdmin().queryParam("envelopeId", envelope).get("/api/funding/lines").then().statusCode(200)
                .extract().<Integer>path("total")).isOne();
        assertThat(replies.seen()).filteredOn(r -> post.toString().equals(r.key())).extracting(PostSubsidySagaTest::type)
                .containsExactly("FundingReserved");
    }

    @Test
    void aPostReturnedEarlyReleasesWhatTheUnusedMonthsWouldHaveCost() {
        UUID agreement = UUID.randomUUID();
        String envelope = envelope(agreement, 10 * PER_POST);
        UUID post = UUID.randomUUID();
        KafkaTestClient.Watch replies = kafka.watch(FundingEvents.TOPIC);

        send(post, "PostOpened", 1L, opened(post, agreement));
        Map<String, Object> reserved = awaitReservation(post, "RESERVED");
        asAdmin().contentType(ContentType.JSON).body(Map.of("amountCents", 1_000_000, "paidOn", "2021-04-01",
                "reference", "MANDAT-" + post)).post("/api/funding/lines/" + reserved.get("lineId") + "/payments")
                .then().statusCode(201);
        send(post, "PostReturned", 2L, returned(post, agreement, 7));

        // 7 of 24 months of 5 000 000 cents: 1 458 333.33…, kept 1 458 333 (half up), released 3 541 667
        Map<String, Object> released = awaitReservation(post, "RELEASED");
        assertThat(released).containsEntry("releasedCents", 3_541_667).containsEntry("monthsConsumed", 7);
        Map<String, Object> line = get("/api/funding/lines/" + reserved.get("lineId"));
        assertThat(line).containsEntry("amountCents", 1_458_333).containsEntry("paidCents", 1_000_000)
                .containsEntry("status", "PARTLY_PAID");
        assertThat(get("/api/funding/envelopes/" + envelope)).containsEntry("committedCents", 1_458_333);
        JsonNode reply = reply(replies, post, "FundingReleased");
        assertThat(reply.path("releasedCents").asLong()).isEqualTo(3_541_667);
        assertThat(reply.path("keptCents").asLong()).isEqualTo(1_458_333);
    }

    @Test
    void aHoldersContractEndingReleasesNothingAndAReturnWithNoMonthUsedReleasesAll() {
        UUID agreement = UUID.randomUUID();
        String envelope = envelope(agreement, 10 * PER_POST);
        UUID post = UUID.randomUUID();

        send(post, "PostOpened", 1L, opened(post, agreement));
        Map<String, Object> reserved = awaitReservation(post, "RESERVED");
        send(post, "PostEnded", 2L, Map.of("postId", post.toString(), "agreementId", agreement.toString(),
                "endedOn", "2021-02-28", "early", true, "stateFundedMonthsConsumed", 7)); // the post is filled again later
        send(post, "PostReturned", 3L, Map.of("postId", post.toString(), "agreementId", agreement.toString(),
                "returnedOn", "2021-03-01", "stateFundedMonthsConsumed", 0));

        Map<String, Object> released = awaitReservation(post, "RELEASED");
        assertThat(released).containsEntry("releasedCents", (int) PER_POST).containsEntry("monthsConsumed", 0);
        assertThat(get("/api/funding/lines/" + reserved.get("lineId"))).containsEntry("status", "CANCELLED");
        assertThat(get("/api/funding/envelopes/" + envelope)).containsEntry("committedCents", 0);
    }

    @Test
    void aPostReturnedAtTermReleasesNothingAndAnEarlyReturnNeverGoesBelowWhatWasPaid() {
        UUID agreement = UUID.randomUUID();
        envelope(agreement, 10 * PER_POST);
        UUID atTerm = UUID.randomUUID();
        UUID overpaid = UUID.randomUUID();

        send(atTerm, "PostOpened", 1L, opened(atTerm, agreement));
        send(atTerm, "PostReturned", 2L, returned(atTerm, agreement, 24));
        send(overpaid, "PostOpened", 1L, opened(overpaid, agreement));
        Map<String, Object> reserved = awaitReservation(overpaid, "RESERVED");
        asAdmin().contentType(ContentType.JSON).body(Map.of("amountCents", 3_000_000, "paidOn", "2021-04-01",
                "reference", "MANDAT-" + overpaid)).post("/api/funding/lines/" + reserved.get("lineId") + "/payments")
                .then().statusCode(201);
        send(overpaid, "PostReturned", 2L, returned(overpaid, agreement, 2));

        await().atMost(WAIT).until(() -> get("/api/funding/post-reservations/" + atTerm).get("endedOn") != null);
        assertThat(get("/api/funding/post-reservations/" + atTerm)).containsEntry("status", "RESERVED")
                .containsEntry("releasedCents", 0);
        assertThat(awaitReservation(overpaid, "RELEASED")).containsEntry("releasedCents", 2_000_000);
        assertThat(get("/api/funding/lines/" + reserved.get("lineId"))).containsEntry("amountCents", 3_000_000)
                .containsEntry("status", "PAID");
    }

    @Test
    void aReturnThatArrivesBeforeTheOpeningMeansNothingIsReserved() {
        UUID agreement = UUID.randomUUID();
        String envelope = envelope(agreement, 10 * PER_POST);
        UUID unversioned = UUID.randomUUID();
        UUID versioned = UUID.randomUUID();

        // without aggregate versions the events apply as they come: the end first, then an opening that is too late
        send(unversioned, "PostReturned", null, returned(unversioned, agreement, 3));
        send(unversioned, "PostOpened", null, opened(unversioned, agreement));
        // with them, the consumer holds the end until the opening arrives, and applies both in order
        send(versioned, "PostReturned", 2L, returned(versioned, agreement, 12));
        send(versioned, "PostOpened", 1L, opened(versioned, agreement));

        assertThat(awaitReservation(versioned, "RELEASED")).containsEntry("releasedCents", (int) PER_POST / 2);
        assertThat(get("/api/funding/post-reservations/" + unversioned)).containsEntry("status", "ENDED")
                .containsEntry("lineId", null).containsEntry("reservedCents", 0);
        assertThat(get("/api/funding/envelopes/" + envelope)).containsEntry("committedCents", (int) PER_POST / 2);
    }

    @Test
    void postsOpenedTogetherNeverReserveAboveTheCeiling() throws Exception {
        UUID agreement = UUID.randomUUID();
        String envelope = envelope(agreement, 3 * PER_POST);
        List<UUID> posts = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        posts.parallelStream().forEach(post -> send(post, "PostOpened", 1L, opened(post, agreement)));

        await().atMost(WAIT).until(() -> posts.stream().allMatch(post -> asAdmin()
                .get("/api/funding/post-reservations/" + post).statusCode() == 200));
        List<Object> statuses = posts.stream().map(post -> get("/api/funding/post-reservations/" + post).get("status")).toList();
        assertThat(statuses).filteredOn("RESERVED"::equals).hasSize(3);
        assertThat(statuses).filteredOn("REFUSED"::equals).hasSize(4);
        assertThat(get("/api/funding/envelopes/" + envelope)).containsEntry("committedCents", (int) (3 * PER_POST));
        assertThat(asAdmin().queryParam("agreementId", agreement.toString()).get("/api/funding/post-reservations")
                .then().statusCode(200).extract().<Integer>path("total")).isEqualTo(7);
    }

    @Test
    void aPoisonedOpeningIsDeadLetteredAndReservesNothing() {
        UUID post = UUID.randomUUID();
        KafkaTestClient.Watch deadLetters = kafka.watch(DEAD_LETTERS);
        Map<String, Object> broken = opened(post, UUID.randomUUID());
        broken.remove("communeInsee");

        kafka.send(TOPIC, post.toString(), KafkaTestClient.envelope(UUID.randomUUID(), "PostOpened", "post",
                post.toString(), 1L, broken));

        deadLetters.awaitRecord(r -> post.toString().equals(r.key()));
        asAdmin().get("/api/funding/post-reservations/" + post).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void oneEnvelopePerAgreement() {
        UUID agreement = UUID.randomUUID();
        envelope(agreement, PER_POST);
        Map<String, Object> body = envelopeBody(agreement, PER_POST);
        Problem problem = asAdmin().contentType(ContentType.JSON).body(body).post("/api/funding/envelopes")
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("agreementId");
    }

    private String envelope(UUID agreement, long ceiling) {
        return asAdmin().contentType(ContentType.JSON).body(envelopeBody(agreement, ceiling)).post("/api/funding/envelopes")
                .then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> envelopeBody(UUID agreement, long ceiling) {
        String funder = created("/api/funding/funders", Map.of("name", "État - ANCT"));
        String programme = created("/api/funding/programmes", Map.of("name", "Plan de relance – conseillers numériques",
                "funderId", funder, "amountPerPostCents", PER_POST, "fundedMonths", MONTHS));
        Map<String, Object> body = new HashMap<>();
        body.put("programmeId", programme);
        body.put("year", 2021);
        body.put("territory", Map.of("level", "DEPARTEMENT", "code", "93"));
        body.put("ceilingCents", ceiling);
        body.put("agreementId", agreement.toString());
        return body;
    }

    private static String created(String path, Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post(path).then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> opened(UUID post, UUID agreement) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("postId", post.toString());
        payload.put("agreementId", agreement.toString());
        payload.put("structureId", UUID.randomUUID().toString());
        payload.put("communeInsee", LA_COURNEUVE);
        payload.put("openedOn", "2021-03-01");
        return payload;
    }

    private static Map<String, Object> returned(UUID post, UUID agreement, int monthsConsumed) {
        return Map.of("postId", post.toString(), "agreementId", agreement.toString(), "returnedOn", "2022-06-30",
                "stateFundedMonthsConsumed", monthsConsumed);
    }

    private void send(UUID post, String eventType, Long version, Map<String, ?> payload) {
        send(UUID.randomUUID(), post, eventType, version, payload);
    }

    private void send(UUID eventId, UUID post, String eventType, Long version, Map<String, ?> payload) {
        String event = KafkaTestClient.envelope(eventId, eventType, "post", post.toString(), version, payload);
        assertThat(EventSchemas.violations(event)).as("%s honours its schema", eventType).isEmpty();
        kafka.send(TOPIC, post.toString(), event);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> get(String path) {
        return asAdmin().get(path).then().statusCode(200).extract().as(Map.class);
    }

    private static Map<String, Object> awaitReservation(UUID post, String status) {
        await().atMost(WAIT).until(() -> {
            Response response = asAdmin().get("/api/funding/post-reservations/" + post);
            return response.statusCode() == 200 && status.equals(response.path("status"));
        });
        return get("/api/funding/post-reservations/" + post);
    }

    private static JsonNode reply(KafkaTestClient.Watch replies, UUID post, String eventType) {
        ConsumerRecord<String, String> record = replies.awaitRecord(
                r -> post.toString().equals(r.key()) && eventType.equals(type(r)));
        try {
            JsonNode envelope = JSON.readTree(record.value());
            assertThat(envelope.path("aggregateType").asText()).isEqualTo("post-subsidy");
            return envelope.path("payload");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String type(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).path("eventType").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
