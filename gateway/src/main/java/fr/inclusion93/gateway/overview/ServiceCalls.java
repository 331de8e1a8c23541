package fr.inclusion93.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.gateway.proxy.Upstreams;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * GETs of the services' reports for the composite reports, each with a time-out of its own: an answer is the JSON
 * body, or why there is none (a status, a time-out, an unreachable service), never an exception.
 */
@ApplicationScoped
public class ServiceCalls {

    /** A service's JSON answer, or the reason it has none. */
    public record Answer(JsonNode body, Integer status, String reason) {

        /** The body, or null with the part it was for named in {@code missing}, and why. */
        JsonNode bodyOrMissing(String part, String service, List<TerritoryOverview.MissingPart> missing) {
            if (body == null) {
                missing.add(new TerritoryOverview.MissingPart(part, service, status, reason));
            }
            return body;
        }
    }

    /** The caller's headers the services need: its token, and what ties their logs to its request. */
    private static final List<String> CARRIED = List.of(HttpHeaders.AUTHORIZATION, "X-Request-Id", "traceparent",
            "tracestate");

    private final HttpClient client;
    private final ObjectMapper json;
    private final Duration timeout;
    private final Upstreams upstreams;

    ServiceCalls(ObjectMapper json, OverviewConfig config, Upstreams upstreams) {
        this.json = json;
        this.upstreams = upstreams;
        this.timeout = config.callTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** What of the caller's request goes on to the services. */
    public static Map<String, String> carried(HttpHeaders request) {
        Map<String, String> carried = new LinkedHashMap<>();
        CARRIED.forEach(name -> {
            String value = request.getHeaderString(name);
            if (value != null) {
                carried.put(name, value);
            }
        });
        return carried;
    }

    /**
     * GET {@code path}?{@code parameters} (name, value, name, value…; a null value is left out) of the service's next
     * instance in rotation.
     */
    public CompletableFuture<Answer> get(String service, String path, Map<String, String> headers, String... parameters) {
        return get(service, upstreams.nextBaseUrl(service).resolve(path + query(parameters)), headers);
    }

    /** The query string of name, value pairs (a null value is left out), with its "?"; empty for none. */
    public static String query(String... parameters) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < parameters.length; i += 2) {
            if (parameters[i + 1] != null) {
                query.append(query.isEmpty() ? '?' : '&').append(parameters[i]).append('=')
                        .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    /** {@code headers}: what the caller's request carries on (its token, request id, trace context). */
    private CompletableFuture<Answer> get(String service, URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
        headers.forEach(request::header);
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> answer(service, response))
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    Log.warnf("GET %s: %s failed: %s", uri.getPath(), service, cause.toString());
                    return new Answer(null, null, cause instanceof HttpTimeoutException
                            ? service + " did not answer within " + timeout.toMillis() + " ms"
                            : cause instanceof ConnectException ? service + " is unreachable"
                            : service + " could not be read: " + cause.getClass().getSimpleName());
                });
    }

    private Answer answer(String service, HttpResponse<byte[]> response) {
        if (response.statusCode() == 200) {
            try {
                return new Answer(json.readTree(response.body()), 200, null);
            } catch (IOException e) {
                return new Answer(null, 200, service + " answered something that is not JSON");
            }
        }
        String detail = null;
        try {
            detail = json.readTree(response.body()).path("detail").asText(null);
        } catch (IOException e) {
            // not a problem detail: the status says enough
        }
        return new Answer(null, response.statusCode(),
                service + " answered " + response.statusCode() + (detail == null ? "" : ": " + detail));
    }
}
