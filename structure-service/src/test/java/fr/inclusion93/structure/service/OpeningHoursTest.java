package fr.inclusion93.structure.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpeningHoursTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00",
        "24/7",
        "Tu-Sa 10:00-12:30,14:00-18:00; PH off",
        "Mo,We,Fr 14:00-17:00 \"sur rendez-vous\"",
        "Jul-Aug Mo-Fr 10:00-16:00; Sep-Jun Mo-Fr 09:00-18:00",
        "Mo[1] 09:00-12:00",
        "Fr 18:00-02:00",
        "Mo-Su 22:00-26:00",
        "Sa 10:00+",
        "Mo-Fr 09:00-17:00 || \"fermé en août\"",
        "Su closed",
    })
    void acceptsWhatPlacesOpenToThePublicWrite(String hours) {
        assertThat(OpeningHours.isValid(hours)).as(hours).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "Monday 9h-12h", "Mo-Fr 9:00-12:00", "Mo-Fr 09:00-12:00;", "Lu-Ve 09:00-12:00", "Mo-Fr 09h00-12h00",
        "Mo-Fr 09:00-12:60", "Mo-Fr 25:00-26:00", "sunrise-sunset", "2024 Mo-Fr 09:00-12:00", "Mo-Fr; ; Sa",
    })
    void refusesTheRest(String hours) {
        assertThat(OpeningHours.isValid(hours)).as(hours).isFalse();
    }
}
