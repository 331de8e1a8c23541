package fr.inclusion93.gateway.proxy;

import java.util.Map;

/** What an {@link EchoUpstreams} server received, as it answers it. */
public record Echo(String upstream, String method, String path, String query, Map<String, String> headers,
        int bodyLength, String bodySha256, String body) {
}
