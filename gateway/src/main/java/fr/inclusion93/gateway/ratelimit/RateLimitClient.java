package fr.inclusion93.gateway.ratelimit;

import fr.inclusion93.security.ClientIds;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/**
 * Whom a request counts against: the authenticated client (the token's client id), else the
 * client's address as Quarkus resolved it (the peer, or what a trusted proxy says). The one place to change when
 * the way clients are identified changes.
 */
record RateLimitClient(String id, boolean authenticated) {

    static RateLimitClient of(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return new RateLimitClient(ClientIds.of(user.getSecurityIdentity()), true);
        }
        return new RateLimitClient(context.request().remoteAddress().hostAddress(), false);
    }

    /** A client id and an address never share a bucket, whatever the id looks like. */
    String bucketKey() {
        return (authenticated ? "client:" : "address:") + id;
    }
}
