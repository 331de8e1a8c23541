package fr.inclusion93.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import fr.inclusion93.problem.testing.SharedHttpDefaults;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service that takes large files on one path: 2 MiB there, 1 MiB everywhere else. */
@QuarkusTest
@TestProfile(LargeBodyPathsTest.LargeFiles.class)
class LargeBodyPathsTest {

    private static final int ONE_MIB = 1024 * 1024;

    public static class LargeFiles implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "2M",
                    "request-limits.max-body-size", "1M",
                    "request-limits.large-body-paths", "/api/test-only/large");
        }
    }

    private static String declaring(String path, long length) {
        try {
            return SharedHttpDefaults.rawPostDeclaring(RestAssured.port, path, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aLargeBodyPathTakesUpToQuarkusLimit() {
        given().contentType(ContentType.BINARY).body(new byte[2 * ONE_MIB])
                .when().post("/api/test-only/large")
                .then().statusCode(200).body(equalTo(Integer.toString(2 * ONE_MIB)));
        assertThat(declaring("/api/test-only/large", 2 * ONE_MIB + 1)).startsWith("HTTP/1.1 413")
                .contains(Problem.MEDIA_TYPE).contains("\"detail\":\"The request body is larger than 2097152 bytes\"");
    }

    @Test
    void everyOtherPathKeepsTheSmallLimit() {
        given().contentType(ContentType.BINARY).body(new byte[ONE_MIB])
                .when().post("/api/test-only")
                .then().statusCode(200);
        assertThat(declaring("/api/test-only", ONE_MIB + 1)).startsWith("HTTP/1.1 413")
                .contains(Problem.MEDIA_TYPE).contains("\"detail\":\"The request body is larger than 1048576 bytes\"");
    }
}
