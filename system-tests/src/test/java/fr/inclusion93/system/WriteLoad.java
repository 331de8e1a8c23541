package fr.inclusion93.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Several clients registering structures through the gateway, each one write after another with a pause between. A
 * write is accepted when the gateway answers 201 with the new id; anything else (an error status, a refused
 * connection, a timeout) is counted under its reason.
 */
final class WriteLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final URI structures;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ScheduledExecutorService clients;
    private final Set<UUID> accepted = ConcurrentHashMap.newKeySet();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();

    private WriteLoad(String gateway, String token, int clientCount) {
        this.structures = URI.create(gateway + "/api/structures");
        this.authorization = "Bearer " + token;
        this.clients = Executors.newScheduledThreadPool(clientCount);
    }

    static WriteLoad start(String gateway, String token, int clientCount, Duration interval) {
        WriteLoad load = new WriteLoad(gateway, token, clientCount);
        for (int client = 0; client < clientCount; client++) {
            load.clients.scheduleWithFixedDelay(load::writeOne, client * 10L, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return load;
    }

    /** Stops the clients after their write in flight. */
    @Override
    public void close() {
        clients.shutdown();
        try {
            if (!clients.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("clients still writing after the load stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Set<UUID> accepted() {
        return Set.copyOf(accepted);
    }

    /** Refused writes by reason (status code or exception), sorted. */
    Map<String, Long> refused() {
        Map<String, Long> counts = new TreeMap<>();
        refused.forEach((reason, count) -> counts.put(reason, count.sum()));
        return counts;
    }

    String summary() {
        long refusedCount = refused.values().stream().mapToLong(LongAdder::sum).sum();
        return accepted.size() + " accepted, " + refusedCount + " refused " + refused();
    }

    private void writeOne() {
        String body = ("{\"name\":\"Fault suite structure\",\"siret\":\"%s\",\"legalKind\":\"PUBLIC_COLLECTIVITY\","
                + "\"type\":\"MUNI\",\"address\":\"1 place du 11 Novembre 1918\",\"postalCode\":\"93390\","
                + "\"communeInsee\":\"93014\"}")
                .formatted(Sirets.random());
        HttpRequest request = HttpRequest.newBuilder(structures).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                accepted.add(UUID.fromString(JSON.readTree(response.body()).path("id").asText()));
            } else {
                refuse(Integer.toString(response.statusCode()));
            }
        } catch (IOException | RuntimeException e) {
            refuse(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refuse(String reason) {
        refused.computeIfAbsent(reason, key -> new LongAdder()).increment();
    }
}
