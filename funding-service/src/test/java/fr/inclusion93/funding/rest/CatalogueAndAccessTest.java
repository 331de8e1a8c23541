package fr.inclusion93.funding.rest;

import static fr.inclusion93.funding.rest.TestFunding.committedLine;
import static fr.inclusion93.funding.rest.TestFunding.created;
import static fr.inclusion93.funding.rest.TestFunding.envelope;
import static fr.inclusion93.funding.rest.TestFunding.fields;
import static fr.inclusion93.funding.rest.TestFunding.get;
import static fr.inclusion93.funding.rest.TestFunding.line;
import static fr.inclusion93.funding.rest.TestFunding.post;
import static fr.inclusion93.funding.rest.TestFunding.programme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Funders, programmes, envelopes and outside organisations; who may write where. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class CatalogueAndAccessTest {

    private static final String VALID_SIRET = "21930027400012";

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aFunderProgrammeAndEnvelopeAreCreatedAndReadBack() {
        String key = "etat-" + UUID.randomUUID();
        String funder = created("/api/funding/funders", Map.of("key", key, "name", "État", "siret", VALID_SIRET));
        Map<String, Object> programmeBody = new HashMap<>(Map.of("name", "Conseiller numérique France Services",
                "funderId", funder, "fund", "France Relance", "amountPerPostCents", 5_000_000L, "fundedMonths", 24));
        String programme = created("/api/funding/programmes", programmeBody);
        String envelope = created("/api/funding/envelopes", Map.of("programmeId", programme,
                "territory", Map.of("level", "EPT", "code", TestTokens.PLAINE_COMMUNE)));

        assertThat(get("/api/funding/funders/" + funder)).containsEntry("key", key).containsEntry("siret", VALID_SIRET);
        assertThat(get("/api/funding/programmes/" + programme)).containsEntry("amountPerPost", "50000.00")
                .containsEntry("fundedMonths", 24).containsEntry("funderId", funder);
        assertThat(get("/api/funding/envelopes/" + envelope)).containsEntry("year", null).containsEntry("ceilingCents", null)
                .containsEntry("committed", "0.00");
        assertThat((List<?>) get("/api/funding/programmes?funderId=" + funder).get("items")).hasSize(1);
        assertThat((List<?>) get("/api/funding/envelopes?programmeId=" + programme).get("items")).hasSize(1);
        post("/api/funding/funders", Map.of("key", key, "name", "Again")).then().statusCode(409)
                .body("existing", equalTo("/api/funding/funders/" + funder));
    }

    @Test
    void badCatalogueInputIs400NamingEachField() {
        Response funder = post("/api/funding/funders", Map.of("name", " ", "siret", "21930027400013", "key", "A_B"));
        funder.then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        assertThat(fields(funder)).containsExactlyInAnyOrder("name", "siret", "key");
        post("/api/funding/programmes", Map.of("name", "P", "funderId", UUID.randomUUID().toString())).then()
                .statusCode(400).body("errors[0].field", equalTo("funderId"));
        Response envelope = post("/api/funding/envelopes", Map.of("programmeId", programme(), "year", 1999,
                "ceilingCents", -1, "territory", Map.of("level", "REGION", "code", "11")));
        envelope.then().statusCode(400);
        post("/api/funding/envelopes", Map.of("programmeId", programme(), "ceilingCents", -1,
                "territory", Map.of("level", "EPT", "code", "123456789"))).then().statusCode(400);
        post("/api/funding/envelopes", Map.of("programmeId", programme(), "year", 1999, "ceilingCents", -1,
                "territory", Map.of("level", "DEPARTEMENT", "code", "93"))).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("ceilingCents", "year"));
        TestTokens.asAdmin().get("/api/funding/funders?size=0").then().statusCode(400);
        TestTokens.asAdmin().get("/api/funding/programmes/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void outsideOrganisationsAreBeneficiariesBesideTheProjectedStructures() {
        String key = "emmaus-connect-" + UUID.randomUUID();
        String rna = "W" + String.format("%09d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L));
        String id = created("/api/funding/beneficiaries", Map.of("key", key, "name", "Emmaüs Connect", "rna", rna,
                "communeInsee", TestFunding.LA_COURNEUVE));

        Map<String, Object> shown = get("/api/funding/beneficiaries/" + id);
        assertThat(shown).containsEntry("kind", "OUTSIDE_ORGANISATION").containsEntry("rna", rna)
                .containsEntry("eptSiren", TestTokens.PLAINE_COMMUNE).containsEntry("status", "ACTIVE")
                .containsEntry("projectedAt", null);
        post("/api/funding/beneficiaries", Map.of("name", "Emmaüs Connect bis", "rna", rna)).then().statusCode(409)
                .body("type", equalTo("https://inclusion93.fr/problems/duplicate-identifier"))
                .body("existing", equalTo("/api/funding/beneficiaries/" + id));
        Response bad = post("/api/funding/beneficiaries", Map.of("name", "", "siret", "123", "rna", "X1",
                "communeInsee", "9"));
        assertThat(fields(bad)).containsExactlyInAnyOrder("name", "siret", "rna", "communeInsee");
        post("/api/funding/beneficiaries", Map.of("name", "Ailleurs", "communeInsee", "75056")).then().statusCode(400);

        Map<String, Object> body = line(envelope(null), 1_000L, "COMMITTED");
        body.put("beneficiaryId", id);
        body.remove("beneficiaryDescription");
        assertThat(get("/api/funding/lines/" + created("/api/funding/lines", body))).containsEntry("beneficiaryId", id);
        List<Map<String, Object>> outside = (List<Map<String, Object>>)
                get("/api/funding/beneficiaries?kind=OUTSIDE_ORGANISATION&size=200").get("items");
        assertThat(outside).allMatch(b -> "OUTSIDE_ORGANISATION".equals(b.get("kind")));
    }

    @Test
    void aPartnerWritesOnlyInsideItsTerritory() {
        String plaineCommune = TestTokens.partnerOf(TestTokens.PLAINE_COMMUNE);
        String estEnsemble = TestTokens.partnerOf(TestTokens.EST_ENSEMBLE);
        String departement = TestTokens.partnerOf(TestTokens.SEINE_SAINT_DENIS);
        String inLaCourneuve = envelope(null, Map.of("level", "COMMUNE", "code", TestFunding.LA_COURNEUVE));
        String wholeDepartement = envelope(null);

        as(plaineCommune).body(line(inLaCourneuve, 100L, "COMMITTED")).post("/api/funding/lines").then().statusCode(201);
        as(estEnsemble).body(line(inLaCourneuve, 100L, "COMMITTED")).post("/api/funding/lines").then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://inclusion93.fr/problems/outside-territory"));
        as(plaineCommune).body(line(wholeDepartement, 100L, "DRAFT")).post("/api/funding/lines").then().statusCode(403);
        as(departement).body(line(wholeDepartement, 100L, "DRAFT")).post("/api/funding/lines").then().statusCode(201);
        String line = committedLine(inLaCourneuve, 1_000L);
        as(estEnsemble).body(Map.of("amountCents", 100, "paidOn", "2021-02-01", "reference", "M-1"))
                .post("/api/funding/lines/" + line + "/payments").then().statusCode(403);
        as(departement).body(Map.of("amountCents", 100, "paidOn", "2021-02-01", "reference", "M-1"))
                .post("/api/funding/lines/" + line + "/payments").then().statusCode(201);
        as(plaineCommune).body(Map.of("name", "Funder")).post("/api/funding/funders").then().statusCode(403);
        assertThat(get("/api/funding/lines/" + line).get("paidCents")).isEqualTo(100);
    }

    /** Outside its territory a partner learns nothing about what exists: the territory is checked first. */
    @Test
    void aPartnerOutsideTheTerritoryIsRefusedBeforeTheReferencesAreChecked() {
        String estEnsemble = TestTokens.partnerOf(TestTokens.EST_ENSEMBLE);
        Map<String, String> laCourneuve = Map.of("level", "COMMUNE", "code", TestFunding.LA_COURNEUVE);
        UUID unknown = UUID.randomUUID();

        as(estEnsemble).body(Map.of("programmeId", unknown, "territory", laCourneuve)).post("/api/funding/envelopes")
                .then().statusCode(403).body("type", equalTo("https://inclusion93.fr/problems/outside-territory"));
        as(estEnsemble).body(Map.of("envelopeId", unknown, "beneficiaryId", unknown, "object", "x", "territory", laCourneuve))
                .post("/api/funding/lines")
                .then().statusCode(403).body("type", equalTo("https://inclusion93.fr/problems/outside-territory"));
    }

    @Test
    void readersReadAndNeverWrite() {
        String envelope = envelope(null);
        for (String role : List.of(Roles.AUDITOR, Roles.DASHBOARD)) {
            as(TestTokens.token(role)).get("/api/funding/envelopes/" + envelope).then().statusCode(200);
            as(TestTokens.token(role)).body(line(envelope, 1L, "DRAFT")).post("/api/funding/lines").then().statusCode(403);
        }
        RestAssured.given().get("/api/funding/envelopes/" + envelope).then().statusCode(401);
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return TestTokens.as(token).contentType(ContentType.JSON);
    }
}
