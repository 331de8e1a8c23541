package fr.inclusion93.gateway.proxy;

import fr.inclusion93.gateway.TestPorts;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service that stops answering gets its circuit opened, then closed again once it is back. */
@QuarkusTest
@TestProfile(CircuitBreakerTest.SmallBreaker.class)
class CircuitBreakerTest {

    public static class SmallBreaker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // every attempt counts in the breaker: without retries, each request here is one attempt
            return Map.of("gateway.circuit-breaker.requests", "4", "gateway.circuit-breaker.delay", "1s",
                    "gateway.retries", "0");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoppableService.class));
        }
    }

    /** structure-service as a server the test stops and starts again on the same port. */
    public static class StoppableService implements QuarkusTestResourceLifecycleManager {

        private static Vertx vertx;
        private static int port;
        private static HttpServer server;

        @Override
        public Map<String, String> start() {
            vertx = Vertx.vertx();
            port = TestPorts.unused();
            up();
            return Map.of("gateway.routes.structures", "http://127.0.0.1:" + port);
        }

        static void up() {
            server = vertx.createHttpServer().requestHandler(request -> {
                if (request.path().endsWith("/slow")) {
                    vertx.setTimer(2000, timer -> request.response().end("late"));
                } else {
                    request.response().end("structure");
                }
            })
                    .listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        }

        static void down() {
            server.close().toCompletionStage().toCompletableFuture().join();
        }

        @Override
        public void stop() {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }

    }

    @Test
    void aServiceThatStopsAnsweringIsCutOffThenTriedAgain() {
        asAdmin().get("/api/structures/1").then().statusCode(200);
        StoppableService.down();
        try {
            for (int i = 0; i < 3; i++) { // then the last 4 requests hold 3 failures: at least half
                assertThat(problem(asAdmin().get("/api/structures/1")).detail()).isEqualTo(
                        "structure-service is unreachable; try again later");
            }
            Response cutOff = asAdmin().get("/api/structures/1");
            assertThat(problem(cutOff).detail()).as("not sent: the circuit is open").startsWith("structure-service is failing");
            assertThat(cutOff.header("Retry-After")).isEqualTo("1");
        } finally {
            StoppableService.up();
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> asAdmin().get("/api/structures/1").statusCode() == 200);
        asAdmin().get("/api/structures/2").then().statusCode(200);
    }

    @Test
    void clientsGivingUpDoNotOpenTheCircuit() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest impatient = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + "/api/structures/1/slow")).header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN))
                .timeout(Duration.ofMillis(200)).build();
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> client.send(impatient, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(HttpTimeoutException.class);
        }

        asAdmin().get("/api/structures/1").then().statusCode(200);
    }

    private static Problem problem(Response response) {
        return response.then().statusCode(503).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
    }
}
