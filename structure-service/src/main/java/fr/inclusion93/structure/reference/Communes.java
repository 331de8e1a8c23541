package fr.inclusion93.structure.reference;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The 40 communes of Seine-Saint-Denis, read once from {@code reference/communes-seine-saint-denis.csv}. */
@ApplicationScoped
public class Communes {

    private static final String RESOURCE = "/reference/communes-seine-saint-denis.csv";

    private final Map<String, Commune> byInseeCode = load();

    public Optional<Commune> byInseeCode(String inseeCode) {
        return Optional.ofNullable(inseeCode).map(byInseeCode::get);
    }

    private static Map<String, Commune> load() {
        try (InputStream in = Communes.class.getResourceAsStream(RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(",", -1))
                    .map(cells -> new Commune(cells[0], cells[1], cells[2], cells[3], cells[4]))
                    .collect(Collectors.toUnmodifiableMap(Commune::inseeCode, Function.identity()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
