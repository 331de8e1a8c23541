package fr.inclusion93.events.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Frictionless Data reference validator (tableschema-js 1.12.6, from the npm registry, installed once into the
 * module's target/tableschema by {@code npm ci}) run on an export against a standard's Table Schema (its official
 * file). Shared test support of the services that publish open-data standards (médiation numérique, SCDL).
 */
public final class TableSchemaValidator {

    /** What the validator said: the rows it read and every error. */
    public record Result(int rows, List<String> errors) {
    }

    private static final String SOURCES = "/tableschema/";
    private static final Path INSTALLED = Path.of("target/tableschema");

    private TableSchemaValidator() {
    }

    /** Validates {@code data} (CSV, or a JSON array of objects when {@code suffix} is .json) against the schema file. */
    public static Result validate(Path schema, String data, String suffix) {
        try {
            Path file = Files.createTempFile("export", suffix);
            Files.writeString(file, data, StandardCharsets.UTF_8);
            try {
                return run("node", "validate.js", schema.toAbsolutePath().toString(), file.toAbsolutePath().toString());
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void install() throws IOException {
        if (Files.isDirectory(INSTALLED.resolve("node_modules/tableschema"))) {
            return;
        }
        Files.createDirectories(INSTALLED);
        for (String name : List.of("package.json", "package-lock.json", "validate.js")) {
            try (InputStream source = TableSchemaValidator.class.getResourceAsStream(SOURCES + name)) {
                Files.copy(source, INSTALLED.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String output = exec("npm", "ci", "--no-audit", "--no-fund");
        if (!Files.isDirectory(INSTALLED.resolve("node_modules/tableschema"))) {
            throw new IllegalStateException("npm ci did not install tableschema: " + output);
        }
    }

    private static Result run(String... command) throws IOException {
        install();
        String output = exec(command);
        return new ObjectMapper().readValue(output.lines().reduce((first, last) -> last).orElseThrow(), Result.class);
    }

    private static String exec(String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(INSTALLED.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end: " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
