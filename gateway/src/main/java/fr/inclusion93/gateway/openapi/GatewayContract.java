package fr.inclusion93.gateway.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Finishes the merged contract at build time. Its server is the gateway itself (a relative URL, so Swagger UI
 * calls the origin it was loaded from), not the "Auto generated" localhost entries each service exported with its
 * own port. Only the paths the gateway routes ({@code /api/…}) stay: a service's operators' endpoints
 * ({@code /admin/…}) are documented in its own contract and reached on its own port. Every routed path needs a
 * bearer token (the root {@code security}); each operation names the roles it allows as its scopes. Every
 * operation documents the gateway's rate limit ({@link RateLimitContract}).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class GatewayContract implements OASFilter {

    /** The scheme api-security declares in every service's contract. */
    static final String BEARER = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        keepRoutedPaths(openAPI);
        RateLimitContract.addTo(openAPI);
        openAPI.setServers(new ArrayList<>(List.of(
                OASFactory.createServer().url("/").description("This gateway (same origin as this document)"))));
        openAPI.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER))));
    }

    private static void keepRoutedPaths(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        new ArrayList<>(openAPI.getPaths().getPathItems().keySet()).stream()
                .filter(path -> !path.startsWith("/api/"))
                .forEach(openAPI.getPaths()::removePathItem);
        Set<String> usedTags = new HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(operation -> usedTags.addAll(operation.getTags() == null ? List.of() : operation.getTags())));
        if (openAPI.getTags() != null) {
            openAPI.setTags(new ArrayList<>(openAPI.getTags().stream().filter(tag -> usedTags.contains(tag.getName())).toList()));
        }
    }
}
