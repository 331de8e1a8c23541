package fr.inclusion93.writes.changes;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.QueryParameterChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * "Everything that changed since my cursor", for other administrations' systems that keep a copy of a table.
 * <p>
 * Each row of the table carries {@code change_xid}, the id of the transaction that last wrote it (a trigger sets it,
 * see structure-service's V4__search.sql). Reading in (change_xid, id) order is not enough on its own: transaction ids
 * are handed out when transactions start, but transactions commit in any order. Had a reader gone past xid 105 while
 * xid 104 was still running, it would never see 104's change once 104 committed. So a page only ever holds rows whose
 * xid is below the horizon: the {@code xmin} of a snapshot taken before the page is read, the oldest transaction then
 * still running. Every transaction below it has ended, and every later one gets a larger xid, so the rows below the
 * horizon are final: a row can only leave them (written again, with a larger xid: the reader gets it again later, as
 * it now is). Hence no change is skipped, and a row comes back only when it changed again. When a page is not full,
 * the reader has everything below the horizon and its cursor moves up to it, so the next poll starts there.
 * <p>
 * The price: a transaction left open anywhere in the PostgreSQL cluster holds the horizon back, and readers wait for
 * it (they do not miss anything). Readers get each row's current state, not each intermediate one: two changes
 * between two polls arrive as one.
 */
@ApplicationScoped
public class ChangeFeed {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    private final EntityManager entityManager;

    ChangeFeed(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** What a GET of a feed asks for; every bad parameter, and any the feed does not know, is named in a 400. */
    public record Request(ChangeCursor after, int limit) {

        public static Request of(MultivaluedMap<String, String> given, String cursor, String limit) {
            List<Problem.FieldError> errors = new ArrayList<>();
            QueryParameterChecks.onlyKnownOnce(given, List.of("cursor", "limit"), errors);
            int pageSize = QueryParameterChecks.limit(limit, DEFAULT_LIMIT, MAX_LIMIT, errors);
            ChangeCursor after = ChangeCursor.fromParameter(cursor, errors);
            QueryParameterChecks.throwIfAny(errors);
            return new Request(after, pageSize);
        }
    }

    /** A page of changed rows, oldest change first, and the cursor to read on from. */
    public record Page<E>(List<E> items, ChangeCursor next) {
    }

    /**
     * The rows of {@code table} (mapped to {@code entity}, with a {@code change_xid} column and a UUID {@code id})
     * changed after the cursor: at most {@code limit}.
     */
    public <E> Page<E> since(String table, Class<E> entity, Function<E, UUID> idOf, ChangeCursor after, int limit) {
        long horizon = horizon(); // first: a later snapshot sees every transaction below it as ended
        NativeQuery<?> query = entityManager.createNativeQuery("""
                SELECT r.*, CAST(r.change_xid AS text) AS change_xid_text FROM %s r
                WHERE r.change_xid < CAST(:horizon AS xid8)
                  AND (r.change_xid, r.id) > (CAST(:afterXid AS xid8), CAST(:afterId AS uuid))
                ORDER BY r.change_xid, r.id
                LIMIT :limit""".formatted(table)).unwrap(NativeQuery.class)
                .addEntity("r", entity)
                .addScalar("change_xid_text", StandardBasicTypes.STRING)
                .setReadOnly(true)
                .setParameter("horizon", Long.toString(horizon))
                .setParameter("afterXid", Long.toString(after.xid()))
                .setParameter("afterId", after.id().toString())
                .setParameter("limit", limit + 1); // one more than asked: whether the page is full
        List<Object[]> rows = new ArrayList<>(query.getResultList().stream().map(Object[].class::cast).toList());

        ChangeCursor next;
        if (rows.size() > limit) {
            rows.remove(limit);
            Object[] last = rows.get(rows.size() - 1);
            next = new ChangeCursor(Long.parseLong((String) last[1]), idOf.apply(entity.cast(last[0])));
        } else {
            ChangeCursor horizonCursor = ChangeCursor.horizon(horizon);
            next = horizonCursor.compareTo(after) > 0 ? horizonCursor : after; // never back
        }
        return new Page<>(rows.stream().map(row -> entity.cast(row[0])).toList(), next);
    }

    private long horizon() {
        Object xmin = entityManager.createNativeQuery("SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text)")
                .getSingleResult();
        return Long.parseLong((String) xmin);
    }
}
