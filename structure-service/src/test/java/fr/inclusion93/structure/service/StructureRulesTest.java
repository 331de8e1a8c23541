package fr.inclusion93.structure.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StructureRulesTest {

    @Test
    void phoneNumbersAreStoredWithTheirInternationalPrefix() {
        assertThat(StructureRules.normalisedPhone("01 48 36 64 00")).contains("+33148366400");
        assertThat(StructureRules.normalisedPhone("01.48.36.64.00")).contains("+33148366400");
        assertThat(StructureRules.normalisedPhone("+33 (0)1 48 36 64 00")).isEqualTo(Optional.empty());
        assertThat(StructureRules.normalisedPhone("0033148366400")).contains("+33148366400");
        assertThat(StructureRules.normalisedPhone("+262 262 12 34 56")).contains("+262262123456");
        assertThat(StructureRules.normalisedPhone("+44 20 7946 0000")).isEmpty();
        assertThat(StructureRules.normalisedPhone("12")).isEmpty();
    }
}
