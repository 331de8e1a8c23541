package fr.inclusion93.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one of the project's {@code deploy/} scripts as a user would, with an environment of its own, output to a log. */
final class DeployScript {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final long TIMEOUT_MINUTES = 5;

    private final Map<String, String> environment;
    private final Path log;

    DeployScript(Map<String, String> environment, Path log) {
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /** The same scripts with some variables added or replaced. */
    DeployScript with(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(more);
        return new DeployScript(merged, log);
    }

    void run(String script, String... arguments) {
        try {
            Files.createDirectories(log.getParent());
            String[] command = new String[arguments.length + 1];
            command[0] = ROOT.resolve(script).toString();
            System.arraycopy(arguments, 0, command, 1, arguments.length);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " " + String.join(" ", arguments) + " timed out; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " " + String.join(" ", arguments) + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
