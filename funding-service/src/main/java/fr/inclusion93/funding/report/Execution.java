package fr.inclusion93.funding.report;

import fr.inclusion93.funding.rest.ExecutionReport;
import fr.inclusion93.funding.rest.ExecutionRow;
import fr.inclusion93.funding.service.Money;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Committed against paid per period, per line and sub-line: a line counts its amount in the period of its commitment
 * date ({@code committed_on}: its decision date when stated, else the day it was committed), each payment (credit notes
 * negative) in the period of its day. Cumulative figures run from the line's first entry, also before {@code from}.
 */
@ApplicationScoped
public class Execution {

    /** Version of the columns of the JSON rows and the CSV; raise it when a column changes meaning or place. */
    public static final int VERSION = 1;

    public enum Period { MONTH, QUARTER, YEAR }

    private static final String COMMITTED = "('COMMITTED', 'PARTLY_PAID', 'PAID', 'CLOSED')";

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExecutionReport report(Period period, LocalDate from, LocalDate to, UUID envelopeId, UUID lineId) {
        String unit = period.name().toLowerCase(Locale.ROOT);
        String lines = "l.status IN " + COMMITTED + (envelopeId != null ? " AND l.envelope_id = :envelope" : "")
                + (lineId != null ? " AND (l.id = :line OR l.parent_id = :line)" : "");
        Query query = Panache.getEntityManager().createNativeQuery("""
                WITH entry AS (
                    SELECT l.id AS line_id, l.parent_id, l.committed_on AS day, l.amount_cents AS committed, 0 AS paid
                    FROM funding_line l WHERE %1$s AND l.committed_on < :to
                    UNION ALL
                    SELECT l.id, l.parent_id, p.paid_on, 0, p.amount_cents
                    FROM payment p JOIN funding_line l ON l.id = p.line_id WHERE %1$s AND p.paid_on < :to
                ), per_period AS (
                    SELECT line_id, parent_id, CAST(date_trunc('%2$s', day) AS date) AS period,
                           sum(committed) AS committed, sum(paid) AS paid
                    FROM entry GROUP BY 1, 2, 3
                )
                SELECT line_id, parent_id, period, committed, paid,
                       sum(committed) OVER (PARTITION BY line_id ORDER BY period),
                       sum(paid) OVER (PARTITION BY line_id ORDER BY period)
                FROM per_period ORDER BY period, parent_id NULLS FIRST, line_id""".formatted(lines, unit));
        query.setParameter("to", to);
        if (envelopeId != null) {
            query.setParameter("envelope", envelopeId);
        }
        if (lineId != null) {
            query.setParameter("line", lineId);
        }
        List<ExecutionRow> rows = new ArrayList<>();
        Map<LocalDate, long[]> totals = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            LocalDate start = (LocalDate) r[2];
            if (start.isBefore(periodStart(from, period))) {
                continue; // only there for the cumulative figures
            }
            UUID line = (UUID) r[0];
            long committed = number(r[3]);
            long paid = number(r[4]);
            rows.add(new ExecutionRow(label(start, period), start, line, (UUID) r[1], committed, Money.euros(committed),
                    paid, Money.euros(paid), number(r[5]), number(r[6]), "/api/funding/lines/" + line,
                    "/api/funding/lines/" + line + "/payments"));
            if (r[1] == null) { // top-level lines: their sub-lines are inside their amount
                long[] sums = totals.computeIfAbsent(start, k -> new long[2]);
                sums[0] += committed;
                sums[1] += paid;
            }
        }
        List<ExecutionReport.PeriodTotal> periods = totals.entrySet().stream()
                .map(e -> new ExecutionReport.PeriodTotal(label(e.getKey(), period), e.getKey(), e.getValue()[0],
                        e.getValue()[1])).toList();
        return new ExecutionReport(VERSION, unit, from, to, rows, periods);
    }

    /** The first day of the period {@code from} falls in: a period that started before it is still shown whole. */
    private static LocalDate periodStart(LocalDate from, Period period) {
        return switch (period) {
            case MONTH -> from.withDayOfMonth(1);
            case QUARTER -> from.withDayOfMonth(1).withMonth((from.getMonthValue() - 1) / 3 * 3 + 1);
            case YEAR -> from.withDayOfYear(1);
        };
    }

    static String label(LocalDate start, Period period) {
        return switch (period) {
            case MONTH -> start.toString().substring(0, 7);
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(start.getYear());
        };
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
