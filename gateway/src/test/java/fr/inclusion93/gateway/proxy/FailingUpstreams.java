package fr.inclusion93.gateway.proxy;

import fr.inclusion93.gateway.TestPorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Map;

/**
 * Services in trouble: structure-service and funding-service on a port where nothing listens (connection
 * refused), conseiller-service accepting requests and never answering.
 */
public class FailingUpstreams implements QuarkusTestResourceLifecycleManager {

    /** The silent service's one path that answers, late: after the gateway's idle time-out but within this path's. */
    static final String SLOW_PATH = "/api/conseillers/imports";
    static final long SLOW_ANSWER_MS = 900;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer silent = vertx.createHttpServer()
                .requestHandler(request -> {
                    if (request.path().equals(SLOW_PATH)) {
                        vertx.setTimer(SLOW_ANSWER_MS, timer -> request.response().end("late"));
                    }
                })
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
        String refused = "http://127.0.0.1:" + TestPorts.unused();
        return Map.of(
                "gateway.routes.structures", refused,
                "gateway.routes.conseillers", "http://127.0.0.1:" + silent.actualPort(),
                "gateway.routes.funding", refused);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

}
