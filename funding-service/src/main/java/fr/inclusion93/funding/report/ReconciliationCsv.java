package fr.inclusion93.funding.report;

import fr.inclusion93.funding.rest.ReconciliationRow;
import fr.inclusion93.writes.tables.CsvTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The reconciliation report as CSV (RFC 4180, UTF-8, comma, header row), columns of {@link Reconciliation#VERSION}.
 * Lists inside a cell are separated by {@code |}; an empty cell is a null.
 */
public final class ReconciliationCsv {

    /** The columns, in order: documented in the endpoint's description and funding-service/README.md. */
    public static final List<String> COLUMNS = List.of("key", "kind", "qualifier", "wording", "stated_cents",
            "stated_euros", "parts", "part_line_ids", "published_parts_cents", "loaded_parts_cents",
            "parts_without_amount", "refused_parts", "difference_cents", "difference_euros", "loaded_difference_cents",
            "verdict");


    private ReconciliationCsv() {
    }

    public static String write(List<ReconciliationRow> rows) {
        return CsvTable.write(COLUMNS, rows.stream().map(ReconciliationCsv::cells).toList());
    }

    private static Map<String, String> cells(ReconciliationRow row) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("key", row.key());
        cells.put("kind", row.kind());
        cells.put("qualifier", row.qualifier());
        cells.put("wording", row.wording());
        cells.put("stated_cents", text(row.statedCents()));
        cells.put("stated_euros", row.statedEuros());
        cells.put("parts", joined(row.parts()));
        cells.put("part_line_ids", row.parts() == null ? null : row.partFigures().stream()
                .map(p -> p.lineId() == null ? "" : p.lineId().toString()).collect(Collectors.joining("|")));
        cells.put("published_parts_cents", text(row.publishedPartsCents()));
        cells.put("loaded_parts_cents", text(row.loadedPartsCents()));
        cells.put("parts_without_amount", joined(row.partsWithoutAmount()));
        cells.put("refused_parts", joined(row.refusedParts()));
        cells.put("difference_cents", text(row.differenceCents()));
        cells.put("difference_euros", row.differenceEuros());
        cells.put("loaded_difference_cents", text(row.loadedDifferenceCents()));
        cells.put("verdict", row.verdict().name());
        cells.replaceAll((column, value) -> Objects.requireNonNullElse(value, ""));
        return cells;
    }

    private static String joined(List<String> values) {
        return values == null ? null : String.join("|", values);
    }

    private static String text(Long value) {
        return value == null ? null : value.toString();
    }
}
