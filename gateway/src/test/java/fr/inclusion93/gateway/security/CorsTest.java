package fr.inclusion93.gateway.security;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.gateway.proxy.EchoUpstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One dashboard origin allowed, as DASHBOARD_ORIGINS sets it. */
@QuarkusTest
@WithTestResource(EchoUpstreams.class)
@TestProfile(CorsTest.OneDashboard.class)
class CorsTest {

    private static final String DASHBOARD = "https://tableau.inclusion93.example";
    private static final String OTHER_SITE = "https://evil.example";

    public static class OneDashboard implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.origins", DASHBOARD);
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theDashboardMayReadTheAnswerAndItsRateLimit() {
        Response response = asAdmin().header("Origin", DASHBOARD).when().get("/api/structures");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
        assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("false");
        assertThat(response.header("Access-Control-Expose-Headers"))
                .isEqualTo("Location,Retry-After,RateLimit,RateLimit-Policy,WWW-Authenticate,X-Request-Id,Idempotent-Replayed,Audit-Missing-Parts");
    }

    @Test
    void theDashboardsPreflightIsAnswered() {
        Response response = asAdmin().header("Origin", DASHBOARD)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .when().options("/api/structures");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
        assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(response.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(response.header(EchoUpstreams.NAME_HEADER)).isNull();
    }

    @Test
    void anotherOriginGetsNoCorsHeadersAndIsNotForwarded() {
        Response response = asAdmin().header("Origin", OTHER_SITE).when().get("/api/structures");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.header(EchoUpstreams.NAME_HEADER)).isNull();
    }

    /** Quarkus still lists the methods, but without Access-Control-Allow-Origin the browser sends nothing. */
    @Test
    void anotherOriginsPreflightIsRefused() {
        Response response = asAdmin().header("Origin", OTHER_SITE)
                .header("Access-Control-Request-Method", "DELETE")
                .when().options("/api/structures/42");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }
}
