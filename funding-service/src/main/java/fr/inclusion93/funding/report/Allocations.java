package fr.inclusion93.funding.report;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

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

        /** The top-level lines in scope, as conditions (each after AND) on {@code funding_line l} and {@code envelope e}. */
        String where(List<Object> parameters) {
            return conditions("e.id", "coalesce(l.year, e.year)", parameters).stream().map(c -> " AND " + c)
                    .collect(Collectors.joining());
        }

        /** The places in scope, as conditions (each after AND) on {@code allocation_delta t} and {@code envelope e}. */
        String placeWhere(List<Object> parameters) {
            return conditions("t.envelope_id", "t.line_year", parameters).stream().map(c -> " AND " + c)
                    .collect(Collectors.joining());
        }

        /** The envelopes in scope, as a WHERE on {@code envelope e}. */
        String envelopeWhere(List<Object> parameters) {
            List<String> conditions = new ArrayList<>(List.of("TRUE"));
            conditions.addAll(conditions("e.id", "e.year", parameters));
            return String.join(" AND ", conditions);
        }

        /** One condition per filter set, on the programme of {@code e} and on these envelope and year columns. */
        private List<String> conditions(String envelopeColumn, String yearColumn, List<Object> parameters) {
            List<String> conditions = new ArrayList<>();
            if (programmeId != null) {
                parameters.add(programmeId);
                conditions.add("e.programme_id = ?" + parameters.size());
            }
            if (envelopeId != null) {
                parameters.add(envelopeId);
                conditions.add(envelopeColumn + " = ?" + parameters.size());
            }
            if (year != null) {
                parameters.add(year);
                conditions.add(yearColumn + " = ?" + parameters.size());
            }
            return conditions;
        }
    }

    /**
     * Sums per group key (columns: key, committed, paid, forecast, lines) from the allocation each write keeps
     * (V11__allocation_totals.sql): as many rows as places money sits, not as lines. {@code key} reads on a place
     * {@code t} and its envelope {@code e}.
     */
    static String sums(String key, Scope scope, List<Object> parameters) {
        return "SELECT " + key + ", sum(t.committed_cents), sum(t.paid_cents), sum(t.forecast_cents), sum(t.lines) "
                + "FROM allocation_delta t JOIN envelope e ON e.id = t.envelope_id WHERE TRUE" + scope.placeWhere(parameters)
                + " GROUP BY 1 HAVING sum(t.entries) > 0";
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
