package fr.inclusion93.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tells the service who the client asked, so that a {@code Location} built from the request's absolute URI
 * points at the gateway, and who the client is.
 * <p>
 * vertx-http-proxy drops the client's {@code Host} and would send the HttpClient's default ({@code localhost:80});
 * we keep the client's authority instead, which is enough for plain HTTP. The {@code X-Forwarded-*} headers carry
 * the scheme, host, port and client address for services that trust them
 * ({@code quarkus.http.proxy.proxy-address-forwarding}).
 * <p>
 * Forwarding headers are believed only from a proxy the gateway trusts ({@code quarkus.http.proxy.trusted-proxies}):
 * Quarkus then resolved the client's address from them, and {@code X-Forwarded-For} is the proxy's chain with the
 * proxy appended. From anyone else they are claims a client makes about itself: they are dropped, and
 * {@code X-Forwarded-For} is the peer's address alone, as nginx at the edge does with {@code $remote_addr}.
 */
final class ForwardedHeaders implements ProxyInterceptor {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        String peer = incoming.connection().remoteAddress().hostAddress();
        String client = incoming.remoteAddress().hostAddress();
        String chain = request.headers().get(FORWARDED_FOR);
        if (peer.equals(client)) {
            dropForwardingHeaders(request.headers());
            request.putHeader(FORWARDED_FOR, peer);
        } else {
            // a trusted proxy that named the client in Forwarded rather than X-Forwarded-For
            request.putHeader(FORWARDED_FOR, (chain != null ? chain : client) + ", " + peer);
        }
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
        return context.sendRequest();
    }

    private static void dropForwardingHeaders(MultiMap headers) {
        List<String> forwarding = null;
        for (Map.Entry<String, String> header : headers) {
            if (isForwarding(header.getKey())) {
                forwarding = forwarding == null ? new ArrayList<>(2) : forwarding;
                forwarding.add(header.getKey());
            }
        }
        if (forwarding != null) {
            forwarding.forEach(headers::remove);
        }
    }

    private static boolean isForwarding(String name) {
        return name.equalsIgnoreCase("forwarded") || name.regionMatches(true, 0, "x-forwarded-", 0, 12);
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }
}
