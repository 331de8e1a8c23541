package fr.inclusion93.funding.report;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL that sets out where committed money sits, without counting any of it twice: one row per committed sub-line
 * of a committed top-level line (its amount, its own beneficiary and territory, else its parent's), one per committed
 * top-level line (what its sub-lines leave of its amount, its payments), and one per forecast of a committed top-level
 * line (in the forecast's year). Columns: line_id, parent_id, envelope_id, programme_id, year, beneficiary_id,
 * territory (LEVEL:CODE), committed, paid, forecast, is_line (1 for a line or sub-line, 0 for a forecast).
 * The sum of committed over every row is the committed total of the envelopes in scope, and of paid their paid total:
 * the figures each envelope shows.
 */
public final class Allocations {

    private static final String COMMITTED = "('COMMITTED', 'PARTLY_PAID', 'PAID', 'CLOSED')";

    private Allocations() {
    }

    /** Filters on the top-level lines; each null means all. */
    public record Scope(UUID programmeId, UUID envelopeId, Integer year) {

        String where(List<Object> parameters) {
            StringBuilder where = new StringBuilder();
            if (programmeId != null) {
                parameters.add(programmeId);
                where.append(" AND e.programme_id = ?").append(parameters.size());
            }
            if (envelopeId != null) {
                parameters.add(envelopeId);
                where.append(" AND e.id = ?").append(parameters.size());
            }
            if (year != null) {
                parameters.add(year);
                where.append(" AND coalesce(l.year, e.year) = ?").append(parameters.size());
            }
            return where.toString();
        }

        /** The envelopes in scope, as a WHERE on {@code envelope e}. */
        String envelopeWhere(List<Object> parameters) {
            List<String> conditions = new ArrayList<>();
            conditions.add("TRUE");
            if (programmeId != null) {
                parameters.add(programmeId);
                conditions.add("e.programme_id = ?" + parameters.size());
            }
            if (envelopeId != null) {
                parameters.add(envelopeId);
                conditions.add("e.id = ?" + parameters.size());
            }
            if (year != null) {
                parameters.add(year);
                conditions.add("e.year = ?" + parameters.size());
            }
            return String.join(" AND ", conditions);
        }
    }

    /**
     * How one dimension's group key reads on a top-level line (l, its envelope e) and on a sub-line (s); a forecast
     * counts in its line's group, unless {@code ofForecast} is given (the year dimension: its own year, f).
     */
    record GroupKey(String ofLine, String ofSubLine, String ofForecast) {
    }

    /**
     * Sums per group key (columns: key, committed, paid, forecast, lines), without the per-line rows of {@link #with},
     * which the report does not need: a sub-line counts +amount in its own group and −amount in its parent's, which
     * comes to the same sums (its parent keeps what its sub-lines leave). Each kind of row is aggregated on its own
     * first, so that PostgreSQL can spread the big one over parallel workers.
     */
    static String sums(GroupKey key, Scope scope, List<Object> parameters) {
        boolean ownYear = key.ofForecast() != null;
        StringBuilder sql = new StringBuilder("SELECT k, sum(committed), sum(paid), sum(forecast), sum(lines) FROM (")
                .append("SELECT ").append(key.ofLine()).append(" AS k, sum(l.amount_cents) AS committed, ")
                .append("sum(l.paid_cents) AS paid, ").append(ownYear ? "0" : "sum(coalesce(fs.cents, 0))")
                .append(" AS forecast, count(*) AS lines FROM funding_line l JOIN envelope e ON e.id = l.envelope_id ")
                .append(ownYear ? "" : "LEFT JOIN (SELECT line_id, sum(amount_cents) AS cents FROM line_forecast "
                        + "GROUP BY line_id) fs ON fs.line_id = l.id ")
                .append("WHERE l.parent_id IS NULL AND l.status IN ").append(COMMITTED).append(scope.where(parameters))
                .append(" GROUP BY 1")
                .append(" UNION ALL SELECT x.k, sum(x.committed), 0, 0, sum(x.lines) FROM funding_line s ")
                .append("JOIN funding_line l ON l.id = s.parent_id JOIN envelope e ON e.id = l.envelope_id ")
                .append("CROSS JOIN LATERAL (VALUES (").append(key.ofSubLine()).append(", s.amount_cents, 1), (")
                .append(key.ofLine()).append(", -s.amount_cents, 0)) AS x(k, committed, lines) ")
                .append("WHERE s.parent_id IS NOT NULL AND s.status IN ").append(COMMITTED)
                .append(" AND l.parent_id IS NULL AND l.status IN ").append(COMMITTED).append(scope.where(parameters))
                .append(" GROUP BY 1");
        if (ownYear) {
            sql.append(" UNION ALL SELECT ").append(key.ofForecast()).append(", 0, 0, sum(f.amount_cents), 0 ")
                    .append("FROM line_forecast f JOIN funding_line l ON l.id = f.line_id JOIN envelope e ON e.id = l.envelope_id ")
                    .append("WHERE l.parent_id IS NULL AND l.status IN ").append(COMMITTED).append(scope.where(parameters))
                    .append(" GROUP BY 1");
        }
        return sql.append(") a GROUP BY k").toString();
    }

    /** A WITH clause defining {@code allocation}. */
    static String with(Scope scope, List<Object> parameters) {
        return """
                WITH top AS (
                    SELECT l.id, l.envelope_id, e.programme_id, coalesce(l.year, e.year) AS year, l.beneficiary_id,
                           coalesce(l.territory_level, e.territory_level) || ':' || coalesce(l.territory_code, e.territory_code)
                               AS territory,
                           l.amount_cents, l.paid_cents
                    FROM funding_line l JOIN envelope e ON e.id = l.envelope_id
                    WHERE l.parent_id IS NULL AND l.status IN %1$s %2$s
                ), sub AS (
                    SELECT s.id, s.parent_id, t.envelope_id, t.programme_id, t.year,
                           coalesce(s.beneficiary_id, t.beneficiary_id) AS beneficiary_id,
                           coalesce(s.territory_level || ':' || s.territory_code, t.territory) AS territory, s.amount_cents
                    FROM funding_line s JOIN top t ON t.id = s.parent_id
                    WHERE s.status IN %1$s
                ), allocated AS (
                    SELECT parent_id, sum(amount_cents) AS cents FROM sub GROUP BY parent_id
                ), allocation AS (
                    SELECT id AS line_id, parent_id, envelope_id, programme_id, year, beneficiary_id, territory,
                           amount_cents AS committed, 0::bigint AS paid, 0::bigint AS forecast, 1 AS is_line
                    FROM sub
                    UNION ALL
                    SELECT t.id, NULL::uuid, t.envelope_id, t.programme_id, t.year, t.beneficiary_id, t.territory,
                           t.amount_cents - coalesce(a.cents, 0), t.paid_cents, 0, 1
                    FROM top t LEFT JOIN allocated a ON a.parent_id = t.id
                    UNION ALL
                    SELECT t.id, NULL::uuid, t.envelope_id, t.programme_id, f.year, t.beneficiary_id, t.territory,
                           0, 0, f.amount_cents, 0
                    FROM line_forecast f JOIN top t ON t.id = f.line_id
                )
                """.formatted(COMMITTED, scope.where(parameters));
    }
}
