package fr.inclusion93.structure.service;

import fr.inclusion93.structure.mapping.StructureMapper;
import fr.inclusion93.structure.rest.StructureChangesPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * "Everything that changed since my cursor", for other administrations' systems that keep a copy of the registry.
 * <p>
 * Each row carries {@code change_xid}, the id of the transaction that last wrote it (a trigger sets it, V4__search.sql).
 * Reading in (change_xid, id) order is not enough on its own: transaction ids are handed out when transactions
 * start, but transactions commit in any order. Had a reader gone past xid 105 while xid 104 was still running, it
 * would never see 104's change once 104 committed. So a page only ever holds rows whose xid is below the horizon:
 * the {@code xmin} of a snapshot taken before the page is read, the oldest transaction then still running. Every
 * transaction below it has ended, and every later one gets a larger xid, so the rows below the horizon are final:
 * a row can only leave them (written again, with a larger xid: the reader gets it again later, as it now is). Hence
 * no change is skipped, and a row comes back only when it changed again. When a page is not full, the reader has
 * everything below the horizon and its cursor moves up to it, so the next poll starts there.
 * <p>
 * The price: a transaction left open anywhere in the PostgreSQL cluster holds the horizon back, and readers wait for
 * it (they do not miss anything). Readers get each structure's current state, not each intermediate one: two changes
 * between two polls arrive as one.
 */
@ApplicationScoped
public class StructureSync {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    private final EntityManager entityManager;
    private final StructureMapper mapper;

    StructureSync(EntityManager entityManager, StructureMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    public StructureChangesPage since(SyncCursor after, int limit) {
        long horizon = horizon(); // first: a later snapshot sees every transaction below it as ended
        NativeQuery<?> query = entityManager.createNativeQuery("""
                SELECT s.*, CAST(s.change_xid AS text) AS change_xid_text FROM structure s
                WHERE s.change_xid < CAST(:horizon AS xid8)
                  AND (s.change_xid, s.id) > (CAST(:afterXid AS xid8), CAST(:afterId AS uuid))
                ORDER BY s.change_xid, s.id
                LIMIT :limit""").unwrap(NativeQuery.class)
                .addEntity("s", Structure.class)
                .addScalar("change_xid_text", StandardBasicTypes.STRING)
                .setReadOnly(true)
                .setParameter("horizon", Long.toString(horizon))
                .setParameter("afterXid", Long.toString(after.xid()))
                .setParameter("afterId", after.id().toString())
                .setParameter("limit", limit + 1); // one more than asked: whether the page is full
        List<Object[]> rows = new ArrayList<>(query.getResultList().stream().map(Object[].class::cast).toList());

        SyncCursor next;
        if (rows.size() > limit) {
            rows.remove(limit);
            Object[] last = rows.get(rows.size() - 1);
            next = new SyncCursor(Long.parseLong((String) last[1]), ((Structure) last[0]).id);
        } else {
            SyncCursor horizonCursor = SyncCursor.horizon(horizon);
            next = horizonCursor.compareTo(after) > 0 ? horizonCursor : after; // never back
        }
        return new StructureChangesPage(rows.stream().map(row -> mapper.toResponse((Structure) row[0])).toList(),
                next.encode());
    }

    private long horizon() {
        Object xmin = entityManager.createNativeQuery("SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text)")
                .getSingleResult();
        return Long.parseLong((String) xmin);
    }
}
