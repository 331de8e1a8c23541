package fr.inclusion93.writes.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.problem.ProblemType;
import fr.inclusion93.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} header (draft-ietf-httpapi-idempotency-key-header) for a resource's creating POST:
 * <pre>{@code return idempotency.respond(request, () -> Response.created(...).entity(service.create(request)).build());}</pre>
 * One transaction holds the key (an advisory lock), the effect and the stored response: a retry after a time-out
 * finds either the request still running (409), or its committed response (replayed), or nothing because it rolled
 * back or the service died before commit (then it runs, once). An effect that throws stores no key.
 */
@ApplicationScoped
public class Idempotency {

    static final URI IN_FLIGHT = ProblemType.of("idempotency-key-in-flight");
    static final URI REUSED = ProblemType.of("idempotency-key-reused");

    private final IdempotencyStore store;
    private final RequestFingerprint fingerprints;
    private final IdempotencyConfig config;
    private final Caller caller;
    private final HttpHeaders headers;
    private final UriInfo uri;
    private final Request httpRequest;
    private final ObjectMapper mapper;

    Idempotency(IdempotencyStore store, RequestFingerprint fingerprints, IdempotencyConfig config, Caller caller,
            HttpHeaders headers, UriInfo uri, Request httpRequest, ObjectMapper mapper) {
        this.store = store;
        this.fingerprints = fingerprints;
        this.config = config;
        this.caller = caller;
        this.headers = headers;
        this.uri = uri;
        this.httpRequest = httpRequest;
        this.mapper = mapper;
    }

    /**
     * Runs {@code effect} unless this client's key already has a response, which it replays; without a key, just runs
     * it. {@code request} is the body as the resource received it: with the method and path, it tells a retry from
     * another request under the same key.
     */
    @Transactional
    public Response respond(Object request, Supplier<Response> effect) {
        List<String> values = Optional.ofNullable(headers.getRequestHeader(IdempotencyKey.HEADER)).orElse(List.of());
        Optional<IdempotencyKey> key = IdempotencyKey.from(values);
        if (key.isEmpty()) {
            return effect.get();
        }
        String clientId = caller.clientId();
        if (!store.tryTake(clientId, key.get())) {
            throw inFlight();
        }
        String method = httpRequest.getMethod();
        String path = uri.getRequestUri().getRawPath();
        String fingerprint = fingerprints.of(method, path, request);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<IdempotencyStore.Remembered> previous = store.find(clientId, key.get(), now);
        if (previous.isPresent()) {
            if (!previous.get().fingerprint().equals(fingerprint)) {
                throw reused(previous.get());
            }
            return previous.get().response().toReplay();
        }
        StoredResponse response = StoredResponse.of(effect.get(), mapper);
        store.remember(clientId, key.get(),
                new IdempotencyStore.Remembered(method, path, fingerprint, response, now.plus(config.keyTtl())), now);
        return response.toResponse();
    }

    private static ProblemException inFlight() {
        String reason = "a request with this key is still being processed; retry once it has completed to get its response";
        return new ProblemException(409, IN_FLIGHT, "A request is outstanding for this Idempotency-Key",
                IdempotencyKey.HEADER + ": " + reason, List.of(new Problem.FieldError(IdempotencyKey.HEADER, reason)));
    }

    private static ProblemException reused(IdempotencyStore.Remembered first) {
        String reason = "already used for another request (" + first.method() + " " + first.path()
                + " with another body) until " + first.expiresAt() + "; send a new key for a new request";
        return new ProblemException(422, REUSED, "Idempotency-Key is already used", IdempotencyKey.HEADER + ": " + reason,
                List.of(new Problem.FieldError(IdempotencyKey.HEADER, reason)));
    }
}
