package fr.inclusion93.funding.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.funding.rest.SeedLoadReport.Refusal;
import fr.inclusion93.writes.audit.AuditLog;
import fr.inclusion93.writes.audit.CurrentActor;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * What a seed states beside the ledger: its stated totals with their parts, and the entries a rule refused. Each is
 * written once per key (a second load adds no row and no audit record), audited in the same transaction.
 */
@ApplicationScoped
class SeedStore {

    private final AuditLog audit;
    private final CurrentActor actor;
    private final ObjectMapper mapper;

    SeedStore(AuditLog audit, CurrentActor actor, ObjectMapper mapper) {
        this.audit = audit;
        this.actor = actor;
        this.mapper = mapper;
    }

    /** Stores the stated total and its parts unless its key is there; true when it was stored now. */
    @Transactional
    boolean storeStatedTotal(String seed, int position, ReleaseSeed.StatedTotal total, Map<String, Long> publishedAmounts) {
        EntityManager em = Panache.getEntityManager();
        int inserted = em.createNativeQuery("""
                INSERT INTO seed_stated_total (key, seed, position, wording, qualifier, value_cents, kind, claims,
                                               parts_identified, parts_basis, source, loaded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                ON CONFLICT (key) DO NOTHING""")
                .setParameter(1, total.key()).setParameter(2, seed).setParameter(3, position)
                .setParameter(4, total.wording()).setParameter(5, total.qualifier()).setParameter(6, total.valueCents())
                .setParameter(7, total.kind()).setParameter(8, total.claims()).setParameter(9, total.parts() != null)
                .setParameter(10, total.partsBasis()).setParameter(11, total.source()).setParameter(12, now())
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        List<String> parts = total.parts() == null ? List.of() : total.parts();
        for (int i = 0; i < parts.size(); i++) {
            em.createNativeQuery("""
                    INSERT INTO seed_stated_total_part (stated_total_key, position, line_key, published_amount_cents)
                    VALUES (?1, ?2, ?3, ?4)""")
                    .setParameter(1, total.key()).setParameter(2, i).setParameter(3, parts.get(i))
                    .setParameter(4, publishedAmounts.get(parts.get(i))).executeUpdate();
        }
        audit.record("StatedTotalRecorded", "stated-total", total.key(), null, total);
        return true;
    }

    /** Keeps a refusal once per entry of a seed (the first answer); a later identical refusal changes nothing. */
    @Transactional
    void storeRefusal(String seed, Refusal refusal) {
        int inserted = Panache.getEntityManager().createNativeQuery("""
                INSERT INTO seed_refusal (seed, entity_kind, key, requested_cents, problem_status, problem_type,
                                          problem_title, problem_detail, problem_errors, refused_at, refused_by)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS JSONB), ?10, ?11)
                ON CONFLICT (seed, entity_kind, key) DO NOTHING""")
                .setParameter(1, seed).setParameter(2, refusal.kind()).setParameter(3, refusal.key())
                .setParameter(4, refusal.requestedCents()).setParameter(5, refusal.status())
                .setParameter(6, refusal.type()).setParameter(7, refusal.title()).setParameter(8, refusal.detail())
                .setParameter(9, json(refusal.errors())).setParameter(10, now())
                .setParameter(11, actor.current().orElse(AuditLog.SYSTEM))
                .executeUpdate();
        if (inserted > 0) {
            audit.record("SeedEntryRefused", "seed-refusal", seed + "/" + refusal.kind() + "/" + refusal.key(), null, refusal);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
