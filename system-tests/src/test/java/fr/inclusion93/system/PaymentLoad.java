package fr.inclusion93.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Money under faults: clients recording payments on one funding line through the gateway, each with its own
 * Idempotency-Key and reference. A payment whose answer did not come (error status, refused connection, timeout) is
 * sent again with the same key until one does, as a careful client would: the server must then have applied it once,
 * whether the first attempt reached the database or not.
 */
final class PaymentLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    private static final Duration LAST_RETRIES = Duration.ofMinutes(3);

    private final String gateway;
    private final String authorization;
    private final String line;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ScheduledExecutorService clients;
    private final Map<String, Long> accepted = new ConcurrentHashMap<>();   // reference → cents
    private final LongAdder retries = new LongAdder();
    private final Map<String, LongAdder> unexpected = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    private PaymentLoad(String gateway, String token, int clientCount) {
        this.gateway = gateway;
        this.authorization = "Bearer " + token;
        this.clients = Executors.newScheduledThreadPool(clientCount);
        this.line = committedLine();
    }

    /** Creates the funder, programme, envelope and committed line the payments go to, then starts the clients. */
    static PaymentLoad start(String gateway, String token, int clientCount, Duration interval) {
        PaymentLoad load = new PaymentLoad(gateway, token, clientCount);
        for (int client = 0; client < clientCount; client++) {
            load.clients.scheduleWithFixedDelay(load::payOne, client * 10L, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return load;
    }

    String lineId() {
        return line;
    }

    /** Accepted payments: reference → amount in cents. */
    Map<String, Long> accepted() {
        return Map.copyOf(accepted);
    }

    String summary() {
        return accepted.size() + " payments accepted, " + retries.sum() + " attempts sent again"
                + (unexpected.isEmpty() ? "" : ", refused: " + unexpected);
    }

    /** Payments refused outright (a 4xx other than 409 in flight or 429): none should be. */
    long unexpectedlyRefused() {
        return unexpected.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Stops the clients once the payment each has in hand got its answer (they retry it for a while longer). */
    @Override
    public void close() {
        stopping = true;
        clients.shutdown();
        try {
            if (!clients.awaitTermination(LAST_RETRIES.toSeconds() + REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("payment clients still retrying after the load stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void payOne() {
        if (stopping) {
            return;
        }
        String key = UUID.randomUUID().toString();
        String reference = "FAULTS-" + key;
        long cents = ThreadLocalRandom.current().nextLong(1, 1_000);
        String body = "{\"amountCents\":%d,\"paidOn\":\"2021-03-01\",\"reference\":\"%s\"}".formatted(cents, reference);
        long giveUpAt = Long.MAX_VALUE;
        while (true) {
            Integer status = send("/api/funding/lines/" + line + "/payments", body, key);
            if (status != null && status == 201) {
                accepted.put(reference, cents);
                return;
            }
            if (status != null && status >= 400 && status < 500 && status != 409 && status != 429) {
                unexpected.computeIfAbsent(Integer.toString(status), k -> new LongAdder()).increment();
                return; // the fault suite's payments are valid: the verdict reports it
            }
            if (stopping && giveUpAt == Long.MAX_VALUE) {
                giveUpAt = System.nanoTime() + LAST_RETRIES.toNanos();
            }
            if (System.nanoTime() > giveUpAt) {
                return; // unanswered: the verdict counts what the server holds for it as applied without an answer
            }
            retries.increment();
            pause();
        }
    }

    private String committedLine() {
        String funder = created("/api/funding/funders", "{\"name\":\"Fault suite funder\"}");
        String programme = created("/api/funding/programmes",
                "{\"name\":\"Fault suite programme\",\"funderId\":\"%s\"}".formatted(funder));
        String envelope = created("/api/funding/envelopes", ("{\"programmeId\":\"%s\",\"year\":2021,"
                + "\"territory\":{\"level\":\"DEPARTEMENT\",\"code\":\"93\"}}").formatted(programme));
        return created("/api/funding/lines", ("{\"envelopeId\":\"%s\",\"object\":\"Fault suite line\","
                + "\"amountCents\":100000000000,\"status\":\"COMMITTED\",\"year\":2021}").formatted(envelope));
    }

    private String created(String path, String body) {
        try {
            HttpResponse<String> response = http.send(request(path, body, null), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body()).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException("cannot set up the payments' line: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status, or null when no answer came. */
    private Integer send(String path, String body, String idempotencyKey) {
        try {
            return http.send(request(path, body, idempotencyKey), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private HttpRequest request(String path, String body, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return builder.build();
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
