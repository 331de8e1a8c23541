package fr.inclusion93.funding.report;

import fr.inclusion93.funding.rest.BreakdownLine;
import fr.inclusion93.funding.rest.BreakdownLinesPage;
import fr.inclusion93.funding.rest.BreakdownReport;
import fr.inclusion93.funding.rest.BreakdownRow;
import fr.inclusion93.funding.service.Money;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Committed, paid, remaining and forecast money by programme, envelope, year, beneficiary or territory, computed by
 * PostgreSQL from the allocation each write keeps ({@link Allocations#sums}: no money counted twice), and the lines
 * behind each group (from the ledger itself).
 */
@ApplicationScoped
public class Breakdown {

    /** Version of the columns of the JSON rows and the CSV; raise it when a column changes meaning or place. */
    public static final int VERSION = 1;
    public static final String PATH = "/api/funding/reports/breakdown";

    private final TerritoryRollup territories;

    Breakdown(TerritoryRollup territories) {
        this.territories = territories;
    }

    /** Mutable sums of a group while rows are merged into it. */
    private static final class Sums {
        long committed;
        long paid;
        long forecast;
        long lines;
        Long ceiling;
        boolean ceilingUnstated;
        boolean hasEnvelope;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BreakdownReport report(BreakdownDimension by, Allocations.Scope scope) {
        Map<String, Sums> groups = new LinkedHashMap<>();
        List<Object> parameters = new ArrayList<>();
        String sql = Allocations.sums(placeKey(by), scope, parameters);
        for (Object[] row : rows(sql, parameters)) {
            String key = by.territorial() ? territories.rollUp((String) row[0], by) : (String) row[0];
            Sums sums = groups.computeIfAbsent(key, k -> new Sums());
            sums.committed += number(row[1]);
            sums.paid += number(row[2]);
            sums.forecast += number(row[3]);
            sums.lines += number(row[4]);
        }
        if (by.hasCeilings()) {
            addCeilings(by, scope, groups);
        }
        Map<String, String> labels = labels(by, groups.keySet());
        List<BreakdownRow> rows = groups.entrySet().stream()
                .map(group -> row(group.getKey(), labels.getOrDefault(group.getKey(), group.getKey()), group.getValue(),
                        linesLink(by, group.getKey(), scope)))
                .sorted(by == BreakdownDimension.YEAR ? Comparator.comparing(BreakdownRow::key)
                        : Comparator.comparing(BreakdownRow::label).thenComparing(BreakdownRow::key))
                .toList();
        return new BreakdownReport(VERSION, by.name().toLowerCase(Locale.ROOT), rows, totals(groups, scope));
    }

    /** The lines behind one group, in line id order: the sums of a group's pages are its figures. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BreakdownLinesPage lines(BreakdownDimension by, String key, Allocations.Scope scope, BreakdownCursor after,
            int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(Allocations.with(scope, parameters)).append("""
                SELECT line_id, parent_id, is_line, year, committed, paid, forecast FROM allocation WHERE\s""");
        if (by.territorial()) {
            StringJoiner in = new StringJoiner(", ", "territory IN (", ")");
            for (String territory : territories.within(key, by)) {
                parameters.add(territory);
                in.add("?" + parameters.size());
            }
            sql.append(in);
        } else {
            parameters.add(key);
            sql.append(groupKey(by)).append(" = ?").append(parameters.size());
        }
        if (after != null) {
            parameters.add(after.lineId());
            parameters.add(after.rank());
            parameters.add(after.year());
            int n = parameters.size();
            sql.append(" AND (line_id, 1 - is_line, coalesce(year, 0)) > (?%d, ?%d, ?%d)".formatted(n - 2, n - 1, n));
        }
        parameters.add(limit + 1);
        sql.append(" ORDER BY line_id, 1 - is_line, coalesce(year, 0) LIMIT ?").append(parameters.size());
        List<BreakdownLine> items = new ArrayList<>();
        for (Object[] row : rows(sql.toString(), parameters)) {
            UUID lineId = (UUID) row[0];
            boolean isLine = number(row[2]) == 1;
            String kind = !isLine ? "FORECAST" : row[1] != null ? "SUB_LINE" : "LINE";
            items.add(new BreakdownLine(lineId, (UUID) row[1], kind, row[3] == null ? null : ((Number) row[3]).intValue(),
                    number(row[4]), number(row[5]), number(row[6]), "/api/funding/lines/" + lineId,
                    "/api/funding/lines/" + lineId + "/payments"));
        }
        String next = null;
        if (items.size() > limit) {
            items.remove(limit);
            BreakdownLine last = items.get(limit - 1);
            next = linesLink(by, key, scope) + "&limit=" + limit + "&cursor="
                    + new BreakdownCursor(last.lineId(), "FORECAST".equals(last.kind()) ? 1 : 0,
                            last.year() == null ? 0 : last.year()).encode();
        }
        return new BreakdownLinesPage(items, next);
    }

    private static String placeKey(BreakdownDimension by) {
        return switch (by) {
            case PROGRAMME -> "CAST(e.programme_id AS text)";
            case ENVELOPE -> "CAST(t.envelope_id AS text)";
            case YEAR -> "coalesce(CAST(t.year AS text), 'none')";
            case BENEFICIARY -> "coalesce(CAST(t.beneficiary_id AS text), 'none')";
            case COMMUNE, EPT, DEPARTEMENT -> "t.territory";
        };
    }

    private static String groupKey(BreakdownDimension by) {
        return switch (by) {
            case PROGRAMME -> "CAST(programme_id AS text)";
            case ENVELOPE -> "CAST(envelope_id AS text)";
            case YEAR -> "coalesce(CAST(year AS text), 'none')";
            case BENEFICIARY -> "coalesce(CAST(beneficiary_id AS text), 'none')";
            case COMMUNE, EPT, DEPARTEMENT -> "territory";
        };
    }

    private static void addCeilings(BreakdownDimension by, Allocations.Scope scope, Map<String, Sums> groups) {
        String key = switch (by) {
            case PROGRAMME -> "CAST(e.programme_id AS text)";
            case ENVELOPE -> "CAST(e.id AS text)";
            default -> "coalesce(CAST(e.year AS text), 'none')";
        };
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT " + key + ", sum(e.ceiling_cents), bool_or(e.ceiling_cents IS NULL) FROM envelope e WHERE "
                + scope.envelopeWhere(parameters) + " GROUP BY 1";
        for (Object[] row : rows(sql, parameters)) {
            Sums sums = groups.computeIfAbsent((String) row[0], k -> new Sums());
            sums.hasEnvelope = true;
            sums.ceilingUnstated = (Boolean) row[2];
            sums.ceiling = row[1] == null ? null : number(row[1]);
        }
    }

    private BreakdownRow totals(Map<String, Sums> groups, Allocations.Scope scope) {
        Sums total = new Sums();
        groups.values().forEach(s -> {
            total.committed += s.committed;
            total.paid += s.paid;
            total.forecast += s.forecast;
            total.lines += s.lines;
        });
        List<Object> parameters = new ArrayList<>();
        Object[] ceiling = rows("SELECT sum(e.ceiling_cents), bool_or(e.ceiling_cents IS NULL), count(*) FROM envelope e WHERE "
                + scope.envelopeWhere(parameters), parameters).get(0);
        total.hasEnvelope = number(ceiling[2]) > 0;
        total.ceilingUnstated = Boolean.TRUE.equals(ceiling[1]);
        total.ceiling = ceiling[0] == null ? null : number(ceiling[0]);
        return row("total", "Total", total, null);
    }

    private static BreakdownRow row(String key, String label, Sums sums, String lines) {
        Long ceiling = sums.hasEnvelope && !sums.ceilingUnstated ? sums.ceiling : null;
        Long remaining = ceiling == null ? null : ceiling - sums.committed;
        return new BreakdownRow(key, label, ceiling, Money.euros(ceiling), sums.committed, Money.euros(sums.committed),
                sums.paid, Money.euros(sums.paid), remaining, Money.euros(remaining), sums.forecast,
                Money.euros(sums.forecast), sums.lines, lines);
    }

    private Map<String, String> labels(BreakdownDimension by, Set<String> keys) {
        Map<String, String> labels = new HashMap<>();
        labels.put("none", by == BreakdownDimension.YEAR ? "Year not stated" : "Beneficiary not stated");
        switch (by) {
            case PROGRAMME -> named("SELECT CAST(id AS text), name FROM programme", labels);
            case ENVELOPE -> named("""
                    SELECT CAST(e.id AS text), coalesce(e.key, p.name || coalesce(' ' || e.year, '') || ' — '
                           || e.territory_level || ' ' || e.territory_code)
                    FROM envelope e JOIN programme p ON p.id = e.programme_id""", labels);
            case BENEFICIARY -> named("SELECT CAST(id AS text), name FROM beneficiary", labels);
            case YEAR -> keys.forEach(k -> labels.putIfAbsent(k, k));
            default -> keys.forEach(k -> labels.put(k, territories.label(k)));
        }
        return labels;
    }

    private static void named(String sql, Map<String, String> labels) {
        rows(sql, List.of()).forEach(row -> labels.put((String) row[0], (String) row[1]));
    }

    static String linesLink(BreakdownDimension by, String key, Allocations.Scope scope) {
        StringBuilder link = new StringBuilder(PATH).append("/lines?by=").append(by.name().toLowerCase(Locale.ROOT))
                .append("&key=").append(URLEncoder.encode(key, StandardCharsets.UTF_8));
        if (scope.programmeId() != null) {
            link.append("&programmeId=").append(scope.programmeId());
        }
        if (scope.envelopeId() != null) {
            link.append("&envelopeId=").append(scope.envelopeId());
        }
        if (scope.year() != null) {
            link.append("&year=").append(scope.year());
        }
        return link.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(String sql, List<Object> parameters) {
        Query query = Panache.getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<?> result = query.getResultList();
        return result.stream().map(row -> row instanceof Object[] array ? array : new Object[] {row}).toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
