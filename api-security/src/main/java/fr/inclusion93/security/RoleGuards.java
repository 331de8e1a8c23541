package fr.inclusion93.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Role checks for the routes no JAX-RS annotation covers: {@code /q/metrics} everywhere, and every route a
 * {@link RoleGuard} bean names (the gateway's proxied {@code /api}). Unlike Quarkus' HTTP permissions, whose 401
 * has no body, a refusal here is a problem detail like every other error.
 * <p>
 * In an app that authenticates lazily ({@code quarkus.http.auth.proactive=false}: the gateway, where it was a third of
 * a proxied request's time), a guarded route's bearer token is verified here, by the same {@link JWTParser} (so
 * {@link VerifiedTokens}' cache), and its identity set on the request for what follows (rate limits, REST endpoints).
 */
@ApplicationScoped
class RoleGuards {

    /** After Quarkus has authenticated the request (its filters run at negative orders), before any route. */
    private static final int AFTER_AUTHENTICATION = -50;
    static final RoleGuard METRICS = new RoleGuard("/q/metrics*", Set.of(Roles.ADMIN, Roles.MONITORING), Set.of());

    private static final String BEARER = "Bearer ";

    private final AccessProblems problems;
    private final Instance<RoleGuard> guards;
    private final JWTParser tokens;

    RoleGuards(AccessProblems problems, Instance<RoleGuard> guards, JWTParser tokens) {
        this.problems = problems;
        this.guards = guards;
        this.tokens = tokens;
    }

    void register(@Observes Router router) {
        guard(router, METRICS);
        guards.forEach(guard -> guard(router, guard));
    }

    private void guard(Router router, RoleGuard guard) {
        router.route(guard.path()).order(AFTER_AUTHENTICATION).handler(context -> check(context, guard));
    }

    private void check(RoutingContext context, RoleGuard guard) {
        SecurityIdentity identity = identity(context);
        if (identity == null || identity.isAnonymous()) {
            problems.sendUnauthenticated(context);
        } else if (guard.allows(identity.getRoles(), context.request().method())) {
            context.next();
        } else {
            problems.sendForbidden(context);
        }
    }

    /** Quarkus' identity of the request, else its bearer token's; null without a valid token. */
    private SecurityIdentity identity(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user) {
            return user.getSecurityIdentity();
        }
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        try {
            JsonWebToken token = tokens.parse(authorization.substring(BEARER.length()).strip());
            SecurityIdentity identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(token)
                    .addRoles(token.getGroups())
                    .build();
            context.setUser(new QuarkusHttpUser(identity));
            return identity;
        } catch (ParseException refused) {
            return null;
        }
    }
}
