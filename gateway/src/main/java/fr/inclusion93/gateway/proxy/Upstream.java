package fr.inclusion93.gateway.proxy;

import java.net.URI;

/**
 * A service behind the gateway: requests whose path is {@code prefix} or starts with {@code prefix + "/"}
 * go to {@code baseUrl} unchanged (same path, same query).
 */
public record Upstream(String service, String prefix, URI baseUrl) {

    public Upstream {
        String scheme = baseUrl.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(service + ": base URL must be http(s)://host[:port], got " + baseUrl);
        }
        String path = baseUrl.getRawPath();
        boolean hasPath = path != null && !path.isEmpty() && !path.equals("/");
        if (hasPath || baseUrl.getRawQuery() != null) {
            throw new IllegalArgumentException(
                    service + ": base URL must have no path nor query (paths are not rewritten), got " + baseUrl);
        }
    }

    public String host() {
        return baseUrl.getHost();
    }

    public int port() {
        return baseUrl.getPort() != -1 ? baseUrl.getPort() : ssl() ? 443 : 80;
    }

    public boolean ssl() {
        return "https".equals(baseUrl.getScheme());
    }
}
