package fr.inclusion93.gateway.rest;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With Quarkus REST's catch-all moved out of the way, the Vert.x router's own 404 and 405 are problem details too. */
@QuarkusTest
@TestProfile(RouterFallbackTest.RestElsewhere.class)
class RouterFallbackTest {

    public static class RestElsewhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest.path", "/rest-elsewhere");
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/api/unknown", "/api/structuresXYZ"})
    void theRoutersNotFoundIsAProblemDetail(String path) {
        Problem problem = asAdmin().when().get(path)
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .extract().as(Problem.class);

        assertThat(problem).isEqualTo(RouterProblemsTest.notFound(path));
    }

    @Test
    void theRoutersMethodNotAllowedIsAProblemDetail() {
        Problem problem = asAdmin().when().post(TestOnlyRoutes.GET_ONLY)
                .then()
                .statusCode(405)
                .contentType(Problem.MEDIA_TYPE)
                .extract().as(Problem.class);

        assertThat(problem).isEqualTo(new Problem(URI.create("about:blank"), "Method Not Allowed", 405,
                "POST is not allowed on " + TestOnlyRoutes.GET_ONLY, URI.create(TestOnlyRoutes.GET_ONLY), null));
    }
}
