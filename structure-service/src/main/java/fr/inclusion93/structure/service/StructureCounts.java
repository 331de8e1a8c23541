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
        @SuppressWarnings("unchecked")
        List<Object[]> sums = Panache.getEntityManager().createNativeQuery("SELECT " + key + ", " + SUMS
                + " FROM structure GROUP BY 1").getResultList();
        for (Object[] row : sums) {
            String territory = (String) row[0];
            rows.add(new StructureTerritoryRow(territory, by == By.EPT ? labels.ept(territory) : labels.commune(territory),
                    ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), ((Number) row[3]).longValue()));
        }
        rows.sort(Comparator.comparing(StructureTerritoryRow::label).thenComparing(StructureTerritoryRow::key));
        // each structure is in exactly one territory (its commune, its EPT or none): the totals are the rows' sums
        StructureTerritoryRow total = new StructureTerritoryRow("total", "Total",
                rows.stream().mapToLong(StructureTerritoryRow::active).sum(),
                rows.stream().mapToLong(StructureTerritoryRow::closed).sum(),
                rows.stream().mapToLong(StructureTerritoryRow::activeInQpv).sum());
        return new StructureTerritoryReport(VERSION, by.name().toLowerCase(Locale.ROOT), rows, total);
    }
}
