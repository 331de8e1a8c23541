package fr.inclusion93.funding.service;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import java.util.List;
import java.util.UUID;

/**
 * The sums the rules and the responses need, in SQL. Inside a write, they are read after the row that guards them
 * (envelope, parent line) was locked FOR UPDATE, so no concurrent write can change them before commit.
 */
final class Figures {

    private Figures() {
    }

    /** The amounts of the envelope's top-level lines that count as committed (COMMITTED, PARTLY_PAID, PAID, CLOSED). */
    static long committedInEnvelope(UUID envelopeId) {
        return sum("select coalesce(sum(l.amountCents), 0) from FundingLine l where l.envelopeId = ?1 "
                + "and l.parentId is null and l.status in ?2", envelopeId, LineStatus.COMMITTED_STATUSES);
    }

    /** The payments on the envelope's top-level lines. */
    static long paidInEnvelope(UUID envelopeId) {
        return sum("select coalesce(sum(l.paidCents), 0) from FundingLine l where l.envelopeId = ?1 "
                + "and l.parentId is null", envelopeId);
    }

    /** The amounts of a line's sub-lines, cancelled ones excepted (drafts count: they are part of the breakdown). */
    static long subLinesOf(UUID parentId) {
        return sum("select coalesce(sum(l.amountCents), 0) from FundingLine l where l.parentId = ?1 "
                + "and l.status <> ?2", parentId, LineStatus.CANCELLED);
    }

    static List<FundingLine> subLines(UUID parentId) {
        return FundingLine.list("parentId", Sort.by("createdAt").and("id"), parentId);
    }

    private static long sum(String jpql, Object... parameters) {
        var query = Panache.getEntityManager().createQuery(jpql, Long.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getSingleResult();
    }
}
