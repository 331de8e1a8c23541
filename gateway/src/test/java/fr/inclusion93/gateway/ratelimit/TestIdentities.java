package fr.inclusion93.gateway.ratelimit;

import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.Permission;
import java.security.Principal;
import java.util.Map;
import java.util.Set;

/**
 * Stands in for authentication in tests: a request with {@link #HEADER} is authenticated as that client, the way
 * Quarkus' authentication handler (order -200) leaves a QuarkusHttpUser on the routing context.
 */
@ApplicationScoped
public class TestIdentities {

    public static final String HEADER = "X-Test-Client";

    void register(@Observes Router router) {
        router.route().order(-150).handler(context -> {
            String client = context.request().getHeader(HEADER);
            if (client != null) {
                context.setUser(new QuarkusHttpUser(new Client(client)));
            }
            context.next();
        });
    }

    private record Client(String name) implements SecurityIdentity {

        @Override
        public Principal getPrincipal() {
            return () -> name;
        }

        @Override
        public boolean isAnonymous() {
            return false;
        }

        @Override
        public Set<String> getRoles() {
            return Set.of();
        }

        @Override
        public boolean hasRole(String role) {
            return false;
        }

        @Override
        public Set<Permission> getPermissions() {
            return Set.of();
        }

        @Override
        public <T extends Credential> T getCredential(Class<T> type) {
            return null;
        }

        @Override
        public Set<Credential> getCredentials() {
            return Set.of();
        }

        @Override
        public <T> T getAttribute(String name) {
            return null;
        }

        @Override
        public Map<String, Object> getAttributes() {
            return Map.of();
        }

        @Override
        public Uni<Boolean> checkPermission(Permission permission) {
            return Uni.createFrom().item(false);
        }
    }
}
