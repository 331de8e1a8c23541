package fr.inclusion93.gateway.openapi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the gateway's rate limit (ratelimit/RateLimiter) on every operation of the merged contract: a 429 answer
 * with Retry-After, and the RateLimit fields on it and on every 2xx answer. An operation that documents its own 429
 * keeps it.
 */
final class RateLimitContract {

    static final String TOO_MANY_REQUESTS = "TooManyRequests";
    static final String POLICY_FIELD = "RateLimit-Policy";
    static final String LIMIT_FIELD = "RateLimit";
    static final String RETRY_AFTER = "Retry-After";

    private RateLimitContract() {
    }

    static void addTo(OpenAPI openAPI) {
        List<Operation> operations = openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null ? List.of()
                : openAPI.getPaths().getPathItems().values().stream()
                        .flatMap(item -> item.getOperations().values().stream())
                        .filter(operation -> operation.getResponses() != null)
                        .toList();
        if (operations.isEmpty()) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        addComponents(openAPI.getComponents());
        for (Operation operation : operations) {
            Map<String, APIResponse> responses = Objects.requireNonNullElse(operation.getResponses().getAPIResponses(), Map.of());
            responses.entrySet().stream()
                    .filter(response -> response.getKey().startsWith("2") && response.getValue().getRef() == null)
                    .forEach(response -> addFieldsTo(response.getValue()));
            if (!responses.containsKey("429")) {
                operation.getResponses().addAPIResponse("429", OASFactory.createAPIResponse().ref(TOO_MANY_REQUESTS));
            }
        }
    }

    private static void addComponents(Components components) {
        components.addHeader(POLICY_FIELD, header("The client's quota policy (draft-ietf-httpapi-ratelimit-headers): "
                + "q requests per window of w seconds, from the client's first request", "\"default\";q=600;w=60"));
        components.addHeader(LIMIT_FIELD, header("What is left of the client's quota: r requests for the next t seconds",
                "\"default\";r=599;t=60"));
        components.addHeader(RETRY_AFTER, OASFactory.createHeader()
                .description("Seconds until the quota comes back")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ONE))
                .example(42));
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "https://inclusion93.fr/problems/quota-exceeded");
        example.put("title", "Too Many Requests");
        example.put("status", 429);
        example.put("detail", "Quota of 600 requests per 60 s used up; retry in 42 s");
        example.put("instance", "/api/structures");
        APIResponse tooManyRequests = OASFactory.createAPIResponse()
                .description("The client's quota is used up; the request was not forwarded. Retry after Retry-After seconds.")
                .content(OASFactory.createContent().addMediaType("application/problem+json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))
                        .addExample("quota exceeded", OASFactory.createExample().value(example))));
        tooManyRequests.addHeader(RETRY_AFTER, OASFactory.createHeader().ref(RETRY_AFTER));
        addFieldsTo(tooManyRequests);
        components.addResponse(TOO_MANY_REQUESTS, tooManyRequests);
    }

    private static void addFieldsTo(APIResponse response) {
        for (String field : List.of(POLICY_FIELD, LIMIT_FIELD)) {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(field)) {
                response.addHeader(field, OASFactory.createHeader().ref(field));
            }
        }
    }

    private static Header header(String description, String example) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .example(example);
    }
}
