package fr.inclusion93.conseiller.rest;

import static fr.inclusion93.conseiller.rest.PostFixture.POSTS;
import static fr.inclusion93.conseiller.rest.PostFixture.agreementBody;
import static fr.inclusion93.conseiller.rest.PostFixture.assertFields;
import static fr.inclusion93.conseiller.rest.PostFixture.hostStructure;
import static fr.inclusion93.conseiller.rest.PostFixture.move;
import static fr.inclusion93.conseiller.rest.PostFixture.open;
import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static fr.inclusion93.security.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.inclusion93.events.testing.KafkaTestClient;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deployment report and the contradictions check over an agreement of its own: four posts in Saint-Denis (Plaine
 * Commune) — vacant, recruiting, occupied since 1 March 2021 on a two-year contract, returned — against a quota of
 * 4 for Plaine Commune and one of 2 for Bobigny, which has no post yet.
 */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class ReportTest {

    private static final String PLAINE_COMMUNE = "200057867";
    private static final String SAINT_DENIS = "93066";
    private static final String BOBIGNY = "93008";
    private static final String DEPLOYMENT = "/api/conseillers/reports/deployment";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaTestClient kafka;
    private String agreement;
    private String occupied;

    @BeforeEach
    void fourPosts() {
        kafka = new KafkaTestClient(bootstrapServers);
        String structure = hostStructure(kafka);
        agreement = asAdmin().contentType(ContentType.JSON).body(agreementBody(10, List.of(
                        Map.of("level", "EPT", "code", PLAINE_COMMUNE, "posts", 4),
                        Map.of("level", "COMMUNE", "code", BOBIGNY, "posts", 2))))
                .post("/api/conseillers/agreements").then().statusCode(201).extract().path("id");
        open(agreement, structure).then().statusCode(201);
        String recruiting = open(agreement, structure).then().statusCode(201).extract().path("id");
        move(recruiting, "RECRUITING").then().statusCode(200);
        occupied = open(agreement, structure).then().statusCode(201).extract().path("id");
        move(occupied, "RECRUITING").then().statusCode(200);
        String person = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Camille Martin", "email", "camille.martin@conseiller-numerique.fr"))
                .post("/api/conseillers/people").then().statusCode(201).extract().path("id");
        asAdmin().contentType(ContentType.JSON).body(Map.of("conseillerId", person, "type", "CDD", "startOn", "2021-03-01",
                "plannedEndOn", "2023-03-01", "trainingMode", "ONLINE")).post(POSTS + "/" + occupied + "/contracts")
                .then().statusCode(201);
        String returned = open(agreement, structure).then().statusCode(201).extract().path("id");
        move(returned, "RETURNED").then().statusCode(200);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void perEptPerCommuneAndInAllWithQuotasStatesAndMonthsUsed() {
        // 1 March → 15 June 2021: three months and a begun one
        Map<String, Object> byEpt = report("ept", "2021-06-15");
        assertThat(rows(byEpt)).singleElement().satisfies(row -> assertThat(row).containsEntry("key", PLAINE_COMMUNE)
                .containsEntry("label", "Plaine Commune").containsEntry("quota", 4).containsEntry("open", 3)
                .containsEntry("vacant", 1).containsEntry("recruiting", 1).containsEntry("occupied", 1)
                .containsEntry("ended", 0).containsEntry("returned", 1).containsEntry("stateFundedMonthsConsumed", 4));

        List<Map<String, Object>> byCommune = rows(report("commune", "2021-06-15"));
        assertThat(byCommune).extracting(r -> r.get("label")).containsExactly("Bobigny", "Saint-Denis");
        assertThat(byCommune.get(0)).containsEntry("quota", 2).containsEntry("open", 0);
        assertThat(byCommune.get(1)).containsEntry("quota", null).containsEntry("open", 3);

        List<Map<String, Object>> bySignatory = rows(report("signatory", "2021-06-15"));
        assertThat(bySignatory).extracting(r -> r.get("key"), r -> r.get("label"), r -> r.get("quota"), r -> r.get("open"))
                .as("the State signs for the whole agreement, Plaine Commune for its territory")
                .containsExactly(tuple("1", "État", 10, 3), tuple("2", "Plaine Commune", 4, 3));

        Map<String, Object> inAll = report("agreement", "2025-01-01"); // the contract's 24 months, no more
        assertThat(rows(inAll)).singleElement().satisfies(row -> assertThat(row).containsEntry("quota", 10)
                .containsEntry("open", 3).containsEntry("stateFundedMonthsConsumed", 24));
        assertThat((Map<String, Object>) inAll.get("total")).containsEntry("open", 3).containsEntry("returned", 1);
    }

    @Test
    void theCsvHasTheSameRowsThenTheTotals() {
        String csv = as(token(Roles.DASHBOARD)).queryParam("agreementId", agreement).queryParam("by", "ept")
                .queryParam("asOf", "2021-06-15").get(DEPLOYMENT + ".csv").then().statusCode(200)
                .header("X-Report-Version", "1").extract().asString();

        assertThat(csv.split("\r?\n")).containsExactly(
                "key,label,quota,open,vacant,recruiting,occupied,ended,returned,\"state_funded_months_consumed\"",
                PLAINE_COMMUNE + ",\"Plaine Commune\",4,3,1,1,1,0,1,4",
                "total,Total,10,3,1,1,1,0,1,4");
    }

    @Test
    void aPostStillOccupiedAfterItsContractsPlannedEndIsAContradiction() {
        List<Map<String, Object>> before = contradictions("2022-12-31");
        List<Map<String, Object>> after = contradictions("2023-03-02");

        assertThat(before).isEmpty();
        assertThat(after).singleElement().satisfies(c -> assertThat(c).containsEntry("postId", occupied)
                .containsEntry("state", "OCCUPIED").containsEntry("reason", "occupied after its contract's planned end (2023-03-01)"));
    }

    @Test
    void badParametersAreNamed() {
        assertFields(asAdmin().get(DEPLOYMENT), "agreementId");
        assertFields(asAdmin().queryParam("agreementId", "x").queryParam("by", "region").queryParam("asOf", "15/06/2021")
                .get(DEPLOYMENT), "agreementId", "by", "asOf");
        asAdmin().queryParam("agreementId", UUID.randomUUID()).get(DEPLOYMENT).then().statusCode(404);
        assertFields(asAdmin().queryParam("asOf", "tomorrow").get("/api/conseillers/reports/contradictions"), "asOf");
    }

    private Map<String, Object> report(String by, String asOf) {
        return asAdmin().queryParam("agreementId", agreement).queryParam("by", by).queryParam("asOf", asOf).get(DEPLOYMENT)
                .then().statusCode(200).extract().as(Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("rows");
    }

    private List<Map<String, Object>> contradictions(String asOf) {
        return asAdmin().queryParam("agreementId", agreement).queryParam("asOf", asOf).get("/api/conseillers/reports/contradictions")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }
}
