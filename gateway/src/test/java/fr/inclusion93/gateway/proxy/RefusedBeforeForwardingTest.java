package fr.inclusion93.gateway.proxy;

import static fr.inclusion93.problem.testing.SharedHttpDefaults.MAX_BODY_BYTES;
import static fr.inclusion93.problem.testing.SharedHttpDefaults.MAX_URI_LENGTH;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.testing.SharedHttpDefaults;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests over problem-details' shared limits never reach a service. */
@QuarkusTest
@WithTestResource(EchoUpstreams.class)
class RefusedBeforeForwardingTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aDeclaredBodyOverTheLimitIsAContentTooLargeProblem() {
        Response response = asAdmin().contentType(ContentType.BINARY).body(new byte[MAX_BODY_BYTES + 1])
                .when().put("/api/funding/lines/12/attachment");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.header(EchoUpstreams.NAME_HEADER)).isNull();
        assertThat(response.as(Problem.class)).isEqualTo(new Problem(URI.create("about:blank"), "Content Too Large", 413,
                "The request body is larger than 1048576 bytes", URI.create("/api/funding/lines/12/attachment"), null));
    }

    @Test
    void aBodyAtTheLimitIsForwarded() {
        asAdmin().contentType(ContentType.BINARY).body(new byte[MAX_BODY_BYTES])
                .when().put("/api/funding/lines/12/attachment")
                .then()
                .statusCode(200)
                .header(EchoUpstreams.NAME_HEADER, "funding");
    }

    @Test
    void aUriOverTheLimitIsAUriTooLongProblem() {
        String path = "/api/structures?name=" + "x".repeat(MAX_URI_LENGTH);

        Response response = asAdmin().when().get(path);

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.header(EchoUpstreams.NAME_HEADER)).isNull();
        assertThat(response.as(Problem.class)).isEqualTo(new Problem(URI.create("about:blank"), "URI Too Long", 414,
                "The request URI is longer than 4096 characters", null, null));
    }

    /** Quarkus answers before any route, with no body: a known gap (see problem-details' README), but nothing leaks. */
    @Test
    void aMalformedPercentEncodingIsRefused() throws IOException {
        String answer = SharedHttpDefaults.rawGet(RestAssured.port, "/api/structures/%zz");

        assertThat(answer).startsWith("HTTP/1.1 400 ").contains("content-length: 0")
                .doesNotContainIgnoringCase(EchoUpstreams.NAME_HEADER);
    }
}
