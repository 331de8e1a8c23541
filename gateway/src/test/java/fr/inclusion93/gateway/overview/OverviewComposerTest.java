package fr.inclusion93.gateway.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The composition alone (pure logic): the services' report shapes side by side, keyed by territory. */
class OverviewComposerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID AGREEMENT = UUID.fromString("6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b");

    private static final String STRUCTURES = """
            {"version": 1, "by": "ept", "rows": [
              {"key": "200057867", "label": "Plaine Commune", "active": 3, "closed": 1, "activeInQpv": 2},
              {"key": "none", "label": "Outside any EPT", "active": 1, "closed": 0, "activeInQpv": 0}],
             "total": {"key": "total", "label": "Total", "active": 4, "closed": 1, "activeInQpv": 2}}""";
    private static final String DEPLOYMENT = """
            {"version": 1, "by": "ept", "rows": [
              {"key": "200057875", "label": "Est Ensemble", "quota": 20, "open": 0, "vacant": 0, "recruiting": 0,
               "occupied": 0, "ended": 0, "returned": 0},
              {"key": "200057867", "label": "Plaine Commune", "quota": null, "open": 2, "vacant": 1, "recruiting": 0,
               "occupied": 1, "ended": 0, "returned": 0}],
             "total": {"key": "total", "label": "Total", "quota": 80, "open": 2, "vacant": 1, "recruiting": 0,
               "occupied": 1, "ended": 0, "returned": 0}}""";
    private static final String FUNDING = """
            {"version": 1, "by": "ept", "rows": [
              {"key": "EPT:200057867", "label": "Plaine Commune (EPT)", "committedCents": 40000005, "committed": "400000.05",
               "paidCents": 0, "paid": "0.00"},
              {"key": "DEPARTEMENT:93", "label": "Seine-Saint-Denis (département)", "committedCents": 100, "committed": "1.00",
               "paidCents": 100, "paid": "1.00"}],
             "totals": {"key": "total", "label": "Total", "committedCents": 40000105, "committed": "400001.05",
               "paidCents": 100, "paid": "1.00"}}""";

    @Test
    void eachTerritoryGetsEveryServicesFiguresUnderOneKey() throws Exception {
        TerritoryOverview overview = OverviewComposer.compose("ept", AGREEMENT, 2021, json(STRUCTURES), json(DEPLOYMENT),
                json(FUNDING), null, List.of());

        assertThat(overview.complete()).isTrue();
        assertThat(overview.rows()).extracting(TerritoryOverview.Row::key)
                .containsExactly("200057875", "none", "200057867", "93"); // by label: Est…, Outside…, Plaine…, Seine…
        TerritoryOverview.Row plaineCommune = overview.rows().get(2);
        assertThat(plaineCommune.label()).as("a report's own label, funding's last").isEqualTo("Plaine Commune");
        assertThat(plaineCommune.structures()).isEqualTo(new TerritoryOverview.Structures(3, 1, 2));
        assertThat(plaineCommune.posts()).isEqualTo(new TerritoryOverview.Posts(null, 2, 1, 0, 1, 0, 0));
        assertThat(plaineCommune.funding()).isEqualTo(new TerritoryOverview.Funding(40000005, "400000.05", 0, "0.00"));
        assertThat(overview.rows().get(0).structures()).as("no structure there: no row of structure-service").isNull();
        assertThat(overview.rows().get(3).label()).isEqualTo("Seine-Saint-Denis (département)");
        assertThat(overview.total().funding().committedCents()).isEqualTo(40000105);
        assertThat(overview.total().posts().quota()).isEqualTo(80);
    }

    @Test
    void aMissingReportLeavesItsPartNullEverywhereAndIsNamed() throws Exception {
        TerritoryOverview.MissingPart down = new TerritoryOverview.MissingPart("funding", "funding-service", null,
                "funding-service is unreachable");

        TerritoryOverview overview = OverviewComposer.compose("ept", AGREEMENT, 2021, json(STRUCTURES), json(DEPLOYMENT),
                null, null, List.of(down));

        assertThat(overview.complete()).isFalse();
        assertThat(overview.missing()).containsExactly(down);
        assertThat(overview.rows()).allSatisfy(row -> assertThat(row.funding()).isNull())
                .extracting(TerritoryOverview.Row::key).containsExactly("200057875", "none", "200057867");
        assertThat(overview.total().funding()).isNull();
        assertThat(overview.total().structures().active()).isEqualTo(4);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
