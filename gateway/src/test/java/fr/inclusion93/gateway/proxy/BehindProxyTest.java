package fr.inclusion93.gateway.proxy;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway behind a TLS-terminating proxy that it trusts: the services hear about the public origin. */
@QuarkusTest
@WithTestResource(EchoUpstreams.class)
@TestProfile(TrustedTestProxy.class)
class BehindProxyTest {

    private static final String PUBLIC_HOST = "api.inclusion93.example";
    private static final String CLIENT = "203.0.113.9";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void forwardsThePublicOriginAndTheClientChain() {
        Echo echo = asAdmin()
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", PUBLIC_HOST)
                .header("X-Forwarded-For", CLIENT)
                .when().get("/api/conseillers")
                .then().statusCode(200)
                .extract().as(Echo.class);

        assertThat(echo.headers()).containsAllEntriesOf(Map.of(
                "host", PUBLIC_HOST,
                "x-forwarded-host", PUBLIC_HOST,
                "x-forwarded-proto", "https",
                "x-forwarded-port", "443",
                "x-forwarded-for", CLIENT + ", 127.0.0.1"));
    }
}
