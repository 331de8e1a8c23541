package fr.inclusion93.gateway.overview;

import fr.inclusion93.gateway.TestPorts;
import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * The auditors' CSV: every page of each service in turn, stable columns, quotes only where needed (long ids too), a
 * missing service named, a failure never a whole file.
 */
@QuarkusTest
@TestProfile(AuditCsvTest.PagedHistories.class)
class AuditCsvTest {

    private static final String CSV_PATH = "/api/audit/history.csv";
    private static final String FROM = "2021-01-01T00:00:00Z";
    /** structure-service fails on its second page for this period. */
    private static final String FAILING_FROM = "2022-01-01T00:00:00Z";

    public static class PagedHistories implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(HistoryUpstreams.class));
        }
    }

    /** structure-service's history in two pages, conseiller-service's in one, funding-service unreachable. */
    public static class HistoryUpstreams implements QuarkusTestResourceLifecycleManager {

        static final Queue<String> ASKED = new ConcurrentLinkedQueue<>();
        private Vertx vertx;

        @Override
        public Map<String, String> start() {
            vertx = Vertx.vertx();
            HttpServer server = vertx.createHttpServer().requestHandler(HistoryUpstreams::answer).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().join();
            String base = "http://127.0.0.1:" + server.actualPort();
            return Map.of("gateway.routes.structures", base, "gateway.routes.conseillers", base,
                    "gateway.routes.funding", "http://127.0.0.1:" + TestPorts.unused());
        }

        private static void answer(HttpServerRequest request) {
            ASKED.add(request.uri() + " " + request.getHeader("Authorization"));
            String cursor = request.getParam("cursor");
            JsonObject page;
            if (request.path().equals("/api/structures/history") && cursor == null) {
                page = page("p2", entry("structure", "s1", null), entry("structure", "s2", null));
            } else if (request.path().equals("/api/structures/history") && !FAILING_FROM.equals(request.getParam("from"))) {
                page = page(null, entry("structure", "s3", null));
            } else if (request.path().equals("/api/conseillers/history")) {
                page = page(null, entry("post", "p1", new JsonObject().put("state", "VACANT").put("note", "a, \"b\"")));
            } else {
                request.response().setStatusCode(500).end();
                return;
            }
            request.response().putHeader("Content-Type", "application/json").end(page.encode());
        }

        private static JsonObject page(String next, JsonObject... items) {
            return new JsonObject().put("items", new JsonArray(List.of((Object[]) items))).put("next", next);
        }

        private static JsonObject entry(String type, String id, JsonObject after) {
            return new JsonObject().put("recordedAt", "2021-01-20T09:00:00Z").put("actor", "admin-cli")
                    .put("requestId", "7d2f1a9c-3e4b-4f6a-9b8c-1d2e3f4a5b6c-" + id).put("traceId", null).put("action", "Changed").put("recordType", type)
                    .put("recordId", id).put("before", null).put("after", after).put("addedLater", "not a column");
        }

        @Override
        public void stop() {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void everyPageOfEachServiceInTurnWithTheMissingOneNamed() {
        String auditor = token(Roles.AUDITOR);
        Response answer = as(auditor).queryParam("from", FROM).get(CSV_PATH);

        answer.then().statusCode(200).contentType("text/csv").header(AuditResource.MISSING_PARTS, "funding-lines");
        String after = "{\"state\":\"VACANT\",\"note\":\"a, \\\"b\\\"\"}"; // as the service gave it
        assertThat(answer.asString()).isEqualTo(
                "part,service,recordedAt,recordType,recordId,action,actor,requestId,traceId,before,after\r\n"
                + "structures,structure-service,2021-01-20T09:00:00Z,structure,s1,Changed,admin-cli,7d2f1a9c-3e4b-4f6a-9b8c-1d2e3f4a5b6c-s1,,,\r\n"
                + "structures,structure-service,2021-01-20T09:00:00Z,structure,s2,Changed,admin-cli,7d2f1a9c-3e4b-4f6a-9b8c-1d2e3f4a5b6c-s2,,,\r\n"
                + "structures,structure-service,2021-01-20T09:00:00Z,structure,s3,Changed,admin-cli,7d2f1a9c-3e4b-4f6a-9b8c-1d2e3f4a5b6c-s3,,,\r\n"
                + "posts,conseiller-service,2021-01-20T09:00:00Z,post,p1,Changed,admin-cli,7d2f1a9c-3e4b-4f6a-9b8c-1d2e3f4a5b6c-p1,,,"
                + "\"" + after.replace("\"", "\"\"") + "\"\r\n");
        assertThat(HistoryUpstreams.ASKED).contains(
                "/api/structures/history?from=2021-01-01T00%3A00%3A00Z&limit=500&cursor=p2 Bearer " + auditor,
                "/api/conseillers/history?from=2021-01-01T00%3A00%3A00Z&limit=500&recordType=post Bearer " + auditor);
    }

    @Test
    void aServiceFailingAfterTheFileStartedCutsItShort() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + CSV_PATH
                + "?from=" + FAILING_FROM)).header("Authorization", "Bearer " + token(Roles.AUDITOR)).build();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .as("never a file that looks complete").isInstanceOf(IOException.class);
    }

    @Test
    void badParametersAreNamedAndTheFileIsForAuditors() {
        Problem problem = as(token(Roles.AUDITOR)).queryParam("to", "tomorrow").queryParam("limit", "10").get(CSV_PATH)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactlyInAnyOrder("from", "to", "limit");

        as(token(Roles.DASHBOARD)).queryParam("from", FROM).get(CSV_PATH).then().statusCode(403);
    }
}
