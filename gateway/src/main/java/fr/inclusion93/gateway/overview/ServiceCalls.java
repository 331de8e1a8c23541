package fr.inclusion93.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
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

        boolean ok() {
            return body != null;
        }
    }

    private final HttpClient client;
    private final ObjectMapper json;

    ServiceCalls(ObjectMapper json, OverviewConfig config) {
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(config.callTimeout()).build();
    }

    /** {@code headers}: what the caller's request carries on (its token, request id, trace context). */
    public CompletableFuture<Answer> get(String service, URI uri, Map<String, String> headers, Duration timeout) {
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
