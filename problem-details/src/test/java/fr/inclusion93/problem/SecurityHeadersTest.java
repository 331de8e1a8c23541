package fr.inclusion93.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.problem.testing.SharedHttpDefaults;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared security headers (META-INF/microprofile-config.properties) as every service sends them. */
@QuarkusTest
class SecurityHeadersTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/test-only", "/api/unknown", "/q/openapi"})
    void everyResponseCarriesTheSecurityHeadersOnce(String path) {
        Response response = given().when().get(path);

        SharedHttpDefaults.SECURITY_HEADERS.forEach((name, value) ->
                assertThat(response.headers().getValues(name)).as(name).containsExactly(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/test-only", "/api/unknown"})
    void apiResponsesAreNotToBeStored(String path) {
        Response response = given().when().get(path);

        assertThat(response.headers().getValues("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void aResourcesOwnCacheControlWins() {
        Response response = given().when().get("/api/test-only/cached");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().getValues("Cache-Control")).containsExactly(TestOnlyResource.CACHED);
    }

    @Test
    void responsesOutsideTheApiGetNoDefaultCacheControl() {
        Response response = given().when().get("/q/openapi");

        assertThat(response.headers().getValues("Cache-Control")).doesNotContain("no-store");
    }
}
