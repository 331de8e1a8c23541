package fr.inclusion93.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The gateway's territory overview: the three services side by side, and degraded, not failed, with one down. */
@ExtendWith(RunningSystem.class)
class TerritoryOverviewIT {

    private static final String OVERVIEW = "/api/overview/territories";
    private static final String GRAND_PARIS_GRAND_EST = "200058790";
    private static final String ADMIN = "Bearer " + RunningSystem.token("admin");
    private static final String DASHBOARD = "Bearer " + RunningSystem.token("dashboard");

    private String agreement;
    private String structure;
    private final String since = java.time.Instant.now().minusSeconds(1).toString();

    @BeforeEach
    void anAgreementAndAStructure() {
        RestAssured.baseURI = RunningSystem.GATEWAY;
        RestAssured.port = RunningSystem.PORT_BASE;
        agreement = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Convention overview", "signedOn", "2021-01-15", "departementCode", "93",
                        "totalPosts", 80, "stateFundedMonths", 24, "signatories", List.of(Map.of("name", "État", "kind", "STATE")),
                        "quotas", List.of(Map.of("level", "EPT", "code", GRAND_PARIS_GRAND_EST, "posts", 12))))
                .post("/api/conseillers/agreements").then().statusCode(201).extract().path("id");
        structure = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Maison France Services de Clichy-sous-Bois", "siret", Sirets.random(),
                        "legalKind", "PUBLIC_COLLECTIVITY", "type", "RFS", "address", "1 place du 11 Novembre 1918",
                        "postalCode", "93390", "communeInsee", "93014"))
                .post("/api/structures").then().statusCode(201).extract().path("id");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachServicesFiguresSideBySideThenThePartOfAStoppedServiceIsNamedAsMissing() {
        Map<String, Object> overview = overview();
        assertThat(overview).containsEntry("complete", true).containsEntry("missing", List.of());
        Map<String, Object> total = (Map<String, Object>) overview.get("total");
        Map<String, Object> breakdown = given().header("Authorization", DASHBOARD).queryParam("by", "ept")
                .queryParam("year", 2020).get("/api/funding/reports/breakdown").then().statusCode(200).extract().as(Map.class);
        assertThat(((Map<String, Object>) total.get("funding")).get("committedCents"))
                .as("funding-service's own total").isEqualTo(((Map<String, Object>) breakdown.get("totals")).get("committedCents"));
        assertThat((Map<String, Object>) total.get("posts")).containsEntry("quota", 80).containsEntry("open", 0);
        assertThat(total.get("activity")).isNotNull();
        Map<String, Object> ept = row(overview, GRAND_PARIS_GRAND_EST);
        assertThat(ept).containsEntry("label", "Grand Paris Grand Est");
        assertThat(((Number) ((Map<String, Object>) ept.get("structures")).get("active")).longValue()).isPositive();
        assertThat((Map<String, Object>) ept.get("posts")).containsEntry("quota", 12);

        RunningSystem.crash(Service.FUNDING);
        try {
            Map<String, Object> degraded = overview();
            assertThat(degraded).containsEntry("complete", false);
            assertThat((List<Map<String, Object>>) degraded.get("missing")).singleElement().satisfies(missing -> assertThat(missing)
                    .containsEntry("part", "funding").containsEntry("service", "funding-service").containsEntry("status", null)
                    .containsEntry("reason", "funding-service is unreachable"));
            assertThat((List<Map<String, Object>>) degraded.get("rows")).allSatisfy(row -> assertThat(row.get("funding")).isNull());
            assertThat(((Map<String, Object>) degraded.get("total")).get("structures")).isEqualTo(total.get("structures"));
            assertThat(row(degraded, GRAND_PARIS_GRAND_EST).get("posts")).isEqualTo(ept.get("posts"));

            Map<String, Object> audit = given().header("Authorization", "Bearer " + RunningSystem.token("auditor"))
                    .queryParam("from", since).queryParam("limit", 500).get("/api/audit/history").then().statusCode(200)
                    .extract().as(Map.class);
            assertThat(audit).containsEntry("complete", false);
            assertThat((List<Map<String, Object>>) audit.get("missing")).extracting(m -> m.get("part"))
                    .containsExactly("funding-lines");
            assertThat((List<Map<String, Object>>) audit.get("parts")).extracting(p -> p.get("part"))
                    .containsExactly("structures", "posts");
            assertThat(((List<Map<String, Object>>) ((List<Map<String, Object>>) audit.get("parts")).get(0).get("items")))
                    .extracting(item -> item.get("recordId")).contains(structure);
            io.restassured.response.Response csv = given().header("Authorization", "Bearer " + RunningSystem.token("auditor"))
                    .queryParam("from", since).get("/api/audit/history.csv");
            csv.then().statusCode(200).contentType("text/csv").header("Audit-Missing-Parts", "funding-lines");
            assertThat(csv.asString()).startsWith("part,service,recordedAt,recordType,recordId,action,")
                    .contains("structures,structure-service,").contains("," + structure + ",");
        } finally {
            RunningSystem.startStopped();
        }
    }

    @Test
    void badParametersAreNamedAndAnonymousCallersRefused() {
        List<String> fields = given().header("Authorization", DASHBOARD).queryParam("by", "region").queryParam("year", "1900")
                .get(OVERVIEW).then().statusCode(400).contentType("application/problem+json").extract().jsonPath()
                .getList("errors.field", String.class);
        assertThat(fields).containsExactlyInAnyOrder("agreementId", "by", "year");
        given().queryParam("agreementId", agreement).get(OVERVIEW).then().statusCode(401);
    }

    private Map<String, Object> overview() {
        return given().header("Authorization", DASHBOARD).queryParam("agreementId", agreement).queryParam("by", "ept")
                .queryParam("year", 2020).get(OVERVIEW).then().statusCode(200).extract().as(Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> overview, String key) {
        return ((List<Map<String, Object>>) overview.get("rows")).stream().filter(r -> key.equals(r.get("key")))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + key + " in " + overview));
    }
}
