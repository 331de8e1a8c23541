package fr.inclusion93.gateway.security;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.gateway.proxy.EchoUpstreams;
import fr.inclusion93.problem.testing.SharedHttpDefaults;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** problem-details' shared security headers, at the gateway: on its own answers and, once each, on the services'. */
@QuarkusTest
@WithTestResource(EchoUpstreams.class)
class SecurityHeadersTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/structures", "/api/unknown", "/nope", "/q/openapi", "/q/health"})
    void everyAnswerCarriesEachSecurityHeaderOnce(String path) {
        Response response = asAdmin().when().get(path);

        SharedHttpDefaults.SECURITY_HEADERS.forEach((name, value) ->
                assertThat(response.headers().getValues(name)).as(name).containsExactly(value));
    }

    @Test
    void aHeaderTheServiceSendsReplacesTheGatewaysOwn() {
        Response response = asAdmin().header(EchoUpstreams.HEADER_HEADER, "X-Frame-Options: SAMEORIGIN")
                .when().get("/api/structures");

        assertThat(response.headers().getValues("X-Frame-Options")).containsExactly("SAMEORIGIN");
    }

    @Test
    void apiAnswersAreNotToBeStoredUnlessTheServiceSaysOtherwise() {
        Response plain = asAdmin().when().get("/api/conseillers");
        Response cacheable = asAdmin().header(EchoUpstreams.HEADER_HEADER, "Cache-Control: max-age=60")
                .when().get("/api/conseillers");

        assertThat(plain.headers().getValues("Cache-Control")).containsExactly("no-store");
        assertThat(cacheable.headers().getValues("Cache-Control")).containsExactly("max-age=60");
    }

    /** Swagger UI's page runs inline scripts and styles of its own; nothing else may. */
    @Test
    void swaggerUiMayRunItsOwnScriptsAndNothingElseMayBeFramed() {
        Response page = asAdmin().when().get("/q/swagger-ui/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).isEqualTo("default-src 'self'; script-src 'self' "
                + "'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }
}
