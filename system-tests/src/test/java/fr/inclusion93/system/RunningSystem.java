package fr.inclusion93.system;

import fr.inclusion93.security.local.LocalTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged system, started once for all system tests with the same script a user runs ({@code deploy/run.sh}),
 * on its own ports, its own Kafka broker (so stopping it disturbs nothing else) and the services' test databases.
 * Ports and database suffix can be moved with system properties ({@code -Dsystem.port.base=28080
 * -Dsystem.kafka.port=29092 -Dsystem.kafka.controller.port=29093 -Dsystem.db.suffix=_wts}) so that two
 * checkouts run their system tests side by side.
 */
public final class RunningSystem implements BeforeAllCallback, AutoCloseable {

    static final int PORT_BASE = Integer.getInteger("system.port.base", 18080);
    static final int KAFKA_PORT = Integer.getInteger("system.kafka.port", 19092);
    static final String DB_SUFFIX = System.getProperty("system.db.suffix", "_test");
    static final String GATEWAY = "http://127.0.0.1:" + PORT_BASE;
    static final String BOOTSTRAP_SERVERS = "127.0.0.1:" + KAFKA_PORT;
    /** Fast starts over peak throughput: C1 only, small heaps. Production settings are run.sh's default. */
    static final String JAVA_OPTS = "-Xms32m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private static final Path ROOT = DeployScript.ROOT;
    /** Test reports and the scripts' output: disposable. */
    private static final Path WORK = Path.of(System.getProperty("system.work.dir", "target")).toAbsolutePath();
    /**
     * Pid files and the broker's data live outside target/: a {@code mvn clean} during a run must not orphan
     * the JVMs and the broker by deleting the files that stop them.
     */
    private static final Path STATE = ROOT.resolve("deploy/.run/system-tests");
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "PORT_BASE", Integer.toString(PORT_BASE),
            "KAFKA_PORT", Integer.toString(KAFKA_PORT),
            "KAFKA_CONTROLLER_PORT", Integer.toString(Integer.getInteger("system.kafka.controller.port", 19093)),
            "KAFKA_WORK_DIR", STATE.resolve("kafka").toString(),
            "RUN_DIR", STATE.resolve("run").toString(),
            "DB_SUFFIX", DB_SUFFIX,
            // every test request comes from 127.0.0.1: one client for the gateway's rate limit, polling included
            "GATEWAY_RATE_LIMIT_REQUESTS", "1000000",
            // no seed: the system tests restart the system many times and count what they send themselves
            "SEED", "false",
            "JAVA_OPTS", JAVA_OPTS);
    private static final LocalTokens TOKENS = LocalTokens.inDirectory(STATE.resolve("run/keys"));
    private static final DeployScript SCRIPTS = new DeployScript(ENVIRONMENT, WORK.resolve("system.log"));

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningSystem.class, key -> start(), RunningSystem.class);
    }

    private RunningSystem start() {
        try {
            SCRIPTS.run("deploy/kafka.sh", "clean");
            SCRIPTS.run("deploy/run.sh", "start");
            return this;
        } catch (RuntimeException e) {
            close(); // not registered for closing when the start fails: leave no broker behind
            throw e;
        }
    }

    @Override
    public void close() {
        SCRIPTS.run("deploy/run.sh", "stop");
    }

    /** Kills a service as a crash would, then starts it again with run.sh (which waits until it is ready). */
    static void crashAndRestart(Service service) {
        ServiceProcesses.kill(STATE.resolve("run"), service);
        SCRIPTS.run("deploy/run.sh", "start");
    }

    /** Kills a service as a crash would; {@link #startStopped} brings it back. */
    static void crash(Service service) {
        ServiceProcesses.kill(STATE.resolve("run"), service);
    }

    /** Starts again what is not running (run.sh waits until it is ready). */
    static void startStopped() {
        SCRIPTS.run("deploy/run.sh", "start");
    }

    static void stopBroker() {
        SCRIPTS.run("deploy/kafka.sh", "stop");
    }

    static void startBroker() {
        SCRIPTS.run("deploy/kafka.sh", "start");
    }

    /** The key pair run.sh generated for this system: tests sign their tokens with it. */
    static LocalTokens tokens() {
        return TOKENS;
    }

    /** A token for {@code role} (and a partner's territory, or null), signed with the key pair run.sh generated. */
    static String token(String role, String territory) {
        return TOKENS.mint("system-test-" + role, role, territory, Duration.ofHours(1));
    }

    static String token(String role) {
        return token(role, null);
    }

    static String serviceUrl(int offset) {
        return "http://127.0.0.1:" + (PORT_BASE + offset);
    }

    /** One number from a service's test database, for the checks no API exposes (how often an event was applied). */
    static long count(String database, String sql, Object... parameters) {
        return ((Number) queryOne(database, sql, parameters)).longValue();
    }

    static Object queryOne(String database, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + database + DB_SUFFIX, database, database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("no row for " + sql);
                }
                return result.getObject(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
