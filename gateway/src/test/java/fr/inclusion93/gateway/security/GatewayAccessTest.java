package fr.inclusion93.gateway.security;

import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import fr.inclusion93.gateway.proxy.EchoUpstreams;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.local.LocalTokens;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway refuses before forwarding: the echo upstream's header proves whether a request went through. */
@QuarkusTest
@WithTestResource(EchoUpstreams.class)
class GatewayAccessTest {

    @Inject
    JWTParser parser;

    @Test
    void withoutATokenNothingIsForwarded() {
        RestAssured.given().get("/api/structures/42")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .header(EchoUpstreams.NAME_HEADER, (String) null)
                .body("type", equalTo("https://inclusion93.fr/problems/unauthenticated"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        LocalTokens stranger = LocalTokens.inDirectory(Files.createTempDirectory("stranger-keys"));
        as(stranger.mint("intruder", Roles.ADMIN, null, Duration.ofMinutes(5))).get("/api/structures/42")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", containsString("invalid_token"))
                .header(EchoUpstreams.NAME_HEADER, (String) null);
    }

    @Test
    void expiredWrongAudienceAndWrongIssuerTokensAreRefused() {
        Map<String, Object> expired = LocalTokens.standardClaims("c", Roles.ADMIN, null, Duration.ofMinutes(5));
        expired.put("exp", 1_600_000_000L);
        expired.put("nbf", 1_500_000_000L);
        Map<String, Object> otherAudience = LocalTokens.standardClaims("c", Roles.ADMIN, null, Duration.ofMinutes(5));
        otherAudience.put("aud", "another-api");
        Map<String, Object> otherIssuer = LocalTokens.standardClaims("c", Roles.ADMIN, null, Duration.ofMinutes(5));
        otherIssuer.put("iss", "https://elsewhere.example");
        for (Map<String, Object> claims : new Map[] {expired, otherAudience, otherIssuer}) {
            as(TestTokens.keys().mint(claims)).get("/api/structures/42")
                    .then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                    .header(EchoUpstreams.NAME_HEADER, (String) null);
        }
    }

    /**
     * Tokens are verified once and kept (api-security's VerifiedTokens), but never past their expiry: this one, past
     * its exp but within the minute of tolerated clock skew, goes through, and no longer once the skew is spent.
     */
    @Test
    void aTokenOnceAcceptedIsRefusedOnceItExpires() {
        assertThat(parser.getClass().getName()).as("the parser in use").contains("VerifiedTokens");
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = LocalTokens.standardClaims("c", Roles.ADMIN, null, Duration.ofMinutes(5));
        claims.put("iat", now - 120);
        claims.put("nbf", now - 120);
        claims.put("exp", now - 57); // 60 s of skew: 3 s left
        String token = TestTokens.keys().mint(claims);
        as(token).get("/api/structures/42").then().statusCode(200).header(EchoUpstreams.NAME_HEADER, "structures");
        as(token).get("/api/structures/43").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> as(token).get("/api/structures/42").statusCode() == 401);
        as(token).get("/api/structures/42").then().statusCode(401).header(EchoUpstreams.NAME_HEADER, (String) null);
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.AUDITOR, Roles.DASHBOARD, Roles.MONITORING})
    void rolesThatDoNotWriteCannotWriteThroughTheGateway(String role) {
        as(token(role)).contentType(ContentType.JSON).body("{}").post("/api/structures")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .header(EchoUpstreams.NAME_HEADER, (String) null)
                .body("detail", containsString("POST /api/structures"));
    }

    @Test
    void readersAreForwardedWithTheirToken() {
        as(token(Roles.DASHBOARD)).get("/api/structures/42")
                .then().statusCode(200).header(EchoUpstreams.NAME_HEADER, "structures")
                .body("headers.authorization", containsString("Bearer "));
    }

    @Test
    void monitoringReadsMetricsButNotTheApi() {
        as(token(Roles.MONITORING)).get("/q/metrics").then().statusCode(200);
        as(token(Roles.MONITORING)).get("/api/structures/42").then().statusCode(403);
        RestAssured.given().get("/q/metrics").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }
}
