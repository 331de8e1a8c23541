package fr.inclusion93.funding.rest;

import static fr.inclusion93.funding.rest.TestFunding.LA_COURNEUVE;
import static fr.inclusion93.funding.rest.TestFunding.committedLine;
import static fr.inclusion93.funding.rest.TestFunding.created;
import static fr.inclusion93.funding.rest.TestFunding.envelope;
import static fr.inclusion93.funding.rest.TestFunding.get;
import static fr.inclusion93.funding.rest.TestFunding.line;
import static fr.inclusion93.funding.rest.TestFunding.post;
import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static fr.inclusion93.security.testing.TestTokens.partnerOf;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PATCH /api/funding/lines/{id}: corrections of what a line says, never of its money or its place. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class LineCorrectionTest {

    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    @Test
    @SuppressWarnings("unchecked")
    void aPatchChangesWhatItNamesNullRemovesAndTheTrailKeepsBeforeAndAfter() {
        Map<String, Object> body = line(envelope(null), 100_000L, "COMMITTED");
        body.put("decisionReference", "ARR-2020-1");
        body.put("outputs", List.of(Map.of("unit", "ordinateurs", "target", 1500)));
        String id = created("/api/funding/lines", body);

        Map<String, Object> patch = new HashMap<>();
        patch.put("conventionDate", "2020-12-01");
        patch.put("conventionReference", "CONV-2020-93-042");
        patch.put("decisionReference", null);
        patch.put("outputs", List.of(Map.of("unit", "élèves", "target", 3500, "targetQualifier", "UP_TO")));
        Map<String, Object> corrected = patch(id, patch).then().statusCode(200).extract().as(Map.class);

        assertThat(corrected.get("conventionDate")).isEqualTo("2020-12-01");
        assertThat(corrected.get("conventionReference")).isEqualTo("CONV-2020-93-042");
        assertThat(corrected.get("decisionReference")).isNull();
        assertThat(corrected.get("object")).isEqualTo(TestFunding.OBJECT);
        assertThat((List<Map<String, Object>>) corrected.get("outputs")).singleElement()
                .satisfies(o -> assertThat(o).containsEntry("unit", "élèves").containsEntry("target", 3500));
        assertThat(corrected.get("status")).isEqualTo("COMMITTED");
        assertThat(get("/api/funding/lines/" + id)).isEqualTo(corrected);

        List<Map<String, Object>> trail = asAdmin().get("/api/funding/lines/" + id + "/history")
                .then().statusCode(200).extract().path("items");
        assertThat(trail).extracting(e -> e.get("action")).containsExactly("FundingLineCreated", "FundingLineCorrected");
        assertThat(((Map<String, Object>) trail.get(1).get("before")).get("decisionReference")).isEqualTo("ARR-2020-1");
    }

    @Test
    void aPatchThatChangesNothingRecordsNothing() {
        String id = committedLine(envelope(null), 100_000);
        Map<String, Object> before = get("/api/funding/lines/" + id);

        patch(id, Map.of("object", TestFunding.OBJECT)).then().statusCode(200);

        assertThat(get("/api/funding/lines/" + id)).isEqualTo(before);
        asAdmin().get("/api/funding/lines/" + id + "/history").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.is(1));
    }

    @Test
    void moneyAndPlaceAreNotCorrectedAndABadPatchChangesNothing() {
        String id = committedLine(envelope(null), 100_000);
        Map<String, Object> before = get("/api/funding/lines/" + id);

        assertFields(patch(id, Map.of("amountCents", 200_000, "status", "DRAFT")), "amountCents", "status");
        assertFields(patch(id, Map.of("envelopeId", envelope(null), "year", 2021, "key", "autre-cle")),
                "envelopeId", "year", "key");
        assertFields(patch(id, Map.of("territory", Map.of("level", "COMMUNE", "code", LA_COURNEUVE))), "territory");
        Map<String, Object> blankObject = new HashMap<>();
        blankObject.put("object", null);
        assertFields(patch(id, blankObject), "object");
        assertFields(patch(id, Map.of("nature", "CHEQUE", "cofinancingShareBasisPoints", 10_001)),
                "nature", "cofinancingShareBasisPoints");
        assertFields(patch(id, Map.of("beneficiaryId", UUID.randomUUID().toString())), "beneficiaryId");
        assertFields(patch(id, Map.of("forecasts", List.of(Map.of("year", 2019, "amountCents", 100)))), "forecasts[0].year");
        assertFields(patch(id, Map.of("conventionDate", "01/12/2020")), "conventionDate");
        asAdmin().contentType(MERGE_PATCH).body("[1, 2]").patch("/api/funding/lines/" + id)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);

        assertThat(get("/api/funding/lines/" + id)).isEqualTo(before);
    }

    @Test
    void aCancelledLineIs409AnUnknownOne404AStrangerPartner403() {
        String draft = created("/api/funding/lines", line(envelope(null), 100_000L, "DRAFT"));
        post("/api/funding/lines/" + draft + "/cancel", null).then().statusCode(200);
        patch(draft, Map.of("object", "Autre objet")).then().statusCode(409).contentType(Problem.MEDIA_TYPE);

        patch(UUID.randomUUID().toString(), Map.of("object", "Autre objet")).then().statusCode(404);

        String inLaCourneuve = committedLine(envelope(null, Map.of("level", "COMMUNE", "code", LA_COURNEUVE)), 100_000);
        as(partnerOf(TestTokens.EST_ENSEMBLE)).contentType(MERGE_PATCH).body(Map.of("object", "Autre objet"))
                .patch("/api/funding/lines/" + inLaCourneuve).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        as(partnerOf(TestTokens.PLAINE_COMMUNE)).contentType(MERGE_PATCH).body(Map.of("object", "Autre objet"))
                .patch("/api/funding/lines/" + inLaCourneuve).then().statusCode(200);
    }

    private static Response patch(String id, Map<String, Object> patch) {
        return asAdmin().contentType(MERGE_PATCH).body(patch).patch("/api/funding/lines/" + id);
    }

    private static void assertFields(Response response, String... fields) {
        Problem problem = response.then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactlyInAnyOrder(fields);
    }
}
