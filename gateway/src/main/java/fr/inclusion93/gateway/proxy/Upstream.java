package fr.inclusion93.gateway.proxy;

/**
 * A service behind the gateway: requests whose path is {@code prefix} or starts with {@code prefix + "/"} go to one of
 * its instances unchanged (same path, same query).
 */
public record Upstream(String service, String prefix, Rotation instances) {
}
