package fr.inclusion93.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.inclusion93.gateway.proxy.EchoUpstreams;
import fr.inclusion93.gateway.proxy.TrustedTestProxy;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quotas of 3 requests per hour, so that no window ends during a test; each test is its own client. Clients are told
 * apart by their token's client id, wherever a trusted proxy (the test itself, {@link TrustedTestProxy}) says they
 * come from.
 */
@QuarkusTest
@WithTestResource(EchoUpstreams.class)
@TestProfile(RateLimitTest.SmallQuotas.class)
class RateLimitTest {

    private static final String POLICY = "\"default\";q=3;w=3600";
    private static final String QUICK_CLIENT = "quick-batch";
    private static final String GENEROUS_CLIENT = "generous-dashboard";

    public static class SmallQuotas extends TrustedTestProxy {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.putAll(Map.of(
                    "gateway.rate-limit.requests", "3",
                    "gateway.rate-limit.window", "1h",
                    "gateway.rate-limit.clients.\"" + QUICK_CLIENT + "\".requests", "2",
                    "gateway.rate-limit.clients.\"" + QUICK_CLIENT + "\".window", "1s",
                    "gateway.rate-limit.clients.\"" + GENEROUS_CLIENT + "\".requests", "5"));
            return config;
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void everyAnswerWithinTheQuotaSaysWhatIsLeft() {
        for (int left = 2; left >= 0; left--) {
            Response response = client("198.51.100.1").get("/api/structures");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.header("RateLimit-Policy")).isEqualTo(POLICY);
            assertThat(response.header("RateLimit")).startsWith("\"default\";r=" + left + ";t=");
            assertThat(secondsLeft(response)).isBetween(3500L, 3600L);
        }
    }

    @Test
    void pastTheQuotaTheRequestIsATooManyRequestsProblemAndIsNotForwarded() {
        spendTheQuota("198.51.100.2");

        Response refused = client("198.51.100.2").contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .post("/api/structures/42");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(refused.header(EchoUpstreams.NAME_HEADER)).isNull();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(3500L, 3600L);
        assertThat(refused.header("RateLimit")).isEqualTo("\"default\";r=0;t=" + retryAfter);
        assertThat(refused.header("RateLimit-Policy")).isEqualTo(POLICY);
        assertThat(refused.as(Problem.class)).isEqualTo(new Problem(RateLimiter.QUOTA_EXCEEDED, "Too Many Requests", 429,
                "Quota of 3 requests per 3600 s used up; retry in " + retryAfter + " s", URI.create("/api/structures/42"),
                null));
    }

    @Test
    void twoClientsHaveSeparateBudgets() {
        spendTheQuota("198.51.100.3");

        Response other = client("198.51.100.4").get("/api/funding");

        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.header("RateLimit")).startsWith("\"default\";r=2;");
        assertThat(client("198.51.100.3").get("/api/funding").statusCode()).isEqualTo(429);
    }

    @Test
    void aClientIsCountedByItsTokensClientIdWhereverItComesFrom() {
        Response first = client("dashboard-a", "198.51.100.5").get("/api/structures");
        Response second = client("dashboard-a", "198.51.100.6").get("/api/structures");
        Response sameAddressOtherClient = client("dashboard-b", "198.51.100.6")
                .get("/api/structures");

        assertThat(first.header("RateLimit")).startsWith("\"default\";r=2;");
        assertThat(second.header("RateLimit")).startsWith("\"default\";r=1;");
        assertThat(sameAddressOtherClient.header("RateLimit")).startsWith("\"default\";r=2;");
    }

    @Test
    void aClientWithAQuotaOfItsOwnGetsIt() {
        Response response = client(GENEROUS_CLIENT).get("/api/conseillers");

        assertThat(response.header("RateLimit-Policy")).isEqualTo("\"client\";q=5;w=3600");
        assertThat(response.header("RateLimit")).startsWith("\"client\";r=4;");
    }

    @Test
    void theWholeQuotaComesBackWhenTheWindowEnds() {
        Response first = client(QUICK_CLIENT, "198.51.100.7").get("/api/structures");
        assertThat(first.header("RateLimit-Policy")).isEqualTo("\"client\";q=2;w=1");
        client(QUICK_CLIENT, "198.51.100.7").get("/api/structures");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response again = client(QUICK_CLIENT, "198.51.100.7").get("/api/structures");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.header("RateLimit")).isEqualTo("\"client\";r=1;t=1");
        });
    }

    private static RequestSpecification client(String clientId) {
        return client(clientId, "198.51.100.1");
    }

    /** A token of this client, through the trusted proxy saying the request comes from {@code address}. */
    private static RequestSpecification client(String clientId, String address) {
        return TestTokens.as(TestTokens.keys().mint(clientId, Roles.ADMIN, null, Duration.ofHours(1)))
                .header("X-Forwarded-For", address);
    }

    private static void spendTheQuota(String clientId) {
        for (int i = 0; i < 3; i++) {
            client(clientId).get("/api/structures").then().statusCode(200);
        }
    }

    /** The t parameter of the RateLimit field. */
    private static long secondsLeft(Response response) {
        String field = response.header("RateLimit");
        return Long.parseLong(field.substring(field.indexOf(";t=") + 3));
    }
}
