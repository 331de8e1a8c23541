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
        alpha.at("/components/schemas").fields().forEachRemaining(schema -> assertThat(
                merged.at("/components/schemas").get(schema.getKey())).as(schema.getKey()).isEqualTo(schema.getValue()));
    }

    @Test
    void pathsAndTagsOfBothServicesAreKeptAndServersAreTheGateways() {
        JsonNode merged = Contracts.servedJson();

        assertThat(Contracts.names(merged.get("paths"))).as("the services' and the gateway's own")
                .containsExactlyInAnyOrder("/api/alpha", "/api/beta/{id}", "/api/overview/territories", "/api/audit/history",
                        "/api/audit/history.csv");
        assertThat(Contracts.withoutRateLimit(merged.get("paths").get("/api/alpha")))
                .isEqualTo(Contracts.read(ALPHA).at("/paths/~1api~1alpha"));
        assertThat(merged.get("tags").findValuesAsText("name")).containsExactlyInAnyOrder("Alpha", "Beta", "Overview");
        assertThat(merged.get("servers").findValuesAsText("url")).containsExactly("/");
        assertThat(merged.at("/info/title").asText()).isEqualTo("Inclusion numérique 93 API");
    }
}
