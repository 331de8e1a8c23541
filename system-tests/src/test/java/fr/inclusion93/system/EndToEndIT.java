package fr.inclusion93.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import fr.inclusion93.events.testing.KafkaTestClient;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole architecture, over the gateway, the real broker and PostgreSQL. */
@ExtendWith(RunningSystem.class)
class EndToEndIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final String DEFAULT_NAME = "Maison France Services de Clichy-sous-Bois";
    private static final String DEFAULT_INSEE = "93014";
    private static final String TOPIC = "structure.events";
    private static final String CONSEILLER_DLT = "structure.events.conseiller-service.dlt";
    private static final String FUNDING_DLT = "structure.events.funding-service.dlt";

    private static final Consumer CONSEILLER = new Consumer("host-structure-projection", 2);
    private static final Consumer FUNDING = new Consumer("beneficiary-projection", 3);

    private static final String ADMIN = RunningSystem.token("admin");

    private KafkaTestClient kafka;

    @BeforeEach
    void setUp() {
        RestAssured.baseURI = RunningSystem.GATEWAY;
        RestAssured.port = RunningSystem.PORT_BASE;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", "Bearer " + ADMIN).build();
        kafka = new KafkaTestClient(RunningSystem.BOOTSTRAP_SERVERS);
    }

    @AfterEach
    void tearDown() {
        RestAssured.requestSpecification = null;
        kafka.close();
    }

    @Test
    void aStructureRegisteredThroughTheGatewayReachesBothConsumers() {
        String siret = Sirets.random();
        ExtractableResponse<Response> created = register(siret);
        String id = created.path("id");
        URI location = URI.create(created.header("Location"));

        assertThat(location.getPath()).isEqualTo("/api/structures/" + id);
        given().get(location.getPath()).then().statusCode(200)
                .body("siret", equalTo(siret)).body("ept", equalTo("Grand Paris Grand Est"));
        awaitProjections(id);
        given().get("/api/conseillers/host-structures/" + id).then().body("siret", equalTo(siret));
        given().get("/api/funding/beneficiaries/" + id).then().body("siret", equalTo(siret));
    }

    @Test
    void withTheBrokerDownARegistrationSucceedsAndItsEventArrivesOnceAfterTheRestart() {
        double conseillerApplied = consumed(CONSEILLER, "applied");
        double fundingApplied = consumed(FUNDING, "applied");
        RunningSystem.stopBroker();
        String id;
        try {
            id = register(Sirets.random()).path("id");
            given().get("/api/conseillers/host-structures/" + id).then().statusCode(404);
            // the relay keeps trying the row while the broker is away: it must wait on Kafka with no transaction open
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(longestOpenTransactionMillis("structure"))
                            .as("ms a structure-service transaction has been open").isLessThan(1000));
        } finally {
            RunningSystem.startBroker();
        }

        awaitProjections(id);
        assertThat(consumed(CONSEILLER, "applied") - conseillerApplied).as("events applied by conseiller-service").isEqualTo(1);
        assertThat(consumed(FUNDING, "applied") - fundingApplied).as("events applied by funding-service").isEqualTo(1);
        assertThat(RunningSystem.count("structure", "select count(*) from outbox_event where aggregate_id = ? and sent_at is not null",
                id)).as("the registration's two copies (v1, v2) were sent once the broker was back").isEqualTo(2);
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        String id = register(Sirets.random()).path("id");
        awaitProjections(id);
        String conseillerView = given().get("/api/conseillers/host-structures/" + id).asString();
        String fundingView = given().get("/api/funding/beneficiaries/" + id).asString();
        double[] before = {consumed(CONSEILLER, "duplicate"), consumed(FUNDING, "duplicate"),
                consumed(CONSEILLER, "applied"), consumed(FUNDING, "applied")};
        String replay = registrationAsPublished(id).replace(DEFAULT_NAME, "A replayed copy");

        kafka.send(TOPIC, id, replay);

        await().atMost(PROPAGATION).until(() -> consumed(CONSEILLER, "duplicate") > before[0]
                && consumed(FUNDING, "duplicate") > before[1]);
        assertThat(consumed(CONSEILLER, "applied")).isEqualTo(before[2]);
        assertThat(consumed(FUNDING, "applied")).isEqualTo(before[3]);
        assertThat(given().get("/api/conseillers/host-structures/" + id).asString()).isEqualTo(conseillerView);
        assertThat(given().get("/api/funding/beneficiaries/" + id).asString()).isEqualTo(fundingView);
    }

    @Test
    void aMalformedEventLandsInEachConsumersDeadLetterTopic() {
        KafkaTestClient.Watch conseillerDeadLetters = kafka.watch(CONSEILLER_DLT);
        KafkaTestClient.Watch fundingDeadLetters = kafka.watch(FUNDING_DLT);
        String key = "malformed-" + UUID.randomUUID();

        kafka.send(TOPIC, key, "{\"eventType\": \"StructureRegistered\"");

        for (KafkaTestClient.Watch deadLetters : new KafkaTestClient.Watch[] {conseillerDeadLetters, fundingDeadLetters}) {
            ConsumerRecord<String, String> dead = deadLetters.awaitRecord(r -> key.equals(r.key()));
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertThat(reason).contains("not a JSON object");
        }
        String id = register(Sirets.random()).path("id");
        awaitProjections(id); // the consumers moved on
    }

    /** The oldest transaction of a service that sits idle (waiting on something else than its database). */
    private static long longestOpenTransactionMillis(String database) {
        return RunningSystem.count(database, """
                select coalesce(max(extract(epoch from now() - xact_start) * 1000), 0)::bigint from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and state like 'idle in transaction%'""");
    }

    private static ExtractableResponse<Response> register(String siret) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", DEFAULT_NAME, "siret", siret, "legalKind", "PUBLIC_COLLECTIVITY", "type", "RFS",
                        "address", "1 place du 11 Novembre 1918", "postalCode", "93390", "communeInsee", DEFAULT_INSEE))
                .post("/api/structures")
                .then().statusCode(201).extract();
    }

    private static void awaitProjections(String id) {
        await().atMost(PROPAGATION).untilAsserted(() -> {
            given().get("/api/conseillers/host-structures/" + id).then().statusCode(200);
            given().get("/api/funding/beneficiaries/" + id).then().statusCode(200);
        });
    }

    /** The id of the one event structure-service wrote for this structure. */
    /** The StructureRegistered v2 envelope of a structure exactly as its outbox sent it (same event id). */
    private static String registrationAsPublished(String structureId) {
        assertThat(RunningSystem.count("structure", "select count(*) from outbox_event where aggregate_id = ?", structureId))
                .as("v1 and v2 side by side").isEqualTo(2);
        return (String) RunningSystem.queryOne("structure",
                "select envelope from outbox_event where aggregate_id = ? and schema_version = 2", structureId);
    }

    /** What a consumer's events_consumed_total counter says for one result, read from its Prometheus endpoint. */
    private static double consumed(Consumer consumer, String result) {
        String metrics = given().baseUri(RunningSystem.serviceUrl(consumer.portOffset)).get("/q/metrics").asString();
        return metrics.lines()
                .filter(line -> line.startsWith("events_consumed_total{") && line.contains("consumer=\"" + consumer.name + "\"")
                        && line.contains("result=\"" + result + "\""))
                // "name{labels} value" and, with tracing on, " # {trace_id=…} exemplar timestamp" after it
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf("} ") + 2).split(" ")[0]))
                .sum();
    }

    private record Consumer(String name, int portOffset) {
    }
}
