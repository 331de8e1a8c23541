package fr.inclusion93.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import fr.inclusion93.gateway.proxy.EchoUpstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EchoUpstreams.class)
class OperationsTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void healthIsUp() {
        given().when().get("/q/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void proxiedRequestsAreCountedPerRouteNotPerId() {
        given().when().get("/api/structures/0b6f3c2e").then().statusCode(200);
        given().when().get("/api/structures/7d1a44f0").then().statusCode(200);

        String metrics = given().when().get("/q/metrics")
                .then()
                .statusCode(200)
                .extract().asString();

        assertThat(metrics)
                .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/structures/*\"}")
                .doesNotContain("uri=\"/api/structures/0b6f3c2e\"");
    }
}
