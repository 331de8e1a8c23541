package fr.inclusion93.funding.report;

import fr.inclusion93.funding.rest.ExecutionReport;
import fr.inclusion93.funding.rest.ExecutionRow;
import fr.inclusion93.writes.tables.CsvTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The execution report as CSV, columns of {@link Execution#VERSION}: one row per line and period. */
public final class ExecutionCsv {

    /** The columns, in order: documented in the endpoint's description and funding-service/README.md. */
    public static final List<String> COLUMNS = List.of("period", "period_start", "line_id", "parent_id", "committed_cents",
            "committed_euros", "paid_cents", "paid_euros", "cumulative_committed_cents", "cumulative_paid_cents", "line",
            "payments");

    private ExecutionCsv() {
    }

    public static String write(ExecutionReport report) {
        return CsvTable.write(COLUMNS, report.rows().stream().map(ExecutionCsv::cells).toList());
    }

    private static Map<String, String> cells(ExecutionRow row) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("period", row.period());
        cells.put("period_start", row.periodStart().toString());
        cells.put("line_id", row.lineId().toString());
        cells.put("parent_id", row.parentId() == null ? null : row.parentId().toString());
        cells.put("committed_cents", Long.toString(row.committedCents()));
        cells.put("committed_euros", row.committed());
        cells.put("paid_cents", Long.toString(row.paidCents()));
        cells.put("paid_euros", row.paid());
        cells.put("cumulative_committed_cents", Long.toString(row.cumulativeCommittedCents()));
        cells.put("cumulative_paid_cents", Long.toString(row.cumulativePaidCents()));
        cells.put("line", row.line());
        cells.put("payments", row.payments());
        cells.replaceAll((column, value) -> Objects.requireNonNullElse(value, ""));
        return cells;
    }
}
