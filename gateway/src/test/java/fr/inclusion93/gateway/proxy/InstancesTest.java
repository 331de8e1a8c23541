package fr.inclusion93.gateway.proxy;

import fr.inclusion93.gateway.TestPorts;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two instances of structure-service: one stopped is out of rotation, nothing is refused, and it comes back. */
@QuarkusTest
@TestProfile(InstancesTest.TwoInstances.class)
class InstancesTest {

    public static class TwoInstances implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.out-of-rotation", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OneUpOneDown.class));
        }
    }

    /** The first instance answers; the second's port has nobody listening until the test starts it. */
    public static class OneUpOneDown implements QuarkusTestResourceLifecycleManager {

        static final AtomicInteger FIRST = new AtomicInteger();
        static final AtomicInteger SECOND = new AtomicInteger();
        private static Vertx vertx;
        private static int secondPort;

        @Override
        public Map<String, String> start() {
            vertx = Vertx.vertx();
            HttpServer first = server(FIRST, 0);
            secondPort = TestPorts.unused();
            return Map.of("gateway.routes.structures",
                    "http://127.0.0.1:" + first.actualPort() + ",http://127.0.0.1:" + secondPort);
        }

        static void startSecond() {
            server(SECOND, secondPort);
        }

        private static HttpServer server(AtomicInteger received, int port) {
            return vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                received.incrementAndGet();
                request.response().setStatusCode(request.method().name().equals("POST") ? 201 : 200).end(body);
            })).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        }

        @Override
        public void stop() {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void aStoppedInstanceIsLeftOutWithoutRefusingAnythingThenComesBack() {
        for (int i = 0; i < 10; i++) {
            asAdmin().get("/api/structures/" + i).then().statusCode(200);
            asAdmin().contentType(ContentType.JSON).body("{\"n\":" + i + "}").post("/api/structures")
                    .then().statusCode(201);
        }
        assertThat(OneUpOneDown.FIRST.get()).as("every request, the writes too: none could be sent to the other")
                .isEqualTo(20);

        OneUpOneDown.startSecond();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            asAdmin().get("/api/structures/back").then().statusCode(200);
            return OneUpOneDown.SECOND.get() > 0;
        });
    }
}
