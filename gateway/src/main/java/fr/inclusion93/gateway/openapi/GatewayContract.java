package fr.inclusion93.gateway.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Finishes the merged contract at build time. Its server is the gateway itself (a relative URL, so Swagger UI
 * calls the origin it was loaded from), not the "Auto generated" localhost entries each service exported with its
 * own port. While no service declares a security scheme, the API says so explicitly with an empty root
 * {@code security} (anonymous access).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class GatewayContract implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setServers(new ArrayList<>(List.of(
                OASFactory.createServer().url("/").description("This gateway (same origin as this document)"))));
        if (openAPI.getSecurity() == null) {
            openAPI.setSecurity(new ArrayList<>());
        }
    }
}
