package fr.inclusion93.gateway.proxy;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(EchoUpstreams.class)
class ProxyTest {

    private static final String REGISTER_BODY = """
            {"name":"Médiathèque John Lennon","siret":"21930027400012","communeInsee":"93027"}""";
    private static final String REQUEST_ID = "3f0c9b1e-req";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void forwardsMethodPathQueryHeadersAndBodyAndReturnsTheServiceResponse() {
        Response response = asAdmin()
                .urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .header("X-Request-Id", REQUEST_ID)
                .body(REGISTER_BODY)
                .when().post("/api/structures?page=1&size=2&name=M%C3%A9diath%C3%A8que")
                .then()
                .statusCode(201)
                .header("Location", equalTo("http://localhost:" + RestAssured.port + "/api/structures/42"))
                .header(EchoUpstreams.NAME_HEADER, "structures")
                .contentType(ContentType.JSON)
                .extract().response();

        Echo echo = response.as(Echo.class);
        byte[] sent = REGISTER_BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(echo).usingRecursiveComparison().ignoringFields("headers").isEqualTo(new Echo("structures", "POST",
                "/api/structures", "page=1&size=2&name=M%C3%A9diath%C3%A8que", Map.of(), sent.length,
                EchoUpstreams.sha256(Buffer.buffer(sent)), REGISTER_BODY));
        String gateway = "localhost:" + RestAssured.port;
        assertThat(echo.headers()).containsAllEntriesOf(Map.of(
                "host", gateway,
                "x-forwarded-host", gateway,
                "x-forwarded-port", Integer.toString(RestAssured.port),
                "x-forwarded-proto", "http",
                "x-forwarded-for", "127.0.0.1",
                "x-request-id", REQUEST_ID,
                "content-type", "application/json",
                "content-length", Integer.toString(sent.length)));
    }

    @ParameterizedTest
    @CsvSource({
            "GET,    /api/structures,                    structures",
            "GET,    /api/structures/,                   structures",
            "GET,    /api/structures/0b6f3c2e/posts,     structures",
            "PUT,    /api/conseillers,                   conseillers",
            "DELETE, /api/conseillers/7,                 conseillers",
            "PATCH,  /api/funding/lines/12,              funding",
            "HEAD,   /api/funding,                       funding",
    })
    void routesByPathPrefixWithoutRewritingThePath(String method, String path, String upstream) {
        Response response = asAdmin().when().request(method, path)
                .then()
                .statusCode(200)
                .header(EchoUpstreams.NAME_HEADER, upstream)
                .extract().response();

        if (!"HEAD".equals(method)) {
            Echo echo = response.as(Echo.class);
            assertThat(echo.upstream()).isEqualTo(upstream);
            assertThat(echo.method()).isEqualTo(method);
            assertThat(echo.path()).isEqualTo(path);
        }
    }

    /** No proxy is trusted by default: what a client says about its address is a claim, replaced by its address. */
    @Test
    void aSpoofedXForwardedForIsReplacedByThePeersAddress() {
        Echo echo = asAdmin().header("X-Forwarded-For", "203.0.113.7")
                .when().get("/api/funding")
                .then().statusCode(200)
                .extract().as(Echo.class);

        assertThat(echo.headers()).containsEntry("x-forwarded-for", "127.0.0.1");
    }

    /** RFC 9110 7.6.1: the headers the Connection header names are for this hop only, as are the usual hop-by-hop ones. */
    @Test
    void hopByHopHeadersAndThoseConnectionNamesStayAtTheGateway() {
        Echo echo = asAdmin()
                .header("Connection", "keep-alive, X-Hop-Secret")
                .header("X-Hop-Secret", "for the gateway only")
                .header("Keep-Alive", "timeout=5")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .header("X-Kept", "end to end")
                .when().get("/api/funding")
                .then().statusCode(200)
                .extract().as(Echo.class);

        assertThat(echo.headers()).doesNotContainKeys("x-hop-secret", "keep-alive", "proxy-authorization")
                .containsEntry("x-kept", "end to end");
    }

    @Test
    void otherForwardingHeadersFromAnUntrustedClientAreDropped() {
        Echo echo = asAdmin()
                .header("Forwarded", "for=203.0.113.7;proto=https")
                .header("X-Forwarded-Prefix", "/admin")
                .header("X-Forwarded-Host", "evil.example")
                .when().get("/api/funding")
                .then().statusCode(200)
                .extract().as(Echo.class);

        assertThat(echo.headers()).doesNotContainKeys("forwarded", "x-forwarded-prefix")
                .containsEntry("x-forwarded-host", "localhost:" + RestAssured.port);
    }

    @Test
    void aSpoofedXForwardedForDoesNotChangeTheRateLimitKey() {
        Response first = asAdmin().header("X-Forwarded-For", "203.0.113.7").when().get("/api/funding");
        Response second = asAdmin().header("X-Forwarded-For", "198.51.100.8").when().get("/api/funding");

        assertThat(remaining(second)).isEqualTo(remaining(first) - 1);
    }

    private static int remaining(Response response) {
        Matcher field = Pattern.compile("\"default\";r=(\\d+);t=\\d+").matcher(response.header("RateLimit"));
        assertThat(field.matches()).as(response.header("RateLimit")).isTrue();
        return Integer.parseInt(field.group(1));
    }

    /** REST Assured always sends a Content-Length; the JDK client streams an unknown length as chunked. */
    @Test
    void streamsALargeChunkedBodyIntact() throws Exception {
        byte[] payload = new byte[3 * 1024 * 1024];
        new Random(93).nextBytes(payload);
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/funding/lines/12/attachment"))
                .header("Content-Type", "application/octet-stream")
                .header("Authorization", "Bearer " + TestTokens.token(Roles.ADMIN))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(payload)))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        Echo echo = new ObjectMapper().readValue(response.body(), Echo.class);
        assertThat(echo.bodyLength()).isEqualTo(payload.length);
        assertThat(echo.bodySha256()).isEqualTo(EchoUpstreams.sha256(Buffer.buffer(payload)));
        assertThat(echo.headers()).containsEntry("transfer-encoding", "chunked").doesNotContainKey("content-length");
    }

    @Test
    void passesTheServicesOwnErrorStatusThrough() {
        Echo echo = asAdmin().header(EchoUpstreams.STATUS_HEADER, "404")
                .when().get("/api/structures/0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10")
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .extract().as(Echo.class);

        assertThat(echo.upstream()).isEqualTo("structures");
    }

    @Test
    void aPathThatOnlySharesThePrefixIsNotProxied() {
        asAdmin().when().get("/api/structuresXYZ")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
