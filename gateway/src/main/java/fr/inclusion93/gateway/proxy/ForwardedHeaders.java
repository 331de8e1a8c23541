package fr.inclusion93.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Tells the service who the client asked, so that a {@code Location} built from the request's absolute URI
 * points at the gateway.
 * <p>
 * vertx-http-proxy drops the client's {@code Host} and would send the HttpClient's default ({@code localhost:80});
 * we keep the client's authority instead, which is enough for plain HTTP. The {@code X-Forwarded-*} headers carry
 * the scheme, host, port and client address for services that trust them
 * ({@code quarkus.http.proxy.proxy-address-forwarding}); {@code X-Forwarded-For} is appended to, like nginx does.
 */
final class ForwardedHeaders implements ProxyInterceptor {

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        String scheme = incoming.scheme();
        HostAndPort authority = incoming.authority();
        if (authority != null) {
            request.setAuthority(authority);
            boolean explicitPort = authority.port() >= 0;
            int port = explicitPort ? authority.port() : defaultPort(scheme);
            request.putHeader("X-Forwarded-Host", explicitPort ? authority.host() + ":" + port : authority.host());
            request.putHeader("X-Forwarded-Port", Integer.toString(port));
        }
        request.putHeader("X-Forwarded-Proto", scheme);
        // the peer of this connection, even when the gateway itself trusts X-Forwarded-For from a proxy in front
        SocketAddress peer = incoming.connection().remoteAddress();
        if (peer != null && peer.hostAddress() != null) {
            String previous = request.headers().get("X-Forwarded-For");
            String chain = previous == null ? peer.hostAddress() : previous + ", " + peer.hostAddress();
            request.putHeader("X-Forwarded-For", chain);
        }
        return context.sendRequest();
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }
}
