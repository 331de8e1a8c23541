package fr.inclusion93.conseiller.rest;

import static fr.inclusion93.conseiller.event.StructureEvents.CLOSED;
import static fr.inclusion93.conseiller.event.StructureEvents.REOPENED;
import static fr.inclusion93.conseiller.rest.PostFixture.POSTS;
import static fr.inclusion93.conseiller.rest.PostFixture.WAIT;
import static fr.inclusion93.conseiller.rest.PostFixture.agreement;
import static fr.inclusion93.conseiller.rest.PostFixture.agreementBody;
import static fr.inclusion93.conseiller.rest.PostFixture.assertFields;
import static fr.inclusion93.conseiller.rest.PostFixture.assertUnprocessable;
import static fr.inclusion93.conseiller.rest.PostFixture.assertWrongState;
import static fr.inclusion93.conseiller.rest.PostFixture.get;
import static fr.inclusion93.conseiller.rest.PostFixture.hostStructure;
import static fr.inclusion93.conseiller.rest.PostFixture.move;
import static fr.inclusion93.conseiller.rest.PostFixture.open;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.inclusion93.conseiller.event.StructureEvents;
import fr.inclusion93.events.testing.KafkaTestClient;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.testing.Concurrently;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Posts against the real broker and database: host structures arrive as structure-service's events, funding-service's
 * answers as its events on funding.events, and what the posts publish is read back from post.events.
 */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class PostTest {

    private static final String PLAINE_COMMUNE = "200057867";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaTestClient kafka;
    private Map<String, Object> structure;
    private String structureId;

    @BeforeEach
    void aHostStructure() {
        kafka = new KafkaTestClient(bootstrapServers);
        structureId = hostStructure(kafka);
        structure = StructureEvents.structure(structureId); // Saint-Denis, Plaine Commune: as registered
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void anOpenedPostIsPublishedAndWaitsForFundingServicesAnswerAppliedOnce() {
        String agreement = agreement(80, List.of());
        KafkaTestClient.Watch posts = kafka.watch("post.events");

        Map<String, Object> post = openIn(agreement).then().statusCode(201).extract().as(Map.class);

        assertThat(post).containsEntry("state", "VACANT").containsEntry("funding", "PENDING")
                .containsEntry("communeInsee", "93066").containsEntry("eptSiren", PLAINE_COMMUNE);
        String id = (String) post.get("id");
        String opened = posts.awaitRecord(r -> id.equals(r.key())).value();
        assertThat(opened).contains("\"eventType\":\"PostOpened\"", "\"agreementId\":\"" + agreement + "\"",
                "\"structureId\":\"" + structureId + "\"").doesNotContain("name");

        String lineId = UUID.randomUUID().toString();
        String reserved = KafkaTestClient.envelope(UUID.randomUUID(), "FundingReserved", "post-subsidy", id, 1L,
                Map.of("postId", id, "agreementId", agreement, "envelopeId", UUID.randomUUID().toString(), "lineId", lineId,
                        "amountCents", 5_000_000, "fundedMonths", 24));
        kafka.send("funding.events", id, reserved);
        kafka.send("funding.events", id, reserved); // redelivered

        await().atMost(WAIT).until(() -> "RESERVED".equals(get(id).get("funding")));
        assertThat(get(id)).containsEntry("fundingLineId", lineId)
                .containsEntry("fundingDetail", "24 State-funded months reserved: 50000.00 €");
        List<String> actions = asAdmin().get(POSTS + "/" + id + "/history").then().statusCode(200).extract().jsonPath()
                .getList("items.action");
        assertThat(actions).containsExactly("PostOpened", "PostFundingReserved");
    }

    @Test
    void aRefusalShowsFundingServicesReason() {
        String agreement = agreement(80, List.of());
        String id = openIn(agreement).then().statusCode(201).extract().path("id");

        kafka.send("funding.events", id, KafkaTestClient.envelope(UUID.randomUUID(), "FundingRefused", "post-subsidy", id, 1L,
                Map.of("postId", id, "agreementId", agreement, "reason", "NO_ENVELOPE_FOR_AGREEMENT",
                        "detail", "no envelope is linked to this agreement")));

        await().atMost(WAIT).until(() -> "REFUSED".equals(get(id).get("funding")));
        assertThat(get(id)).containsEntry("fundingDetail", "NO_ENVELOPE_FOR_AGREEMENT: no envelope is linked to this agreement");
    }

    @Test
    void everyLegalMoveIsTakenAndEveryOtherRefusedNamingTheState() {
        String id = openIn(agreement(80, List.of())).then().statusCode(201).extract().path("id");

        move(id, "RECRUITING").then().statusCode(200).body("state", org.hamcrest.Matchers.equalTo("RECRUITING"));
        assertWrongState(move(id, "OCCUPIED"), "RECRUITING", "contract");
        assertWrongState(move(id, "ENDED"), "RECRUITING", "VACANT, OCCUPIED");
        move(id, "VACANT").then().statusCode(200);
        assertWrongState(move(id, "OCCUPIED"), "VACANT", "RECRUITING, RETURNED");
        assertWrongState(move(id, "VACANT"), "VACANT", "RECRUITING, RETURNED");

        KafkaTestClient.Watch posts = kafka.watch("post.events");
        move(id, "RETURNED").then().statusCode(200).body("returnedOn", org.hamcrest.Matchers.equalTo("2021-03-01"));
        assertThat(posts.awaitRecord(r -> id.equals(r.key()) && r.value().contains("PostReturned")).value())
                .contains("\"returnedOn\":\"2021-03-01\"", "\"stateFundedMonthsConsumed\":0");
        assertWrongState(move(id, "VACANT"), "RETURNED", "nothing (final)");
        assertWrongState(move(id, "RECRUITING"), "RETURNED", "nothing (final)");

        assertThat(asAdmin().get(POSTS + "/" + id + "/history").then().statusCode(200).extract().jsonPath()
                .getList("items.action", String.class))
                .containsExactly("PostOpened", "PostRecruiting", "PostVacant", "PostReturned");
    }

    @Test
    void twentyParallelOpeningsForTheLastFivePlacesOfAQuotaOpenExactlyFive() throws Exception {
        String agreement = agreement(80, List.of(Map.of("level", "EPT", "code", PLAINE_COMMUNE, "posts", 5)));

        List<Response> responses = Concurrently.run(20, i -> () -> openIn(agreement));

        assertThat(responses).extracting(Response::statusCode).containsOnly(201, 409);
        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(5);
        responses.stream().filter(r -> r.statusCode() == 409).forEach(r ->
                assertThat(r.jsonPath().getString("type")).endsWith("/quota-exceeded"));
        Map<String, Object> figures = asAdmin().get("/api/conseillers/agreements/" + agreement).then().statusCode(200)
                .extract().as(Map.class);
        assertThat(figures).containsEntry("openPosts", 5);
        assertThat((List<Map<String, Object>>) figures.get("quotas")).singleElement().satisfies(q ->
                assertThat(q).containsEntry("openPosts", 5).containsEntry("posts", 5));
    }

    @Test
    void twentyParallelOpeningsForTheAgreementsLastFivePostsOpenExactlyFiveAndAReturnFreesOne() throws Exception {
        String agreement = agreement(5, List.of());

        List<Response> responses = Concurrently.run(20, i -> () -> openIn(agreement));

        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(5);
        assertThat(responses.stream().filter(r -> r.statusCode() == 409)
                .map(r -> r.jsonPath().getString("type"))).hasSize(15).allMatch(t -> t.endsWith("/agreement-posts-exceeded"));
        String returned = responses.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow().path("id");
        move(returned, "RETURNED").then().statusCode(200);
        openIn(agreement).then().statusCode(201);
        openIn(agreement).then().statusCode(409);
    }

    @Test
    void aClosedStructureFlagsItsOpenPostsWithoutMovingThemAndAReopeningClearsTheFlag() {
        String agreement = agreement(80, List.of());
        String id = openIn(agreement).then().statusCode(201).extract().path("id");

        Map<String, Object> closed = new HashMap<>(structure);
        closed.put("status", "CLOSED");
        closed.put("closedOn", "2021-06-30");
        closed.put("closeReason", "Fusion avec le CCAS de Saint-Ouen");
        sendStructure(CLOSED, 1, 2, closed);

        await().atMost(WAIT).until(() -> get(id).get("flag") != null);
        assertThat(get(id)).containsEntry("state", "VACANT")
                .containsEntry("flag", "host structure closed on 2021-06-30 (Fusion avec le CCAS de Saint-Ouen): "
                        + "move the post to another structure or return it");
        assertThat(asAdmin().queryParam("flagged", "true").queryParam("agreementId", agreement).get(POSTS).then()
                .statusCode(200).extract().jsonPath().getList("items.id")).containsExactly(id);
        Response refused = openIn(agreement);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("type")).endsWith("/structure-closed");

        sendStructure(REOPENED, 1, 3, structure);
        await().atMost(WAIT).until(() -> get(id).get("flag") == null);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() {
        Map<String, Object> overQuota = agreementBody(10, List.of(Map.of("level", "EPT", "code", PLAINE_COMMUNE, "posts", 8),
                Map.of("level", "COMMUNE", "code", "93066", "posts", 3)));
        assertFields(asAdmin().contentType(ContentType.JSON).body(overQuota).post("/api/conseillers/agreements"), "quotas");
        Map<String, Object> twice = agreementBody(10, List.of(Map.of("level", "EPT", "code", PLAINE_COMMUNE, "posts", 1),
                Map.of("level", "EPT", "code", PLAINE_COMMUNE, "posts", 1)));
        assertFields(asAdmin().contentType(ContentType.JSON).body(twice).post("/api/conseillers/agreements"), "quotas[1]");
        Map<String, Object> invalid = agreementBody(0, List.of(Map.of("level", "EPT", "code", "x", "posts", -1)));
        invalid.put("departementCode", "99");
        assertFields(asAdmin().contentType(ContentType.JSON).body(invalid).post("/api/conseillers/agreements"),
                "totalPosts", "departementCode", "quotas[0].code", "quotas[0].posts");
        assertFields(asAdmin().contentType(ContentType.JSON).body(agreementBody(1, List.of(Map.of("level", "REGION", "code",
                "11", "posts", 1)))).post("/api/conseillers/agreements"), "quotas[0].level");
        Map<String, Object> signatories = agreementBody(10, List.of());
        signatories.put("signatories", List.of(Map.of("name", "État", "kind", "STATE", "territoryCode", "93066"),
                Map.of("name", "Est Ensemble", "kind", "EPT"), Map.of("name", "Bobigny", "kind", "COMMUNE", "territoryCode",
                        PLAINE_COMMUNE)));
        assertFields(asAdmin().contentType(ContentType.JSON).body(signatories).post("/api/conseillers/agreements"),
                "signatories[0].territoryCode", "signatories[1].territoryCode", "signatories[2].territoryCode");
        signatories.put("signatories", List.of(Map.of("name", "Pantin", "kind", "COMMUNE", "territoryCode", "Pantin")));
        assertFields(asAdmin().contentType(ContentType.JSON).body(signatories).post("/api/conseillers/agreements"),
                "signatories[0].territoryCode");

        String agreement = agreement(80, List.of());
        assertUnprocessable(open(UUID.randomUUID().toString(), structureId), "agreementId");
        assertUnprocessable(open(agreement, UUID.randomUUID().toString()), "structureId");
        Map<String, Object> elsewhere = agreementBody(80, List.of());
        elsewhere.put("departementCode", "95");
        String valDOise = asAdmin().contentType(ContentType.JSON).body(elsewhere).post("/api/conseillers/agreements").then()
                .statusCode(201).extract().path("id");
        assertUnprocessable(open(valDOise, structureId), "structureId");
        assertFields(asAdmin().contentType(ContentType.JSON).body(Map.of("agreementId", agreement)).post(POSTS),
                "structureId", "openedOn");

        String id = openIn(agreement).then().statusCode(201).extract().path("id");
        assertUnprocessable(asAdmin().contentType(ContentType.JSON).body(Map.of("to", "RECRUITING", "on", "2020-01-01"))
                .post(POSTS + "/" + id + "/transitions"), "on");
        assertFields(asAdmin().contentType(ContentType.JSON).body(Map.of("to", "HIRED", "on", "2021-03-01"))
                .post(POSTS + "/" + id + "/transitions"), "to");
        asAdmin().contentType(ContentType.JSON).body(Map.of("to", "RECRUITING", "on", "2021-03-01"))
                .post(POSTS + "/" + UUID.randomUUID() + "/transitions").then().statusCode(404);
        assertFields(asAdmin().queryParam("state", "HIRED").queryParam("limit", "0").queryParam("cursor", "x").get(POSTS),
                "state", "limit", "cursor");
        assertThat(get(id)).containsEntry("state", "VACANT");
        assertThat(asAdmin().queryParam("agreementId", agreement).get(POSTS).then().statusCode(200).extract().jsonPath()
                .getList("items.id")).containsExactly(id);
    }

    @Test
    void postsArePagedInIdOrder() {
        String agreement = agreement(80, List.of());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(openIn(agreement).then().statusCode(201).extract().path("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = asAdmin().queryParam("agreementId", agreement).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(POSTS).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("next");
        } while (cursor != null);
        assertThat(seen).isEqualTo(ids.stream().sorted().toList());
    }

    private Response openIn(String agreement) {
        return open(agreement, structureId);
    }

    private void sendStructure(String type, int schemaVersion, long version, Map<String, Object> payload) {
        kafka.send(StructureEvents.TOPIC, structureId, StructureEvents.event(UUID.randomUUID(), type, schemaVersion,
                structureId, version, payload));
    }
}
