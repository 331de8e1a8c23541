package fr.inclusion93.gateway.proxy;

import java.net.URI;

/** One running copy of a service: its base URL, scheme, host and port only (paths go through unchanged). */
public record Instance(String service, URI baseUrl) {

    public Instance {
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
