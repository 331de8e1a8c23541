package fr.inclusion93.gateway.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustedProxiesCheckTest {

    @Test
    void forwardingWithoutTrustedProxiesIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> TrustedProxiesCheck.require(true, Optional.empty()))
                .withMessageContaining("quarkus.http.proxy.trusted-proxies");
    }

    @Test
    void forwardingFromListedProxiesIsAccepted() {
        assertThatCode(() -> TrustedProxiesCheck.require(true, Optional.of(List.of("10.0.0.5", "192.0.2.0/24"))))
                .doesNotThrowAnyException();
    }

    @Test
    void noForwardingTrustsNobodyAndNeedsNoList() {
        assertThatCode(() -> TrustedProxiesCheck.require(false, Optional.empty())).doesNotThrowAnyException();
    }
}
