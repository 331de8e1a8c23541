package fr.inclusion93.gateway.proxy;

import fr.inclusion93.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The routing table: one path prefix per service, read from {@link GatewayConfig}. */
@ApplicationScoped
public class Upstreams {

    private final List<Upstream> all;

    Upstreams(GatewayConfig config) {
        GatewayConfig.Routes routes = config.routes();
        this.all = List.of(
                new Upstream("structure-service", "/api/structures", routes.structures()),
                new Upstream("conseiller-service", "/api/conseillers", routes.conseillers()),
                new Upstream("funding-service", "/api/funding", routes.funding()));
    }

    public List<Upstream> all() {
        return all;
    }
}
