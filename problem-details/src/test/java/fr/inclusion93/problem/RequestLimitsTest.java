package fr.inclusion93.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared limits (META-INF/microprofile-config.properties) as every service has them: 1 MiB bodies, 4096-character URIs. */
@QuarkusTest
class RequestLimitsTest {

    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final int MAX_URI_LENGTH = 4096;
    private static final String API = "/api/test-only";

    @Inject
    Vertx vertx;

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
    void aDeclaredBodyOverTheLimitIsAContentTooLargeProblem() {
        Problem problem = given().contentType(ContentType.BINARY).body(new byte[MAX_BODY_BYTES + 1])
                .when().post(API)
                .then()
                .statusCode(413)
                .contentType(Problem.MEDIA_TYPE)
                .header("Connection", "close")
                .extract().as(Problem.class);

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

    /**
     * Quarkus refuses a URI that java.net.URI cannot parse before any route, with an empty 400 (see the README). Sent
     * with Vert.x's client: REST Assured and the JDK's refuse to send such a URI.
     */
    @Test
    void aMalformedPercentEncodingIsRefusedBeforeAnyRoute() throws Exception {
        HttpClient client = vertx.createHttpClient();
        try {
            Buffer body = client.request(HttpMethod.GET, RestAssured.port, "localhost", API + "/%zz")
                    .compose(request -> request.send())
                    .compose(response -> {
                        assertThat(response.statusCode()).isEqualTo(400);
                        return response.body();
                    })
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(body.length()).isZero();
        } finally {
            client.close();
        }
    }

    private static String uriOfLength(int length) {
        String prefix = API + "?pad=";
        return prefix + "x".repeat(length - prefix.length());
    }
}
