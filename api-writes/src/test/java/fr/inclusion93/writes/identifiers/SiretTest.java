package fr.inclusion93.writes.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiretTest {

    @ParameterizedTest
    @ValueSource(strings = {"21930027400012", "21930066300016", "78451236500015"})
    void acceptsValidChecksums(String siret) {
        assertThat(Siret.isValid(siret)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"21930027400013", "2193002740001", "219300274000120", "2193002740001A", "", " 21930027400012"})
    void rejectsBadChecksumsAndShapes(String siret) {
        assertThat(Siret.isValid(siret)).isFalse();
    }

    @Test
    void laPosteIsCheckedByDigitSumNotLuhn() {
        assertThat(Siret.isValid("35600000049837")).as("digit sum 45, Luhn invalid").isTrue();
        assertThat(Siret.isValid("35600000000048")).as("digit sum 26").isFalse();
    }

    @Test
    void nullIsInvalid() {
        assertThat(Siret.isValid(null)).isFalse();
    }
}
