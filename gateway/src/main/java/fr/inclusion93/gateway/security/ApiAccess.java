package fr.inclusion93.gateway.security;

import fr.inclusion93.security.RoleGuard;
import fr.inclusion93.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * The gateway's first line: a request reaches a service only with a valid token of a known role, and only the
 * admin and partners may write. The service then checks the operation's roles and the record's territory again.
 */
@ApplicationScoped
class ApiAccess {

    @Produces
    @Singleton
    RoleGuard api() {
        return new RoleGuard("/api/*", Set.of(Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD),
                Set.of(Roles.ADMIN, Roles.PARTNER));
    }
}
