package fr.inclusion93.security.reference;

import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.security.Territory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommunesTest {

    @Test
    void theDefaultListIsSeineSaintDenisWithItsEpts() {
        Communes communes = new Communes(Optional.empty());

        assertThat(communes.all()).hasSize(40);
        Commune saintDenis = communes.byInseeCode("93066").orElseThrow();
        assertThat(saintDenis.postalCodes()).containsExactly("93200", "93210");
        assertThat(saintDenis.territory()).isEqualTo(new Territory("200057867", "Plaine Commune", "93"));
        assertThat(communes.byInseeCode("75056")).isEmpty();
    }

    @Test
    void anotherDepartementsListCanBeLoadedEvenWithoutEpts(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("communes.csv");
        Files.writeString(file, """
                code_insee,nom,code_postal,ept,ept_siren
                75056,Paris,75001|75002|75020,,
                2A004,Ajaccio,20000|20090,,
                """);

        Communes communes = new Communes(Optional.of(file));

        Commune paris = communes.byInseeCode("75056").orElseThrow();
        assertThat(paris.postalCodes()).isEqualTo(List.of("75001", "75002", "75020"));
        assertThat(paris.territory()).isEqualTo(Territory.departement("75"));
        assertThat(paris.territory().includes("75")).isTrue();
        assertThat(paris.territory().includes("200057867")).isFalse();
        assertThat(communes.byInseeCode("2A004").orElseThrow().departementCode()).isEqualTo("2A");
        assertThat(communes.byInseeCode("93066")).isEmpty();
    }
}
