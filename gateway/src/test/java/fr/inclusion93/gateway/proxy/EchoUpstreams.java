package fr.inclusion93.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Three real HTTP servers standing in for the services: each answers with what it received (see {@link Echo}).
 * A POST answers 201 with a {@code Location} built from the request's absolute URI, as the services' UriInfo does;
 * a request with {@code X-Echo-Status} gets that status, one with {@code X-Echo-Header: Name: value} that header.
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final String STATUS_HEADER = "X-Echo-Status";
    public static final String NAME_HEADER = "X-Upstream-Name";
    public static final String HEADER_HEADER = "X-Echo-Header";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new LinkedHashMap<>();
        for (String route : new String[] {"structures", "conseillers", "funding"}) {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> echo(route, request))
                    .listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().join();
            config.put("gateway.routes." + route, "http://127.0.0.1:" + server.actualPort());
        }
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static void echo(String route, HttpServerRequest request) {
        request.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            request.headers().names().forEach(name ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", request.headers().getAll(name))));
            JsonObject echo = new JsonObject()
                    .put("upstream", route)
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("headers", headers)
                    .put("bodyLength", body.length())
                    .put("bodySha256", sha256(body))
                    .put("body", body.length() <= 1024 ? body.toString() : null);
            String status = request.getHeader(STATUS_HEADER);
            var response = request.response()
                    .putHeader(NAME_HEADER, route)
                    .putHeader("Content-Type", "application/json");
            String header = request.getHeader(HEADER_HEADER);
            if (header != null) {
                response.putHeader(header.substring(0, header.indexOf(':')), header.substring(header.indexOf(':') + 1).strip());
            }
            if (status != null) {
                response.setStatusCode(Integer.parseInt(status));
            } else if (request.method() == HttpMethod.POST) {
                // as Quarkus REST's UriInfo.getAbsolutePathBuilder(): Vert.x's absoluteURI() without the query
                URI absolute = URI.create(request.absoluteURI());
                response.setStatusCode(201).putHeader("Location",
                        absolute.getScheme() + "://" + absolute.getRawAuthority() + absolute.getRawPath() + "/42");
            }
            response.end(echo.encode());
        });
    }

    static String sha256(Buffer body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
