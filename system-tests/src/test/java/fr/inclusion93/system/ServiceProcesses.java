package fr.inclusion93.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The JVMs deploy/run.sh started, found by the pid files it keeps in its run directory. */
final class ServiceProcesses {

    private ServiceProcesses() {
    }

    /** SIGKILL, as a crash would: no shutdown hook, no graceful close of connections or transactions. */
    static void kill(Path runDirectory, Service service) {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(runDirectory.resolve(service.scriptName + ".pid")).trim());
        } catch (IOException e) {
            throw new IllegalStateException(service + " has no pid file in " + runDirectory, e);
        }
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(service + " is not running"));
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
    }
}
