package fr.inclusion93.gateway;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import fr.inclusion93.gateway.proxy.EchoUpstreams;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EchoUpstreams.class)
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL) // the key pair every test's tokens are signed with
class OperationsTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void healthIsUp() {
        asAdmin().when().get("/q/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void proxiedRequestsAreCountedPerRouteNotPerId() {
        asAdmin().when().get("/api/structures/0b6f3c2e").then().statusCode(200);
        asAdmin().when().get("/api/structures/7d1a44f0").then().statusCode(200);

        String metrics = asAdmin().when().get("/q/metrics")
                .then()
                .statusCode(200)
                .extract().asString();

        assertThat(metrics)
                .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/structures/*\"}")
                .doesNotContain("uri=\"/api/structures/0b6f3c2e\"");
    }
}
