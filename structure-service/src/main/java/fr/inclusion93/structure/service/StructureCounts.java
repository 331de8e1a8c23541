package fr.inclusion93.structure.service;

import fr.inclusion93.security.reference.TerritoryLabels;
import fr.inclusion93.structure.rest.StructureTerritoryReport;
import fr.inclusion93.structure.rest.StructureTerritoryRow;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** How many structures each territory has: active, closed, active in a QPV (the dashboards' territory overview). */
@ApplicationScoped
public class StructureCounts {

    public static final int VERSION = 1;

    public enum By { EPT, COMMUNE }

    private static final String SUMS = "count(*) FILTER (WHERE status = 'ACTIVE'), count(*) FILTER (WHERE status = 'CLOSED'), "
            + "count(*) FILTER (WHERE status = 'ACTIVE' AND qpv)";

    private final TerritoryLabels labels;

    StructureCounts(TerritoryLabels labels) {
        this.labels = labels;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StructureTerritoryReport report(By by) {
        String key = by == By.EPT ? "coalesce(ept_siren, 'none')" : "commune_insee";
        List<StructureTerritoryRow> rows = new ArrayList<>();
        for (Object[] row : rows("SELECT " + key + ", " + SUMS + " FROM structure GROUP BY 1")) {
            String territory = (String) row[0];
            rows.add(row(territory, by == By.EPT ? labels.ept(territory) : labels.commune(territory), row));
        }
        rows.sort(Comparator.comparing(StructureTerritoryRow::label).thenComparing(StructureTerritoryRow::key));
        Object[] total = rows("SELECT 'total', " + SUMS + " FROM structure").get(0);
        return new StructureTerritoryReport(VERSION, by.name().toLowerCase(Locale.ROOT), rows, row("total", "Total", total));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(String sql) {
        return Panache.getEntityManager().createNativeQuery(sql).getResultList();
    }

    private static StructureTerritoryRow row(String key, String label, Object[] sums) {
        return new StructureTerritoryRow(key, label, ((Number) sums[1]).longValue(), ((Number) sums[2]).longValue(),
                ((Number) sums[3]).longValue());
    }
}
