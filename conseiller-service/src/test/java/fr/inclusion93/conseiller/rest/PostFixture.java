package fr.inclusion93.conseiller.rest;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.inclusion93.conseiller.event.StructureEvents;
import fr.inclusion93.events.testing.KafkaTestClient;
import fr.inclusion93.problem.Problem;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Agreements and posts made over HTTP as the admin, and the checks on their refusals, for this service's tests. */
final class PostFixture {

    static final String POSTS = "/api/conseillers/posts";
    /** A consumer group can take long to form on a loaded machine. */
    static final Duration WAIT = Duration.ofSeconds(60);

    private PostFixture() {
    }

    /** A host structure in Saint-Denis (Plaine Commune), registered through structure.events; waits for its projection. */
    static String hostStructure(KafkaTestClient kafka) {
        String id = UUID.randomUUID().toString();
        kafka.send(StructureEvents.TOPIC, id, StructureEvents.event(UUID.randomUUID(), StructureEvents.REGISTERED, 2, id, 1,
                StructureEvents.structure(id)));
        await().atMost(WAIT).until(() -> asAdmin().get("/api/conseillers/host-structures/" + id).statusCode() == 200);
        return id;
    }

    static String agreement(int totalPosts, List<Map<String, Object>> quotas) {
        return asAdmin().contentType(ContentType.JSON).body(agreementBody(totalPosts, quotas))
                .post("/api/conseillers/agreements").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> agreementBody(int totalPosts, List<Map<String, Object>> quotas) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Convention territoriale conseillers numériques");
        body.put("signedOn", "2021-01-15");
        body.put("departementCode", "93");
        body.put("totalPosts", totalPosts);
        body.put("stateFundedMonths", 24);
        body.put("signatories", List.of(Map.of("name", "État", "kind", "STATE"), Map.of("name", "Plaine Commune", "kind", "EPT", "territoryCode", "200057867")));
        body.put("quotas", quotas);
        return body;
    }

    static Response open(String agreement, String structure) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("agreementId", agreement, "structureId", structure, "openedOn", "2021-02-01")).post(POSTS);
    }

    static Response move(String id, String to) {
        return move(id, to, "2021-03-01");
    }

    static Response move(String id, String to, String on) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("to", to, "on", on))
                .post(POSTS + "/" + id + "/transitions");
    }

    static Map<String, Object> get(String id) {
        return asAdmin().get(POSTS + "/" + id).then().statusCode(200).extract().as(Map.class);
    }

    static void assertWrongState(Response response, String current, String allowed) {
        Problem problem = response.then().statusCode(409).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.type().toString()).endsWith("/wrong-state");
        assertThat(problem.errors()).singleElement().satisfies(error -> assertThat(error.reason())
                .contains("the post is " + current).contains(allowed));
    }

    static void assertFields(Response response, String... fields) {
        assertProblem(response, 400, fields);
    }

    /** Well-formed but not possible: an unknown reference, a day before the post opened. */
    static void assertUnprocessable(Response response, String... fields) {
        assertProblem(response, 422, fields);
    }

    static void assertProblem(Response response, int status, String... fields) {
        Problem problem = response.then().statusCode(status).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactlyInAnyOrder(fields);
    }

}
