package fr.inclusion93.writes.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.Session;

/** The {@code idempotency_key} table; every method runs in the caller's transaction. */
@ApplicationScoped
class IdempotencyStore {

    /** A key's first request, its response, and when the key is forgotten. */
    record Remembered(String method, String path, String fingerprint, StoredResponse response, Instant expiresAt) {
    }

    private final Session session;

    IdempotencyStore(Session session) {
        this.session = session;
    }

    /**
     * Takes the key for this transaction, or answers false at once when another transaction holds it (its request is
     * still running). A transaction-scoped advisory lock: released by commit, rollback, or the connection's end when
     * the service dies, so a key is never left taken. Two keys hashing alike only make one of them wait its turn.
     */
    boolean tryTake(String clientId, IdempotencyKey key) {
        return session.createNativeQuery(
                        "select pg_try_advisory_xact_lock(hashtextextended('idempotency ' || :client || ' ' || :key, 0))",
                        Boolean.class)
                .setParameter("client", clientId)
                .setParameter("key", key.value())
                .getSingleResult();
    }

    Optional<Remembered> find(String clientId, IdempotencyKey key, Instant now) {
        return session.createNativeQuery("""
                        select request_method, request_path, request_fingerprint, response_status, response_location,
                               response_content_type, response_body, expires_at
                        from idempotency_key where client_id = :client and idempotency_key = :key and expires_at > :now""",
                        Tuple.class)
                .setParameter("client", clientId)
                .setParameter("key", key.value())
                .setParameter("now", now)
                .getResultStream()
                .findFirst()
                .map(row -> new Remembered(row.get(0, String.class), row.get(1, String.class), row.get(2, String.class),
                        new StoredResponse(row.get(3, Number.class).intValue(), row.get(4, String.class),
                                row.get(5, String.class), row.get(6, byte[].class)), row.get(7, Instant.class)));
    }

    /** Stores the key's first response; an expired row of the same key gives way to it. */
    void remember(String clientId, IdempotencyKey key, Remembered request, Instant now) {
        StoredResponse response = request.response();
        int stored = session.createNativeMutationQuery("""
                        insert into idempotency_key (client_id, idempotency_key, request_method, request_path,
                            request_fingerprint, response_status, response_location, response_content_type, response_body,
                            created_at, expires_at)
                        values (:client, :key, :method, :path, :fingerprint, :status, :location, :contentType, :body,
                            :now, :expiresAt)
                        on conflict (client_id, idempotency_key) do update set request_method = excluded.request_method,
                            request_path = excluded.request_path, request_fingerprint = excluded.request_fingerprint,
                            response_status = excluded.response_status, response_location = excluded.response_location,
                            response_content_type = excluded.response_content_type, response_body = excluded.response_body,
                            created_at = excluded.created_at, expires_at = excluded.expires_at
                        where idempotency_key.expires_at <= :now""")
                .setParameter("client", clientId)
                .setParameter("key", key.value())
                .setParameter("method", request.method())
                .setParameter("path", request.path())
                .setParameter("fingerprint", request.fingerprint())
                .setParameter("status", (short) response.status())
                .setParameter("location", response.location(), String.class)
                .setParameter("contentType", response.contentType(), String.class)
                .setParameter("body", response.body())
                .setParameter("now", now)
                .setParameter("expiresAt", request.expiresAt())
                .executeUpdate();
        if (stored != 1) {
            throw new IllegalStateException("Idempotency-Key " + key.value() + " of " + clientId
                    + " is remembered already, although this transaction holds it");
        }
    }

    long deleteExpired(Instant now) {
        return session.createNativeMutationQuery("delete from idempotency_key where expires_at <= :now")
                .setParameter("now", now)
                .executeUpdate();
    }
}
