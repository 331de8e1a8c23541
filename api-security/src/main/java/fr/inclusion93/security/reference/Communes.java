package fr.inclusion93.security.reference;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The communes structures may be registered in, read once at startup from a CSV of
 * {@code code_insee,nom,code_postal,ept,ept_siren} (postal codes separated by {@code |}; EPT columns empty outside
 * one): by default the 40 communes of Seine-Saint-Denis (COG 2021), or the file named by
 * {@code reference.communes.file} (another département's list). Shared by the services that place records in a commune
 * and check partners' territories against its EPT (structure-service, funding-service).
 */
@ApplicationScoped
public class Communes {

    static final String DEFAULT_RESOURCE = "/reference/communes-seine-saint-denis.csv";

    private final Map<String, Commune> byInseeCode;

    Communes(@ConfigProperty(name = "reference.communes.file") Optional<Path> file) {
        this.byInseeCode = file.map(Communes::readFile).orElseGet(() -> read(Communes.class.getResourceAsStream(DEFAULT_RESOURCE)));
    }

    public Optional<Commune> byInseeCode(String inseeCode) {
        return Optional.ofNullable(inseeCode).map(byInseeCode::get);
    }

    /** The commune of this name (case and accents as written in the list) served by this postal code. */
    public Optional<Commune> byNameAndPostalCode(String name, String postalCode) {
        return byInseeCode.values().stream()
                .filter(commune -> commune.name().equalsIgnoreCase(name) && commune.servedBy(postalCode))
                .findFirst();
    }

    public Collection<Commune> all() {
        return byInseeCode.values();
    }

    private static Map<String, Commune> readFile(Path file) {
        try {
            return read(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the communes of " + file, e);
        }
    }

    private static Map<String, Commune> read(InputStream csv) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(",", -1))
                    .map(Communes::commune)
                    .collect(Collectors.toUnmodifiableMap(Commune::inseeCode, Function.identity()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Commune commune(String[] cells) {
        List<String> postalCodes = Arrays.stream(cells[2].split("\\|")).map(String::strip).toList();
        return new Commune(cells[0], cells[1], postalCodes, blankToNull(cells[3]), blankToNull(cells[4]));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
