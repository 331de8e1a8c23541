package fr.inclusion93.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceTest {

    @Test
    void portDefaultsToTheSchemes() {
        assertThat(upstream("http://structure-service").port()).isEqualTo(80);
        assertThat(upstream("https://structure-service").port()).isEqualTo(443);
        assertThat(upstream("https://structure-service").ssl()).isTrue();
        assertThat(upstream("http://127.0.0.1:8081/").port()).isEqualTo(8081);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host:21", "//host:8081", "http:///nohost", "http://host:8081/base", "http://host?x=1"})
    void aBaseUrlThatCannotBeProxiedUnchangedIsRejected(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> upstream(url)).withMessageContaining("structure-service");
    }

    private static Instance upstream(String url) {
        return new Instance("structure-service", URI.create(url));
    }
}
