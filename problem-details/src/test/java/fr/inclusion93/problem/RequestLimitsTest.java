package fr.inclusion93.problem;

import static fr.inclusion93.problem.testing.SharedHttpDefaults.MAX_BODY_BYTES;
import static fr.inclusion93.problem.testing.SharedHttpDefaults.MAX_URI_LENGTH;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.problem.testing.SharedHttpDefaults;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared limits (META-INF/microprofile-config.properties) as every service has them: 1 MiB bodies, 4096-character URIs. */
@QuarkusTest
class RequestLimitsTest {

    private static final String API = "/api/test-only";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aBodyAtTheLimitIsRead() {
        given().contentType(ContentType.BINARY).body(new byte[MAX_BODY_BYTES])
                .when().post(API)
                .then()
                .statusCode(200)
                .body(equalTo(Integer.toString(MAX_BODY_BYTES)));
    }

    @Test
    void aDeclaredBodyOverTheLimitIsAContentTooLargeProblem() throws IOException {
        String answer = SharedHttpDefaults.rawPostDeclaring(RestAssured.port, API, MAX_BODY_BYTES + 1);

        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: " + Problem.MEDIA_TYPE)
                .containsIgnoringCase("connection: close");
        Problem problem = new ObjectMapper().readValue(SharedHttpDefaults.bodyOf(answer), Problem.class);

        assertThat(problem).isEqualTo(new Problem(URI.create("about:blank"), "Content Too Large", 413,
                "The request body is larger than 1048576 bytes", URI.create(API), null));
    }

    @Test
    void aUriAtTheLimitIsServed() {
        given().when().get(uriOfLength(MAX_URI_LENGTH)).then().statusCode(200);
    }

    @Test
    void aUriOverTheLimitIsAUriTooLongProblem() {
        Problem problem = given().when().get(uriOfLength(MAX_URI_LENGTH + 1))
                .then()
                .statusCode(414)
                .contentType(Problem.MEDIA_TYPE)
                .extract().as(Problem.class);

        assertThat(problem).isEqualTo(new Problem(URI.create("about:blank"), "URI Too Long", 414,
                "The request URI is longer than 4096 characters", null, null));
    }

    /** Past Netty's request-line limit (16384) no route runs: Vert.x's own answer, without a body. */
    @Test
    void aRequestLineOverNettysLimitIsRefusedBeforeAnyRoute() {
        given().when().get(uriOfLength(17_000))
                .then()
                .statusCode(414)
                .body(emptyString());
    }

    /** Quarkus refuses a URI that java.net.URI cannot parse before any route, with an empty 400 (see the README). */
    @Test
    void aMalformedPercentEncodingIsRefusedBeforeAnyRoute() throws IOException {
        String answer = SharedHttpDefaults.rawGet(RestAssured.port, API + "/%zz");

        assertThat(answer).startsWith("HTTP/1.1 400 ").contains("content-length: 0");
    }

    private static String uriOfLength(int length) {
        String prefix = API + "?pad=";
        return prefix + "x".repeat(length - prefix.length());
    }
}
