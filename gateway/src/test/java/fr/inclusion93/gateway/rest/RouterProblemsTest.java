package fr.inclusion93.gateway.rest;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.ProblemType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unknown routes are claimed by Quarkus REST's catch-all and answered by problem-details' mappers. */
@QuarkusTest
class RouterProblemsTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/api/unknown", "/api", "/q/nope", "/api/structuresXYZ", "/api/fundingX/1"})
    void anUnknownRouteIsAProblemDetail(String path) {
        Problem problem = asAdmin().accept("application/json")
                .when().get(path)
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .extract().as(Problem.class);

        assertThat(problem).isEqualTo(notFound(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE"})
    void anUnknownRouteIsAProblemDetailWhateverTheMethod(String method) {
        Problem problem = asAdmin().when().request(method, "/nope")
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .extract().as(Problem.class);

        assertThat(problem).isEqualTo(notFound("/nope"));
    }

    @Test
    void aFailingVertxRouteIsAProblemDetailWithoutInternals() {
        Problem problem = asAdmin().accept("application/json")
                .when().get(TestOnlyRoutes.FAILING)
                .then()
                .statusCode(500)
                .contentType(Problem.MEDIA_TYPE)
                .extract().as(Problem.class);

        assertThat(problem).isEqualTo(new Problem(ProblemType.INTERNAL, "Internal error", 500,
                "The request could not be completed; the error was logged", URI.create(TestOnlyRoutes.FAILING), null));
    }

    static Problem notFound(String path) {
        return new Problem(ProblemType.NOT_FOUND, "Not Found", 404, "No resource at " + path, URI.create(path), null);
    }
}
