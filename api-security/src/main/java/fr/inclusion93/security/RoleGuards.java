package fr.inclusion93.security;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.Set;

/**
 * Role checks for the routes no JAX-RS annotation covers: {@code /q/metrics} everywhere, and every route a
 * {@link RoleGuard} bean names (the gateway's proxied {@code /api}). Unlike Quarkus' HTTP permissions, whose 401
 * has no body, a refusal here is a problem detail like every other error.
 */
@ApplicationScoped
class RoleGuards {

    /** After Quarkus has authenticated the request (its filters run at negative orders), before any route. */
    private static final int AFTER_AUTHENTICATION = -50;
    static final RoleGuard METRICS = new RoleGuard("/q/metrics*", Set.of(Roles.ADMIN, Roles.MONITORING), Set.of());

    private final AccessProblems problems;
    private final Instance<RoleGuard> guards;

    RoleGuards(AccessProblems problems, Instance<RoleGuard> guards) {
        this.problems = problems;
        this.guards = guards;
    }

    void register(@Observes Router router) {
        guard(router, METRICS);
        guards.forEach(guard -> guard(router, guard));
    }

    private void guard(Router router, RoleGuard guard) {
        router.route(guard.path()).order(AFTER_AUTHENTICATION).handler(context -> check(context, guard));
    }

    private void check(RoutingContext context, RoleGuard guard) {
        if (!(context.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous()) {
            problems.sendUnauthenticated(context);
        } else if (guard.allows(user.getSecurityIdentity().getRoles(), context.request().method())) {
            context.next();
        } else {
            problems.sendForbidden(context);
        }
    }
}
