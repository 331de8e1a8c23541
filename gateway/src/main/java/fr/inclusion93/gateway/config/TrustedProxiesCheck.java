package fr.inclusion93.gateway.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start when the gateway would believe any peer's {@code X-Forwarded-For}: with
 * {@code quarkus.http.proxy.proxy-address-forwarding} on and no {@code quarkus.http.proxy.trusted-proxies}, Quarkus
 * trusts every peer, so a client could choose its rate-limit key and the address the services see.
 */
@ApplicationScoped
class TrustedProxiesCheck {

    void check(@Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false") boolean forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trustedProxies) {
        require(forwarding, trustedProxies);
    }

    static void require(boolean forwarding, Optional<List<String>> trustedProxies) {
        if (forwarding && trustedProxies.isEmpty()) {
            throw new IllegalStateException("quarkus.http.proxy.proxy-address-forwarding is on without "
                    + "quarkus.http.proxy.trusted-proxies: every client could pass itself off as another; "
                    + "list the proxies in front of the gateway");
        }
    }
}
