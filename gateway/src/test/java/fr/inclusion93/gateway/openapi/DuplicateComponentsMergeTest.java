package fr.inclusion93.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two service contracts that both define Problem and FieldError, as every service will. */
@QuarkusTest
@TestProfile(DuplicateComponentsMergeTest.TwoContracts.class)
class DuplicateComponentsMergeTest {

    private static final Path ALPHA = Path.of("src/test/resources/contracts/alpha-service/openapi.yaml");
    private static final Path BETA = Path.of("src/test/resources/contracts/beta-service/openapi.yaml");

    public static class TwoContracts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.smallrye-openapi.additional-docs-directory", "contracts/alpha-service,contracts/beta-service",
                    "quarkus.smallrye-openapi.store-schema-directory", "target/openapi-merge-test");
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void sharedComponentsMergeIntoOneIdenticalDefinition() {
        JsonNode merged = Contracts.servedJson();
        JsonNode alpha = Contracts.read(ALPHA);
        JsonNode beta = Contracts.read(BETA);

        assertThat(alpha.at("/components/schemas")).isEqualTo(beta.at("/components/schemas"));
        assertThat(merged.at("/components/schemas")).isEqualTo(alpha.at("/components/schemas"));
    }

    @Test
    void pathsAndTagsOfBothServicesAreKeptAndServersAreTheGateways() {
        JsonNode merged = Contracts.servedJson();

        assertThat(Contracts.names(merged.get("paths"))).containsExactlyInAnyOrder("/api/alpha", "/api/beta/{id}");
        assertThat(Contracts.withoutRateLimit(merged.get("paths").get("/api/alpha")))
                .isEqualTo(Contracts.read(ALPHA).at("/paths/~1api~1alpha"));
        assertThat(merged.get("tags").findValuesAsText("name")).containsExactlyInAnyOrder("Alpha", "Beta");
        assertThat(merged.get("servers").findValuesAsText("url")).containsExactly("/");
        assertThat(merged.at("/info/title").asText()).isEqualTo("Inclusion numérique 93 API");
    }
}
