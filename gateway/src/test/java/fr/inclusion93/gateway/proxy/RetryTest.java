package fr.inclusion93.gateway.proxy;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A request whose connection fails before any answer is sent again only when that is safe. */
@QuarkusTest
@TestProfile(RetryTest.DroppingService.class)
class RetryTest {

    public static class DroppingService implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DroppingUpstream.class));
        }
    }

    /**
     * structure-service closing the connection, without a word, on the first request for each method and path, and on
     * every request for a path under {@code /api/structures/dropped}; it answers the others with what it received.
     */
    public static class DroppingUpstream implements QuarkusTestResourceLifecycleManager {

        static final Map<String, AtomicInteger> RECEIVED = new ConcurrentHashMap<>();
        private Vertx vertx;

        @Override
        public Map<String, String> start() {
            vertx = Vertx.vertx();
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> request.body().onSuccess(body -> {
                        int seen = RECEIVED.computeIfAbsent(key(request), key -> new AtomicInteger()).incrementAndGet();
                        if (seen == 1 || request.path().startsWith("/api/structures/dropped")) {
                            request.connection().close();
                        } else {
                            request.response().end(request.method() + " " + request.path() + " " + body);
                        }
                    }))
                    .listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().join();
            return Map.of("gateway.routes.structures", "http://127.0.0.1:" + server.actualPort());
        }

        static int received(String method, String path) {
            AtomicInteger count = RECEIVED.get(method + " " + path);
            return count == null ? 0 : count.get();
        }

        private static String key(HttpServerRequest request) {
            return request.method() + " " + request.path();
        }

        @Override
        public void stop() {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void aReadWhoseConnectionWasClosedIsSentAgain() {
        asAdmin().get("/api/structures/7").then().statusCode(200).body(equalTo("GET /api/structures/7 "));

        assertThat(DroppingUpstream.received("GET", "/api/structures/7")).isEqualTo(2);
    }

    @Test
    void aWriteIsNeverSentTwice() {
        asAdmin().contentType(ContentType.JSON).body("{\"name\":\"x\"}").post("/api/structures/8")
                .then().statusCode(503);
        asAdmin().contentType(ContentType.JSON).body("{}").put("/api/structures/9").then().statusCode(503);
        asAdmin().delete("/api/structures/10").then().statusCode(503);

        assertThat(DroppingUpstream.received("POST", "/api/structures/8")).isEqualTo(1);
        assertThat(DroppingUpstream.received("PUT", "/api/structures/9")).isEqualTo(1);
        assertThat(DroppingUpstream.received("DELETE", "/api/structures/10")).isEqualTo(1);
    }

    @Test
    void aReadIsSentAgainOnceThenAnsweredUnavailable() {
        asAdmin().get("/api/structures/dropped/1").then().statusCode(503);

        assertThat(DroppingUpstream.received("GET", "/api/structures/dropped/1")).isEqualTo(2);
    }
}
