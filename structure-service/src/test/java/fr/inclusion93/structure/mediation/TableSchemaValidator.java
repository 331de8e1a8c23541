package fr.inclusion93.structure.mediation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Frictionless Data reference validator (tableschema-js 1.12.6, from the npm registry, installed once into
 * target/tableschema by {@code npm ci}) run on a file against the national standard's schema, the official file.
 */
final class TableSchemaValidator {

    /** What the validator said: the rows it read and every error. */
    record Result(int rows, List<String> errors) {
    }

    private static final Path SOURCES = Path.of("src/test/tableschema");
    private static final Path INSTALLED = Path.of("target/tableschema");
    private static final Path SCHEMA = Path.of("src/main/resources" + MediationSchema.RESOURCE);

    private TableSchemaValidator() {
    }

    static Result validate(String data, String suffix) {
        try {
            Path file = Files.createTempFile("mediation-export", suffix);
            Files.writeString(file, data, StandardCharsets.UTF_8);
            try {
                return run("node", "validate.js", SCHEMA.toAbsolutePath().toString(), file.toAbsolutePath().toString());
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
            Files.copy(SOURCES.resolve(name), INSTALLED.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
