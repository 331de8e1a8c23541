package fr.inclusion93.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The headers a client's {@code Connection} header names are for the gateway only (RFC 9110, 7.6.1): they are not
 * forwarded. vertx-http-proxy drops the standard hop-by-hop headers (Keep-Alive, Proxy-Authorization…) but not these.
 */
final class ConnectionHeaders implements ProxyInterceptor {

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        for (String connection : context.request().proxiedRequest().headers().getAll(HttpHeaders.CONNECTION)) {
            for (String name : connection.split(",")) {
                if (!name.isBlank()) {
                    context.request().headers().remove(name.strip());
                }
            }
        }
        return context.sendRequest();
    }
}
