package fr.inclusion93.structure.rest;

import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static fr.inclusion93.security.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.TestTokens;
import fr.inclusion93.structure.TestSirets;
import fr.inclusion93.structure.TestStructures;
import fr.inclusion93.structure.TestWrites;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/structures/reports/territories: active, closed and QPV structures per EPT or commune. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class StructureReportTest {

    private static final String REPORT = "/api/structures/reports/territories";

    @Test
    void eachTerritoryCountsItsActiveClosedAndQpvStructures() {
        StructureTerritoryReport eptBefore = report("ept");
        StructureTerritoryReport communeBefore = report("commune");

        TestWrites.register(TestStructures.body(TestSirets.next())); // La Courneuve, in a QPV
        TestWrites.close(TestWrites.register(TestStructures.minimal(TestSirets.next())).id());
        TestWrites.register(TestStructures.association(TestStructures.nextRna())); // Bobigny, Est Ensemble

        StructureTerritoryReport ept = report("ept");
        assertThat(change(eptBefore, ept, TestTokens.PLAINE_COMMUNE)).isEqualTo(new long[] {1, 1, 1});
        assertThat(row(ept, TestTokens.PLAINE_COMMUNE).label()).isEqualTo("Plaine Commune");
        assertThat(change(eptBefore, ept, TestTokens.EST_ENSEMBLE)).isEqualTo(new long[] {1, 0, 0});
        assertThat(change(eptBefore, ept, "total")).isEqualTo(new long[] {2, 1, 1});
        StructureTerritoryReport commune = report("commune");
        assertThat(change(communeBefore, commune, TestStructures.LA_COURNEUVE)).isEqualTo(new long[] {1, 1, 1});
        assertThat(row(commune, TestStructures.LA_COURNEUVE).label()).isEqualTo("La Courneuve");
        assertThat(commune.rows().stream().mapToLong(StructureTerritoryRow::active).sum())
                .as("each structure in one commune").isEqualTo(commune.total().active());
    }

    @Test
    void badParametersAreNamedAndMonitoringIsRefused() {
        for (Map<String, String> bad : java.util.List.of(Map.of("by", "region"), Map.of("per", "ept"))) {
            Problem problem = asAdmin().queryParams(bad).get(REPORT).then().statusCode(400)
                    .contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
            assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactlyElementsOf(bad.keySet());
        }
        as(token(Roles.DASHBOARD)).get(REPORT).then().statusCode(200);
        as(token(Roles.MONITORING)).get(REPORT).then().statusCode(403);
    }

    private static StructureTerritoryReport report(String by) {
        return as(token(Roles.DASHBOARD)).queryParam("by", by).get(REPORT).then().statusCode(200)
                .extract().as(StructureTerritoryReport.class);
    }

    private static StructureTerritoryRow row(StructureTerritoryReport report, String key) {
        return "total".equals(key) ? report.total()
                : report.rows().stream().filter(r -> r.key().equals(key)).findFirst()
                        .orElse(new StructureTerritoryRow(key, key, 0, 0, 0));
    }

    /** Active, closed and active-in-QPV structures added to a territory between two reports. */
    private static long[] change(StructureTerritoryReport before, StructureTerritoryReport after, String key) {
        StructureTerritoryRow was = row(before, key);
        StructureTerritoryRow is = row(after, key);
        return new long[] {is.active() - was.active(), is.closed() - was.closed(), is.activeInQpv() - was.activeInQpv()};
    }
}
