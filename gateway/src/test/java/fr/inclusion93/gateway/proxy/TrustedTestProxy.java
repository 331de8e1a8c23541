package fr.inclusion93.gateway.proxy;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The tests' own address (127.0.0.1) is the proxy the gateway trusts: what they say in X-Forwarded-* is believed. */
public class TrustedTestProxy implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
    }
}
