package fr.inclusion93.structure.security;

import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.partnerOf;
import static fr.inclusion93.security.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.TestTokens;
import fr.inclusion93.structure.TestSirets;
import fr.inclusion93.structure.TestStructures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may register a structure where, and what the others are told. */
@QuarkusTest
class AccessRulesTest {

    private static final String LA_COURNEUVE = "93027"; // Plaine Commune

    @Inject
    EntityManager entityManager;

    @Test
    void withoutATokenTheApiAnswers401AsAProblem() {
        RestAssured.given().get("/api/structures")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void aPartnerOfAnotherTerritoryIsRefusedWithTheTerritoryNamedAndNothingStored() {
        String siret = TestSirets.next();
        as(partnerOf(TestTokens.EST_ENSEMBLE)).contentType(ContentType.JSON).body(structure(siret))
                .post("/api/structures")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("Plaine Commune"))
                .body("type", equalTo("https://inclusion93.fr/problems/outside-territory"));
        assertThat(rowsWithSiret(siret)).isZero();
    }

    @Test
    void partnersOfTheTerritoryOrOfTheDepartementRegisterThere() {
        as(partnerOf(TestTokens.PLAINE_COMMUNE)).contentType(ContentType.JSON).body(structure(TestSirets.next()))
                .post("/api/structures").then().statusCode(201);
        as(partnerOf(TestTokens.SEINE_SAINT_DENIS)).contentType(ContentType.JSON).body(structure(TestSirets.next()))
                .post("/api/structures").then().statusCode(201);
    }

    @Test
    void auditorsAndDashboardsReadButDoNotWrite() {
        for (String role : new String[] {Roles.AUDITOR, Roles.DASHBOARD}) {
            as(token(role)).get("/api/structures").then().statusCode(200);
            as(token(role)).contentType(ContentType.JSON).body(structure(TestSirets.next()))
                    .post("/api/structures")
                    .then().statusCode(403).contentType(Problem.MEDIA_TYPE).body("status", equalTo(403));
        }
    }

    @Test
    void healthAndOpenApiAreOpenMetricsAreNot() {
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        RestAssured.given().get("/q/openapi").then().statusCode(200);
        RestAssured.given().get("/q/metrics").then().statusCode(401);
        as(token(Roles.PARTNER)).get("/q/metrics").then().statusCode(403);
        as(token(Roles.MONITORING)).get("/q/metrics").then().statusCode(200);
        as(token(Roles.MONITORING)).get("/api/structures").then().statusCode(403);
    }

    @Test
    void operatorsEndpointsAreForTheAdminOnly() {
        as(token(Roles.AUDITOR)).get("/admin/events/outbox/parked").then().statusCode(403);
        as(token(Roles.ADMIN)).get("/admin/events/outbox/parked").then().statusCode(200);
    }

    private static Map<String, Object> structure(String siret) {
        return TestStructures.body(siret);
    }

    private long rowsWithSiret(String siret) {
        return entityManager.createQuery("select count(s) from Structure s where s.siret = :siret", Long.class)
                .setParameter("siret", siret).getSingleResult();
    }
}
