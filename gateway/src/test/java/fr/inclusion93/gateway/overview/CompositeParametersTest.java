package fr.inclusion93.gateway.overview;

import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.gateway.proxy.EchoUpstreams;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The composite reports refuse bad parameters before asking any service, naming each; their roles are checked. */
@QuarkusTest
@WithTestResource(EchoUpstreams.class)
class CompositeParametersTest {

    @Test
    void theOverviewNamesEachBadParameter() {
        assertBad("/api/overview/territories", Map.of("by", "region", "year", "1800", "agreementId", "42"),
                "by", "year", "agreementId");
        assertBad("/api/overview/territories", Map.of("per", "ept"), "per", "agreementId");
    }

    @Test
    void theAuditHistoryNamesEachBadParameterAndIsForAuditors() {
        assertBad("/api/audit/history", Map.of("to", "tomorrow", "limit", "501"), "from", "to", "limit");
        as(token(Roles.DASHBOARD)).queryParam("from", "2021-01-01T00:00:00Z").get("/api/audit/history")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        RestAssured.given().queryParam("from", "2021-01-01T00:00:00Z").get("/api/audit/history")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    private static void assertBad(String path, Map<String, String> parameters, String... fields) {
        Problem problem = as(token(Roles.AUDITOR)).queryParams(parameters).get(path).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.errors()).as(parameters.toString()).extracting(Problem.FieldError::field)
                .containsExactlyInAnyOrder(fields);
    }
}
