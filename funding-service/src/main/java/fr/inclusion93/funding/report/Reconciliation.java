package fr.inclusion93.funding.report;

import fr.inclusion93.funding.rest.ReconciliationRow;
import fr.inclusion93.funding.rest.ReconciliationRow.Part;
import fr.inclusion93.funding.rest.ReconciliationRow.Verdict;
import fr.inclusion93.funding.service.Money;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Every stated total against the sum of its parts, from the database: the stated totals a seed loaded, and the view
 * {@code reconciliation_part} that sets each part's published figure beside the ledger's line of the same key. A
 * handful of rows per release, so they are read whole; the sums are computed here, where the verdict is.
 */
@ApplicationScoped
public class Reconciliation {

    /** Version of the columns of the JSON rows and the CSV; raise it when a column changes meaning or place. */
    public static final int VERSION = 1;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReconciliationRow> rows() {
        Map<String, List<Part>> parts = new HashMap<>();
        for (Object[] r : query("""
                SELECT stated_total_key, line_key, published_amount_cents, line_id, line_status, loaded_amount_cents,
                       refused, refusal_detail
                FROM reconciliation_part ORDER BY stated_total_key, position""")) {
            parts.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new Part((String) r[1], number(r[2]),
                    (UUID) r[3], (String) r[4], number(r[5]), (Boolean) r[6], (String) r[7]));
        }
        List<ReconciliationRow> rows = new ArrayList<>();
        for (Object[] t : query("""
                SELECT key, seed, kind, wording, qualifier, value_cents, claims, parts_identified, source
                FROM seed_stated_total ORDER BY seed, position""")) {
            rows.add(row(t, (Boolean) t[7] ? parts.getOrDefault((String) t[0], List.of()) : null));
        }
        return rows;
    }

    private static ReconciliationRow row(Object[] t, List<Part> parts) {
        String kind = (String) t[2];
        String qualifier = (String) t[4];
        long stated = number(t[5]);
        Long published = parts == null ? null : sum(parts.stream().map(Part::publishedCents).toList());
        Long loaded = parts == null ? null : sum(parts.stream().map(Part::loadedCents).toList());
        List<String> withoutAmount = parts == null ? null
                : parts.stream().filter(p -> p.publishedCents() == null).map(Part::lineKey).toList();
        List<String> refused = parts == null ? null : parts.stream().filter(Part::refused).map(Part::lineKey).toList();
        Long difference = published == null ? null : published - stated;
        Verdict verdict = verdict(kind, qualifier, stated, published, withoutAmount);
        return new ReconciliationRow((String) t[0], (String) t[1], kind, (String) t[3], qualifier, stated,
                Money.euros(stated), (String) t[6], parts == null ? null : parts.stream().map(Part::lineKey).toList(),
                parts == null ? List.of() : parts, published, Money.euros(published), loaded, Money.euros(loaded),
                withoutAmount, refused, difference, Money.euros(difference), loaded == null ? null : loaded - stated,
                verdict, (String) t[8]);
    }

    /**
     * Amounts are positive, so a missing amount can only add to the known ones: a "dont" whose known parts already
     * exceed it is a conflict, and a "plus de" they already reach is consistent, whatever is missing.
     */
    static Verdict verdict(String kind, String qualifier, long stated, Long known, List<String> withoutAmount) {
        if (known == null) {
            return Verdict.NOT_RECONCILABLE;
        }
        boolean complete = withoutAmount.isEmpty();
        if ("dont".equals(kind)) {
            return known > stated ? Verdict.CONFLICT : !complete ? Verdict.INDETERMINATE
                    : known == stated ? Verdict.EQUAL : Verdict.CONSISTENT;
        }
        if ("plus de".equals(qualifier)) {
            return known >= stated ? Verdict.CONSISTENT : complete ? Verdict.CONFLICT : Verdict.INDETERMINATE;
        }
        if (!complete) {
            return Verdict.INDETERMINATE;
        }
        if ("près de".equals(qualifier)) {
            return Verdict.APPROXIMATE;
        }
        return known == stated ? Verdict.EQUAL : Verdict.CONFLICT;
    }

    private static Long sum(List<Long> amounts) {
        return amounts.stream().filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> query(String sql) {
        return Panache.getEntityManager().createNativeQuery(sql).getResultList();
    }
}
