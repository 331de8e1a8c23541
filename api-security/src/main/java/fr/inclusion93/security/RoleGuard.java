package fr.inclusion93.security;

import io.vertx.core.http.HttpMethod;
import java.util.Set;

/**
 * A Vert.x route and who may call it: {@code readers} for safe methods (GET, HEAD, OPTIONS), {@code writers} for
 * the others; empty {@code writers} lets the readers call every method. An app guards a route by producing one.
 */
public record RoleGuard(String path, Set<String> readers, Set<String> writers) {

    boolean allows(Set<String> roles, HttpMethod method) {
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        Set<String> allowed = safe || writers.isEmpty() ? readers : writers;
        return roles.stream().anyMatch(allowed::contains);
    }
}
