package fr.inclusion93.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MergedContractTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void servesOneContractForTheWholeApiAtTheGateway() {
        JsonNode contract = Contracts.servedJson();

        assertThat(contract.at("/info/title").asText()).isEqualTo("Inclusion numérique 93 API");
        assertThat(contract.at("/info/version").asText()).isEqualTo("1.0");
        assertThat(contract.at("/info/description").asText()).isNotBlank();
        assertThat(contract.get("servers")).hasSize(1);
        assertThat(contract.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(Contracts.names(contract.get("paths"))).contains("/api/structures", "/api/structures/{id}");
    }

    /** A client generated from the contract names a method after each operationId: none may be missing or shared. */
    @Test
    void everyOperationHasAnOperationIdOfItsOwn() {
        JsonNode paths = Contracts.servedJson().get("paths");
        List<String> operations = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(operation.getKey())) {
                operations.add(operation.getKey() + " " + path.getKey());
                ids.add(operation.getValue().path("operationId").asText(""));
            }
        }));

        assertThat(operations).hasSizeGreaterThan(50);
        assertThat(ids).as("operationIds of %s", operations).doesNotContain("").doesNotHaveDuplicates();
    }

    /** Without a schema a generated client can only drop the answer (its method returns void). */
    @Test
    void everyAnswerWithABodySaysItsSchema() {
        List<String> withoutSchema = new ArrayList<>();
        Contracts.servedJson().get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                operation -> operation.getValue().path("responses").fields().forEachRemaining(response ->
                        response.getValue().path("content").fields().forEachRemaining(content -> {
                            if (!content.getValue().has("schema")) {
                                withoutSchema.add(operation.getKey() + " " + path.getKey() + " " + response.getKey() + " "
                                        + content.getKey());
                            }
                        }))));

        assertThat(withoutSchema).isEmpty();
    }

    @Test
    void yamlAndJsonAreTheSameDocument() {
        assertThat(Contracts.servedYaml()).isEqualTo(Contracts.servedJson());
    }

    /**
     * Guards the list of contract directories in application.properties: a committed contract that is not merged fails
     * here. Only routed paths are merged: a service's operators' endpoints (/admin/…) stay in its own contract. The
     * gateway's rate limit is added to every operation (see the next test).
     */
    @Test
    void everyCommittedServiceContractIsMergedUnchanged() throws IOException {
        List<Path> committed;
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            committed = modules.filter(dir -> dir.getFileName().toString().endsWith("-service"))
                    .map(dir -> dir.resolve("openapi/openapi.yaml"))
                    .filter(Files::isRegularFile)
                    .toList();
        }
        assertThat(committed).isNotEmpty();
        JsonNode merged = Contracts.servedJson();

        for (Path file : committed) {
            JsonNode service = Contracts.read(file);
            for (String path : Contracts.names(service.get("paths"))) {
                JsonNode expected = path.startsWith("/api/") ? service.get("paths").get(path) : null;
                assertThat(Contracts.withoutRateLimit(merged.get("paths").get(path))).as("%s %s", file, path)
                        .isEqualTo(expected);
            }
            for (String schema : Contracts.names(service.at("/components/schemas"))) {
                assertThat(merged.at("/components/schemas").get(schema)).as("%s schema %s", file, schema)
                        .isEqualTo(service.at("/components/schemas").get(schema));
            }
        }
    }

    @Test
    void everyOperationDocumentsTheRateLimit() {
        JsonNode contract = Contracts.servedJson();
        List<JsonNode> operations = new ArrayList<>();
        contract.get("paths").forEach(pathItem -> pathItem.forEach(operations::add));

        assertThat(operations).isNotEmpty().allSatisfy(operation -> {
            JsonNode responses = operation.get("responses");
            assertThat(responses.at("/429/$ref").asText()).isEqualTo("#/components/responses/TooManyRequests");
            Contracts.names(responses).stream().filter(status -> status.startsWith("2")).forEach(status ->
                    assertThat(Contracts.names(responses.get(status).get("headers")))
                            .contains("RateLimit-Policy", "RateLimit"));
        });
        JsonNode tooManyRequests = contract.at("/components/responses/TooManyRequests");
        assertThat(Contracts.names(tooManyRequests.get("headers")))
                .containsExactlyInAnyOrder("Retry-After", "RateLimit-Policy", "RateLimit");
        assertThat(tooManyRequests.at("/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(Contracts.names(contract.at("/components/headers")))
                .containsExactlyInAnyOrder("Retry-After", "RateLimit-Policy", "RateLimit");
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"));
    }
}
