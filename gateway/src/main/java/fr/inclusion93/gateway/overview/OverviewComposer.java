package fr.inclusion93.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Puts the services' reports side by side, one row per territory: structure-service's structures per territory,
 * conseiller-service's deployment and activity reports, funding-service's breakdown. A report that is missing (null)
 * leaves its part null everywhere.
 */
final class OverviewComposer {

    static final int VERSION = 1;

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Row total = new Row("total");

    /** The row being built for one territory: its label from the first report that names it. */
    private static final class Row {
        final String key;
        String label;
        TerritoryOverview.Structures structures;
        TerritoryOverview.Posts posts;
        TerritoryOverview.Funding funding;
        TerritoryOverview.Activity activity;

        Row(String key) {
            this.key = key;
        }

        TerritoryOverview.Row build() {
            return new TerritoryOverview.Row(key, label == null ? key : label, structures, posts, funding, activity);
        }
    }

    /** {@code null} for a report that is missing. */
    static TerritoryOverview compose(String by, UUID agreementId, int year, JsonNode structures, JsonNode deployment,
            JsonNode funding, JsonNode activity, List<TerritoryOverview.MissingPart> missing) {
        OverviewComposer composer = new OverviewComposer();
        if (structures != null) {
            composer.add(structures.path("rows"), structures.path("total"), (row, r) -> row.structures =
                    new TerritoryOverview.Structures(r.path("active").asLong(), r.path("closed").asLong(),
                            r.path("activeInQpv").asLong()));
        }
        if (deployment != null) {
            composer.add(deployment.path("rows"), deployment.path("total"), (row, r) -> row.posts = new TerritoryOverview.Posts(
                    r.path("quota").isNumber() ? r.path("quota").asInt() : null, r.path("open").asLong(),
                    r.path("vacant").asLong(), r.path("recruiting").asLong(), r.path("occupied").asLong(),
                    r.path("ended").asLong(), r.path("returned").asLong()));
        }
        if (activity != null) {
            composer.add(activity.path("rows"), activity.path("total"), (row, r) -> row.activity =
                    new TerritoryOverview.Activity(r.path("ateliers").asLong(), r.path("permanences").asLong(),
                            r.path("miniFormations").asLong(), r.path("hours").asText(), r.path("peopleHelped").asLong()));
        }
        if (funding != null) {
            composer.add(funding.path("rows"), funding.path("totals"), (row, r) -> row.funding = new TerritoryOverview.Funding(
                    r.path("committedCents").asLong(), r.path("committed").asText(), r.path("paidCents").asLong(),
                    r.path("paid").asText()));
        }
        List<TerritoryOverview.Row> built = new ArrayList<>(composer.rows.values().stream().map(Row::build).toList());
        built.sort(Comparator.comparing(TerritoryOverview.Row::label).thenComparing(TerritoryOverview.Row::key));
        return new TerritoryOverview(VERSION, by, agreementId, year, missing.isEmpty(), List.copyOf(missing), built,
                composer.total.build());
    }

    @FunctionalInterface
    private interface Part {
        void fill(Row row, JsonNode reportRow);
    }

    private void add(JsonNode reportRows, JsonNode reportTotal, Part part) {
        for (JsonNode reportRow : reportRows) {
            String key = territory(reportRow.path("key").asText());
            Row row = rows.computeIfAbsent(key, Row::new);
            if (row.label == null) {
                row.label = reportRow.path("label").asText(null);
            }
            part.fill(row, reportRow);
        }
        if (!reportTotal.isMissingNode()) {
            total.label = "Total";
            part.fill(total, reportTotal);
        }
    }

    /** funding-service keys its territories by level ("EPT:200057867", "COMMUNE:93027"); the others by code alone. */
    private static String territory(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(colon + 1);
    }
}
