package fr.inclusion93.gateway.openapi;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads OpenAPI documents, served or on disk, as JSON trees. */
final class Contracts {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new YAMLMapper();

    private Contracts() {
    }

    static JsonNode servedJson() {
        return parse(JSON, given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString());
    }

    static JsonNode servedYaml() {
        return parse(YAML, given().when().get("/q/openapi")
                .then().statusCode(200).contentType("application/yaml")
                .extract().asString());
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A merged path item as its service wrote it: without the 429 answer and RateLimit fields the gateway adds. */
    static JsonNode withoutRateLimit(JsonNode pathItem) {
        if (pathItem == null) {
            return null;
        }
        JsonNode copy = pathItem.deepCopy();
        for (JsonNode operation : copy) {
            ObjectNode responses = (ObjectNode) operation.get("responses");
            if (responses.path("429").path("$ref").asText().equals("#/components/responses/TooManyRequests")) {
                responses.remove("429");
            }
            for (JsonNode response : responses) {
                if (response.get("headers") instanceof ObjectNode headers) {
                    headers.remove(List.of("RateLimit-Policy", "RateLimit"));
                    if (headers.isEmpty()) {
                        ((ObjectNode) response).remove("headers");
                    }
                }
            }
        }
        return copy;
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode parse(ObjectMapper mapper, String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
