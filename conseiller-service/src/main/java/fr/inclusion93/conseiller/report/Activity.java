package fr.inclusion93.conseiller.report;

import fr.inclusion93.security.reference.TerritoryLabels;
import fr.inclusion93.writes.tables.CsvTable;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The activity report: ateliers, permanences, mini-formations, hours and people helped, per group, over months. */
@ApplicationScoped
public class Activity {

    public static final int VERSION = 1;
    public static final List<String> COLUMNS = List.of("key", "label", "ateliers", "permanences", "mini_formations",
            "minutes", "hours", "people_helped");

    public enum By { THEME, MONTH, KIND, EPT, COMMUNE }

    /** Summed from the sums each month's entry keeps (activity_total, V6); theme '' counts each activity once. */
    private static final String SUMS = """
            coalesce(sum(a.activities) FILTER (WHERE a.kind = 'ATELIER'), 0),
            coalesce(sum(a.activities) FILTER (WHERE a.kind = 'PERMANENCE'), 0),
            coalesce(sum(a.activities) FILTER (WHERE a.kind = 'MINI_FORMATION'), 0), coalesce(sum(a.minutes), 0),
            coalesce(sum(a.people_helped), 0)""";

    private final TerritoryLabels labels;

    Activity(TerritoryLabels labels) {
        this.labels = labels;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ActivityReport report(UUID agreementId, By by, YearMonth from, YearMonth to) {
        String key = switch (by) {
            case THEME -> "a.theme";
            case MONTH -> "to_char(a.month, 'YYYY-MM')";
            case KIND -> "a.kind";
            case EPT -> "CASE a.ept_siren WHEN '' THEN 'none' ELSE a.ept_siren END";
            case COMMUNE -> "a.commune_insee";
        };
        String where = " WHERE a.month BETWEEN ?1 AND ?2" + (agreementId == null ? "" : " AND a.agreement_id = ?3");
        String rowsSql = "SELECT " + key + ", " + SUMS + " FROM activity_total a" + where
                + (by == By.THEME ? " AND a.theme <> ''" : " AND a.theme = ''") + " GROUP BY 1 HAVING sum(a.activities) > 0";
        List<ActivityRow> rows = new ArrayList<>();
        for (Object[] row : rows(rowsSql, agreementId, from, to)) {
            rows.add(row((String) row[0], label(by, (String) row[0]), row));
        }
        rows.sort(by == By.MONTH ? Comparator.comparing(ActivityRow::key)
                : Comparator.comparing(ActivityRow::label).thenComparing(ActivityRow::key));
        Object[] total = rows("SELECT 'total', " + SUMS + " FROM activity_total a" + where + " AND a.theme = ''",
                agreementId, from, to).get(0);
        return new ActivityReport(VERSION, agreementId, by.name().toLowerCase(Locale.ROOT), from.toString(), to.toString(),
                rows, row("total", "Total", total));
    }

    public String csv(ActivityReport report) {
        List<Map<String, String>> lines = new ArrayList<>();
        report.rows().forEach(row -> lines.add(line(row)));
        lines.add(line(report.total()));
        return CsvTable.write(COLUMNS, lines);
    }

    private static Map<String, String> line(ActivityRow row) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("key", row.key());
        line.put("label", row.label());
        line.put("ateliers", Long.toString(row.ateliers()));
        line.put("permanences", Long.toString(row.permanences()));
        line.put("mini_formations", Long.toString(row.miniFormations()));
        line.put("minutes", Long.toString(row.minutes()));
        line.put("hours", row.hours());
        line.put("people_helped", Long.toString(row.peopleHelped()));
        return line;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(String sql, UUID agreementId, YearMonth from, YearMonth to) {
        Query query = Panache.getEntityManager().createNativeQuery(sql).setParameter(1, from.atDay(1))
                .setParameter(2, to.atDay(1));
        if (agreementId != null) {
            query.setParameter(3, agreementId);
        }
        return query.getResultList();
    }

    private static ActivityRow row(String key, String label, Object[] sums) {
        long minutes = ((Number) sums[4]).longValue();
        return new ActivityRow(key, label, ((Number) sums[1]).longValue(), ((Number) sums[2]).longValue(),
                ((Number) sums[3]).longValue(), minutes,
                BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP).toPlainString(),
                ((Number) sums[5]).longValue());
    }

    private String label(By by, String key) {
        return switch (by) {
            case EPT -> labels.ept(key);
            case COMMUNE -> labels.commune(key);
            default -> key;
        };
    }
}
