package fr.inclusion93.funding.report;

import fr.inclusion93.funding.rest.BreakdownReport;
import fr.inclusion93.funding.rest.BreakdownRow;
import fr.inclusion93.writes.tables.CsvTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The breakdown as CSV, columns of {@link Breakdown#VERSION}: one row per group, then the totals row (key "total"). */
public final class BreakdownCsv {

    /** The columns, in order: documented in the endpoint's description and funding-service/README.md. */
    public static final List<String> COLUMNS = List.of("key", "label", "ceiling_cents", "ceiling_euros", "committed_cents",
            "committed_euros", "paid_cents", "paid_euros", "remaining_cents", "remaining_euros", "forecast_cents",
            "forecast_euros", "line_count", "lines");

    private BreakdownCsv() {
    }

    public static String write(BreakdownReport report) {
        List<Map<String, String>> rows = new ArrayList<>(report.rows().stream().map(BreakdownCsv::cells).toList());
        rows.add(cells(report.totals()));
        return CsvTable.write(COLUMNS, rows);
    }

    private static Map<String, String> cells(BreakdownRow row) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("key", row.key());
        cells.put("label", row.label());
        cells.put("ceiling_cents", text(row.ceilingCents()));
        cells.put("ceiling_euros", row.ceiling());
        cells.put("committed_cents", Long.toString(row.committedCents()));
        cells.put("committed_euros", row.committed());
        cells.put("paid_cents", Long.toString(row.paidCents()));
        cells.put("paid_euros", row.paid());
        cells.put("remaining_cents", text(row.remainingCents()));
        cells.put("remaining_euros", row.remaining());
        cells.put("forecast_cents", Long.toString(row.forecastCents()));
        cells.put("forecast_euros", row.forecast());
        cells.put("line_count", Long.toString(row.lineCount()));
        cells.put("lines", row.lines());
        cells.replaceAll((column, value) -> Objects.requireNonNullElse(value, ""));
        return cells;
    }

    private static String text(Long value) {
        return value == null ? null : value.toString();
    }
}
