package fr.inclusion93.gateway.proxy;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import fr.inclusion93.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(UpstreamFailureTest.ServicesInTrouble.class)
class UpstreamFailureTest {

    public static class ServicesInTrouble implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.idle-timeout", "300ms",
                    "gateway.path-idle-timeouts.\"" + FailingUpstreams.SLOW_PATH + "\"", "5s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FailingUpstreams.class));
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anUnreachableServiceIsAServiceUnavailableProblem() {
        Problem problem = asAdmin().contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .when().post("/api/structures")
                .then()
                .statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .extract().as(Problem.class);

        assertThat(problem).isEqualTo(new Problem(UpstreamProblems.UNAVAILABLE, "Service Unavailable", 503,
                "structure-service is unreachable; try again later", URI.create("/api/structures"), null));
    }

    @Test
    void aSilentServiceIsAGatewayTimeoutProblem() {
        Problem problem = asAdmin().when().get("/api/conseillers/7")
                .then()
                .statusCode(504)
                .contentType(Problem.MEDIA_TYPE)
                .extract().as(Problem.class);

        assertThat(problem).isEqualTo(new Problem(UpstreamProblems.TIMEOUT, "Gateway Timeout", 504,
                "conseiller-service did not answer in time; the request may or may not have been applied",
                URI.create("/api/conseillers/7"), null));
    }

    @Test
    void aPathWithALongerIdleTimeOutWaitsForItsAnswer() {
        asAdmin().when().get(FailingUpstreams.SLOW_PATH + "?dry-run=true").then().statusCode(200).body(equalTo("late"));
        asAdmin().when().get(FailingUpstreams.SLOW_PATH + "/other").then().statusCode(504);
    }

    /** The problem names the service, never its host, port or the exception (those go to the log). */
    @Test
    void aFailureLeaksNeitherTheServicesAddressNorTheCause() {
        String refused = asAdmin().when().get("/api/structures/1").then().statusCode(503).extract().asString();
        String silent = asAdmin().when().get("/api/conseillers/1").then().statusCode(504).extract().asString();

        for (String body : List.of(refused, silent)) {
            assertThat(body).doesNotContain("127.0.0.1", "localhost", "Connection refused", "Exception", "timeout period");
        }
    }

    @Test
    void theGatewayStaysReadyWhileServicesAreDown() {
        asAdmin().when().get("/api/funding").then().statusCode(503);

        asAdmin().when().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }
}
