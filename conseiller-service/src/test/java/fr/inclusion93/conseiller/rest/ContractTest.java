package fr.inclusion93.conseiller.rest;

import static fr.inclusion93.conseiller.rest.PostFixture.POSTS;
import static fr.inclusion93.conseiller.rest.PostFixture.agreement;
import static fr.inclusion93.conseiller.rest.PostFixture.assertProblem;
import static fr.inclusion93.conseiller.rest.PostFixture.assertUnprocessable;
import static fr.inclusion93.conseiller.rest.PostFixture.assertWrongState;
import static fr.inclusion93.conseiller.rest.PostFixture.get;
import static fr.inclusion93.conseiller.rest.PostFixture.hostStructure;
import static fr.inclusion93.conseiller.rest.PostFixture.move;
import static fr.inclusion93.conseiller.rest.PostFixture.open;
import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static fr.inclusion93.security.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.events.testing.KafkaTestClient;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.Concurrently;
import fr.inclusion93.security.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Holders' contracts fill and end posts, one post per person at a time; personal data never leaves the service. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class ContractTest {

    private static final String NAME = "Camille Martin";
    private static final String EMAIL = "camille.martin@conseiller-numerique.fr";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    private KafkaTestClient kafka;
    private String agreement;
    private String structureId;

    @BeforeEach
    void agreementWithAHostStructure() {
        kafka = new KafkaTestClient(bootstrapServers);
        structureId = hostStructure(kafka);
        agreement = agreement(80, List.of());
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aContractFillsARecruitingPostAndItsEarlyEndEndsItWithTheMonthsUsed() {
        String post = recruitingPost();
        String person = person();
        KafkaTestClient.Watch events = kafka.watch("post.events");

        Map<String, Object> contract = sign(post, person, "2021-03-01", "2023-03-01").then().statusCode(201).extract().as(Map.class);

        assertThat(get(post)).containsEntry("state", "OCCUPIED");
        String filled = events.awaitRecord(r -> post.equals(r.key()) && r.value().contains("PostFilled")).value();
        assertThat(filled).contains("\"conseillerId\":\"" + person + "\"").doesNotContain(NAME).doesNotContain(EMAIL);

        end((String) contract.get("id"), "2022-06-30", "DEMISSION").then().statusCode(200)
                .body("endReason", org.hamcrest.Matchers.equalTo("DEMISSION"));
        assertThat(get(post)).containsEntry("state", "ENDED");
        // 1 March 2021 → 30 June 2022: 15 whole months and a begun one
        assertThat(events.awaitRecord(r -> post.equals(r.key()) && r.value().contains("PostEnded")).value())
                .contains("\"early\":true", "\"stateFundedMonthsConsumed\":16", "\"endedOn\":\"2022-06-30\"");

        move(post, "VACANT", "2022-07-01").then().statusCode(200);
        assertThat(events.awaitRecord(r -> post.equals(r.key()) && r.value().contains("PostVacated")).value())
                .contains("\"vacatedOn\":\"2022-07-01\"");
        move(post, "RECRUITING", "2022-07-01").then().statusCode(200);
        String next = person();
        String second = sign(post, next, "2022-09-01", "2024-09-01").then().statusCode(201).extract().path("id");
        end(second, "2023-02-15", "LICENCIEMENT").then().statusCode(200);
        move(post, "RETURNED", "2023-03-01").then().statusCode(200);
        // 16 + 6 (1 September 2022 → 15 February 2023: 5 whole months and a begun one)
        assertThat(events.awaitRecord(r -> post.equals(r.key()) && r.value().contains("PostReturned")).value())
                .contains("\"stateFundedMonthsConsumed\":22");
        assertThat(asAdmin().get(POSTS + "/" + post + "/contracts").then().statusCode(200).extract().jsonPath()
                .getList("conseillerId", String.class)).containsExactly(person, next);
    }

    @Test
    void aContractAtTermSaysSoAndOnlyARecruitingPostCanBeFilled() {
        String post = open(agreement, structureId).then().statusCode(201).extract().path("id");
        String person = person();

        assertWrongState(sign(post, person, "2021-03-01", "2023-03-01"), "VACANT", "RECRUITING, RETURNED");
        assertWrongState(move(post, "OCCUPIED"), "VACANT", "RECRUITING, RETURNED");
        move(post, "RECRUITING").then().statusCode(200);
        String contract = sign(post, person, "2021-03-01", "2024-03-01").then().statusCode(201).extract().path("id");
        assertWrongState(move(post, "ENDED"), "OCCUPIED", "contract");
        assertWrongState(move(post, "VACANT"), "OCCUPIED", "ENDED");

        assertUnprocessable(end(contract, "2024-03-01", "DEMISSION"), "reason");
        assertUnprocessable(end(contract, "2023-01-01", "TERM"), "reason");
        assertUnprocessable(end(contract, "2021-02-01", "DEMISSION"), "on");
        end(contract, "2024-03-01", "TERM").then().statusCode(200);
        end(contract, "2024-03-02", "TERM").then().statusCode(409);
        end(UUID.randomUUID().toString(), "2024-03-01", "TERM").then().statusCode(404);
        assertThat(get(post)).containsEntry("state", "ENDED");
    }

    @Test
    void aRunningContractIsRenewedLaterOnlyAndItsTrainingMovesForward() {
        String post = recruitingPost();
        KafkaTestClient.Watch events = kafka.watch("post.events");
        String contract = sign(post, person(), "2021-03-01", "2023-03-01").then().statusCode(201).extract().path("id");

        renew(contract, "2024-03-01").then().statusCode(200).body("plannedEndOn", org.hamcrest.Matchers.equalTo("2024-03-01"))
                .body("renewals", org.hamcrest.Matchers.equalTo(1));
        assertThat(events.awaitRecord(r -> post.equals(r.key()) && r.value().contains("ContractRenewed")).value())
                .contains("\"previousPlannedEndOn\":\"2023-03-01\"", "\"plannedEndOn\":\"2024-03-01\"", "\"renewals\":1",
                        "\"contractId\":\"" + contract + "\"");
        assertThat(get(post)).containsEntry("state", "OCCUPIED");
        assertUnprocessable(renew(contract, "2024-03-01"), "plannedEndOn");
        assertUnprocessable(renew(contract, "2022-01-01"), "plannedEndOn");
        assertProblem(asAdmin().contentType(ContentType.JSON).body(Map.of())
                .post("/api/conseillers/contracts/" + contract + "/renewal"), 400, "plannedEndOn");
        renew(UUID.randomUUID().toString(), "2025-01-01").then().statusCode(404);

        train(contract, "IN_PROGRESS").then().statusCode(200).body("trainingStatus", org.hamcrest.Matchers.equalTo("IN_PROGRESS"));
        train(contract, "IN_PROGRESS").then().statusCode(200);
        train(contract, "COMPLETED").then().statusCode(200);
        assertProblem(train(contract, "NOT_STARTED"), 409, "status");
        assertProblem(train(contract, "FINISHED"), 400, "status");
        train(UUID.randomUUID().toString(), "COMPLETED").then().statusCode(404);

        end(contract, "2022-06-30", "DEMISSION").then().statusCode(200);
        assertProblem(renew(contract, "2025-03-01"), 409, "endedOn");
        assertThat(asAdmin().get(POSTS + "/" + post + "/contracts").then().statusCode(200).extract().jsonPath()
                .getList("plannedEndOn", String.class)).containsExactly("2024-03-01");
    }

    @Test
    void aPersonHoldsOnePostAtATimeAndTwentyParallelSigningsFillAPostOnce() throws Exception {
        String first = recruitingPost();
        String second = recruitingPost();
        String person = person();
        sign(first, person, "2021-03-01", "2023-03-01").then().statusCode(201);

        Response busy = sign(second, person, "2021-04-01", "2023-04-01");
        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(busy.jsonPath().getString("type")).endsWith("/holder-busy");
        assertThat(get(second)).containsEntry("state", "RECRUITING");

        List<String> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            people.add(person());
        }
        List<Response> responses = Concurrently.run(20, i -> () -> sign(second, people.get(i), "2021-04-01", "2023-04-01"));
        assertThat(responses).extracting(Response::statusCode).containsOnly(201, 409);
        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        assertThat(asAdmin().get(POSTS + "/" + second + "/contracts").then().extract().jsonPath().getList("id")).hasSize(1);
    }

    @Test
    void badContractsAreRefusedAndStoreNothing() {
        String post = recruitingPost();
        String person = person();

        assertUnprocessable(sign(post, person, "2021-03-01", "2023-09-01"), "plannedEndOn");
        assertUnprocessable(sign(post, person, "2021-01-01", "2023-01-01"), "startOn");
        assertUnprocessable(sign(post, UUID.randomUUID().toString(), "2021-03-01", "2023-03-01"), "conseillerId");
        Map<String, Object> tooManyMonths = contractBody(person, "2021-03-01", "2023-03-01");
        tooManyMonths.put("stateFundedMonths", 30);
        assertUnprocessable(asAdmin().contentType(ContentType.JSON).body(tooManyMonths).post(POSTS + "/" + post + "/contracts"),
                "stateFundedMonths");
        Problem problem = asAdmin().contentType(ContentType.JSON).body(Map.of("conseillerId", person))
                .post(POSTS + "/" + post + "/contracts").then().statusCode(400).extract().as(Problem.class);
        assertThat(problem.errors()).extracting(Problem.FieldError::field)
                .containsExactlyInAnyOrder("type", "startOn", "plannedEndOn", "trainingMode");
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", " ", "email", "not an e-mail"))
                .post("/api/conseillers/people").then().statusCode(400);
        sign(UUID.randomUUID().toString(), person, "2021-03-01", "2023-03-01").then().statusCode(404);

        assertThat(get(post)).containsEntry("state", "RECRUITING");
        assertThat(asAdmin().get(POSTS + "/" + post + "/contracts").then().extract().jsonPath().getList("id")).isEmpty();
    }

    @Test
    void erasureKeepsTheHistoryAndLeavesTheNameNowhere() throws Exception {
        String post = recruitingPost();
        String person = person();
        String contract = sign(post, person, "2021-03-01", "2023-03-01").then().statusCode(201).extract().path("id");
        as(token(Roles.DASHBOARD)).get("/api/conseillers/people/" + person).then().statusCode(403);

        asAdmin().post("/api/conseillers/people/" + person + "/erasure").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.nullValue()).body("email", org.hamcrest.Matchers.nullValue());
        asAdmin().post("/api/conseillers/people/" + person + "/erasure").then().statusCode(200);

        assertThat(asAdmin().get("/api/conseillers/people/" + person).then().statusCode(200).extract().as(Map.class))
                .containsEntry("name", null).containsEntry("email", null).containsKey("erasedOn");
        assertThat(asAdmin().get(POSTS + "/" + post + "/contracts").then().extract().jsonPath().getList("id"))
                .containsExactly(contract);
        assertThat(asAdmin().get(POSTS + "/" + post + "/history").then().extract().jsonPath().getList("items.action"))
                .contains("PostOpened", "PostRecruiting", "PostOccupied");
        assertThat(rowsMentioning(NAME)).as("tables holding the erased name").isZero();
        assertUnprocessable(sign(recruitingPost(), person, "2021-03-01", "2023-03-01"), "conseillerId");
    }

    private String recruitingPost() {
        String post = open(agreement, structureId).then().statusCode(201).extract().path("id");
        move(post, "RECRUITING").then().statusCode(200);
        return post;
    }

    /** A person with the test's name: erasing one must leave none of its rows mentioning it. */
    private String person() {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("name", NAME + " " + UUID.randomUUID(), "email", EMAIL))
                .post("/api/conseillers/people").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> contractBody(String person, String start, String plannedEnd) {
        Map<String, Object> body = new HashMap<>();
        body.put("conseillerId", person);
        body.put("type", "CDD");
        body.put("startOn", start);
        body.put("plannedEndOn", plannedEnd);
        body.put("trainingMode", "HYBRID");
        return body;
    }

    private static Response sign(String post, String person, String start, String plannedEnd) {
        return asAdmin().contentType(ContentType.JSON).body(contractBody(person, start, plannedEnd))
                .post(POSTS + "/" + post + "/contracts");
    }

    private static Response end(String contract, String on, String reason) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("on", on, "reason", reason))
                .post("/api/conseillers/contracts/" + contract + "/end");
    }

    private static Response renew(String contract, String plannedEnd) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("plannedEndOn", plannedEnd))
                .post("/api/conseillers/contracts/" + contract + "/renewal");
    }

    private static Response train(String contract, String status) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("status", status))
                .put("/api/conseillers/contracts/" + contract + "/training");
    }

    /** Rows of the audit trail, the outbox and the people's table whose text holds {@code text}. */
    private long rowsMentioning(String text) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT (SELECT count(*) FROM audit_record a WHERE a::text LIKE '%"
                        + text + "%') + (SELECT count(*) FROM outbox_event o WHERE o::text LIKE '%" + text + "%')")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
