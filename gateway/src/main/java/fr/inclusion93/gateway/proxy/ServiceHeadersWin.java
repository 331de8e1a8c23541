package fr.inclusion93.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;

/**
 * A header the service answers with replaces the gateway's own of the same name. Both send the shared security
 * headers (problem-details' defaults), and vertx-http-proxy adds the service's headers to those already on the
 * gateway's response: without this each would arrive twice.
 */
final class ServiceHeadersWin implements ProxyInterceptor {

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap gateways = context.request().proxiedRequest().response().headers();
        // by entry: names() would build a sorted set on every request
        context.response().headers().forEach(header -> gateways.remove(header.getKey()));
        return context.sendResponse();
    }
}
