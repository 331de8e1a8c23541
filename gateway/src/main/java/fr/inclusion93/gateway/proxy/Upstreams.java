package fr.inclusion93.gateway.proxy;

import fr.inclusion93.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;

/** The routing table: one path prefix per service and its instances, read from {@link GatewayConfig}. */
@ApplicationScoped
public class Upstreams {

    private final List<Upstream> all;

    Upstreams(GatewayConfig config) {
        GatewayConfig.Routes routes = config.routes();
        this.all = List.of(
                upstream("structure-service", "/api/structures", routes.structures(), config),
                upstream("conseiller-service", "/api/conseillers", routes.conseillers(), config),
                upstream("funding-service", "/api/funding", routes.funding(), config));
    }

    private static Upstream upstream(String service, String prefix, List<URI> baseUrls, GatewayConfig config) {
        return new Upstream(service, prefix, new Rotation(
                baseUrls.stream().map(url -> new Instance(service, url)).toList(), config.outOfRotation()));
    }

    public List<Upstream> all() {
        return all;
    }

    /** The service's next instance in rotation: where a composite report asks it. */
    public URI nextBaseUrl(String service) {
        return all.stream().filter(upstream -> upstream.service().equals(service)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(service)).instances().next().baseUrl();
    }
}
