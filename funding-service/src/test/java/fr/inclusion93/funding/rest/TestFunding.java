package fr.inclusion93.funding.rest;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds funders, programmes, envelopes and lines over HTTP, as the admin; each test gets its own. */
final class TestFunding {

    static final String LA_COURNEUVE = "93027";   // Plaine Commune
    static final String BOBIGNY = "93008";        // Est Ensemble
    static final String OBJECT = "Équipement de 3 500 élèves d'écoles primaires";
    static final String DESCRIPTION = "entreprises d'insertion";

    private TestFunding() {
    }

    static String programme() {
        String funder = created("/api/funding/funders", Map.of("name", "État - Préfecture de la Seine-Saint-Denis"));
        return created("/api/funding/programmes", Map.of("name", "DSIL", "funderId", funder));
    }

    /** An envelope of Seine-Saint-Denis with this ceiling (null: none stated). */
    static String envelope(Long ceilingCents) {
        return envelope(ceilingCents, Map.of("level", "DEPARTEMENT", "code", "93"));
    }

    static String envelope(Long ceilingCents, Map<String, String> territory) {
        Map<String, Object> body = new HashMap<>();
        body.put("programmeId", programme());
        body.put("year", 2020);
        body.put("territory", territory);
        body.put("ceilingCents", ceilingCents);
        return created("/api/funding/envelopes", body);
    }

    static Map<String, Object> line(String envelopeId, Long amountCents, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("envelopeId", envelopeId);
        body.put("object", OBJECT);
        body.put("beneficiaryDescription", DESCRIPTION);
        body.put("amountCents", amountCents);
        body.put("status", status);
        body.put("year", 2020);
        return body;
    }

    static Map<String, Object> subLine(String parentId, Long amountCents, String status) {
        Map<String, Object> body = line(null, amountCents, status);
        body.remove("envelopeId");
        body.put("parentId", parentId);
        return body;
    }

    static String committedLine(String envelopeId, long amountCents) {
        return created("/api/funding/lines", line(envelopeId, amountCents, "COMMITTED"));
    }

    /** POSTs {@code body} as JSON; null sends no body. */
    static Response post(String path, Object body) {
        return body == null ? asAdmin().post(path) : asAdmin().contentType(ContentType.JSON).body(body).post(path);
    }

    static Response pay(String lineId, long amountCents) {
        return post("/api/funding/lines/" + lineId + "/payments",
                Map.of("amountCents", amountCents, "paidOn", "2021-02-15", "reference", "MANDAT-" + UUID.randomUUID()));
    }

    static String created(String path, Object body) {
        return post(path, body).then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> get(String path) {
        return asAdmin().get(path).then().statusCode(200).extract().as(Map.class);
    }

    static long number(Map<String, Object> body, String field) {
        return ((Number) body.get(field)).longValue();
    }

    static List<String> fields(Response problem) {
        return problem.jsonPath().getList("errors.field");
    }
}
