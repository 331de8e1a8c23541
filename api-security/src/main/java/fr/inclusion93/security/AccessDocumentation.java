package fr.inclusion93.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Says in the contract who may call each operation. SmallRye OpenAPI already lists an operation's
 * {@code @RolesAllowed} roles as the scopes of its bearer requirement; this adds them to the description, and
 * gives the 401 and 403 answers their problem+json body and an example.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class AccessDocumentation implements OASFilter {

    static final String ROLES_PREFIX = "Roles: ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNAUTHENTICATED_EXAMPLE = """
            {"type": "https://inclusion93.fr/problems/unauthenticated", "title": "Unauthenticated", "status": 401,
             "detail": "A bearer token is required (Authorization: Bearer <token>)", "instance": "/api/structures"}""";
    private static final String FORBIDDEN_EXAMPLE = """
            {"type": "https://inclusion93.fr/problems/forbidden", "title": "Forbidden", "status": 403,
             "detail": "Your token's role may not POST /api/structures", "instance": "/api/structures"}""";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().forEach(this::document));
    }

    private void document(PathItem.HttpMethod method, Operation operation) {
        List<String> roles = rolesOf(operation);
        if (roles.isEmpty() || operation.getResponses() == null) {
            return;
        }
        String description = Objects.requireNonNullElse(operation.getDescription(), "");
        if (!description.contains(ROLES_PREFIX)) {
            operation.setDescription((description.isEmpty() ? "" : description + "\n\n") + ROLES_PREFIX
                    + String.join(", ", roles) + ".");
        }
        operation.getResponses().addAPIResponse("401", problem(
                "No valid bearer token: missing, badly signed, expired, or for another issuer or audience",
                "missing token", UNAUTHENTICATED_EXAMPLE));
        operation.getResponses().addAPIResponse("403", problem(
                "The token's role is not one of: " + String.join(", ", roles)
                        + (method == PathItem.HttpMethod.GET ? "" : "; or the record is outside a partner's territory"),
                "role not allowed", FORBIDDEN_EXAMPLE));
    }

    private static List<String> rolesOf(Operation operation) {
        if (operation.getSecurity() == null) {
            return List.of();
        }
        return operation.getSecurity().stream()
                .filter(requirement -> requirement.getSchemes() != null)
                .flatMap(requirement -> requirement.getSchemes().values().stream())
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .distinct()
                .collect(Collectors.toList());
    }

    private static APIResponse problem(String description, String exampleName, String example) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                        .examples(Map.of(exampleName, OASFactory.createExample().value(parse(example))))));
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Example is not JSON: " + json, e);
        }
    }
}
