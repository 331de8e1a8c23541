package fr.inclusion93.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import fr.inclusion93.security.local.LocalTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged system on the fault suite's own ports and broker, started with the project's scripts; the two consumers
 * use a throwaway PostgreSQL cluster of the suite's own, so stopping it disturbs no one. structure-service stays on the
 * shared server, in a database with the suite's suffix, recreated empty at each start.
 */
final class SystemUnderFaults implements AutoCloseable {

    private static final String SHARED_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final FaultSettings settings;
    private final ExclusiveRun exclusiveRun;
    private final Path runDirectory;
    private final DeployScript scripts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private SystemUnderFaults(FaultSettings settings, Path work, ExclusiveRun exclusiveRun) {
        this.settings = settings;
        this.exclusiveRun = exclusiveRun;
        this.runDirectory = work.resolve("run");
        this.scripts = new DeployScript(Map.ofEntries(
                Map.entry("PORT_BASE", Integer.toString(settings.portBase())),
                Map.entry("KAFKA_PORT", Integer.toString(settings.kafkaPort())),
                Map.entry("KAFKA_CONTROLLER_PORT", Integer.toString(settings.kafkaControllerPort())),
                Map.entry("KAFKA_WORK_DIR", work.resolve("kafka").toString()),
                Map.entry("RUN_DIR", runDirectory.toString()),
                Map.entry("DB_SUFFIX", settings.structureDatabaseSuffix()),
                Map.entry("INSTANCES", Integer.toString(settings.instances())),
                Map.entry("CONSEILLER_DB_URL", settings.consumerDatabaseUrl("conseiller")),
                Map.entry("FUNDING_DB_URL", settings.consumerDatabaseUrl("funding")),
                Map.entry("THROWAWAY_PGPORT", Integer.toString(settings.consumerDatabasePort())),
                Map.entry("THROWAWAY_PGDATA", work.resolve("postgres").toString()),
                Map.entry("SKIP_INFRA", "1"), // run.sh leaves the broker and the databases to this class
                Map.entry("SEED", "false"), // restarts under faults load no seed: the suite counts only its own writes
                // the write load is one client (127.0.0.1) for the gateway's rate limit, far above 600 requests a minute
                Map.entry("GATEWAY_RATE_LIMIT_REQUESTS", "1000000"),
                Map.entry("JAVA_OPTS", "-Xms32m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1")),
                work.resolve("faults.log"));
    }

    /** An admin token for the load, signed with the key pair run.sh generated for this system. */
    String adminToken() {
        return LocalTokens.inDirectory(runDirectory.resolve("keys")).mint("fault-suite", "admin", null, Duration.ofHours(2));
    }

    /** A fresh broker, consumer cluster and structure database, then the services; whatever started is stopped on failure. */
    static SystemUnderFaults start(FaultSettings settings, Path work) {
        SystemUnderFaults system = new SystemUnderFaults(settings, work, ExclusiveRun.acquire(work));
        try {
            system.scripts.run("deploy/run.sh", "stop"); // what a killed run may have left behind
            system.scripts.run("deploy/kafka.sh", "clean");
            system.scripts.run("deploy/throwaway-postgres.sh", "destroy");
            ExclusiveRun.requireFree(IntStream.concat(system.servicePorts(),
                    IntStream.of(settings.kafkaPort(), settings.kafkaControllerPort(), settings.consumerDatabasePort()))
                    .toArray());
            system.startConsumerDatabase();
            system.scripts.with(Map.of("PGPORT", Integer.toString(settings.consumerDatabasePort()))).run("deploy/postgres.sh");
            system.recreateStructureDatabase();
            system.startBroker();
            system.startMissingServices();
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** Kills a service's first instance (with several, the others go on serving). */
    void kill(Service service) {
        ServiceProcesses.kill(runDirectory, service);
    }

    private IntStream servicePorts() {
        return Arrays.stream(Service.values()).flatMapToInt(service -> IntStream.rangeClosed(1, service.instances(
                settings.instances())).map(instance -> settings.portBase() + service.portOffset(instance)));
    }

    /** run.sh start starts what is not running and waits until every service is ready. */
    void startMissingServices() {
        scripts.run("deploy/run.sh", "start");
    }

    void stopBroker() {
        scripts.run("deploy/kafka.sh", "stop");
    }

    void startBroker() {
        scripts.run("deploy/kafka.sh", "start");
    }

    void stopConsumerDatabase() {
        scripts.run("deploy/throwaway-postgres.sh", "stop");
    }

    void startConsumerDatabase() {
        scripts.run("deploy/throwaway-postgres.sh", "start");
    }

    /** Waits until every service says it is ready; the ones still not ready at the limit are returned. */
    List<Service> awaitReady(Duration limit) {
        try {
            await().atMost(limit).pollInterval(Duration.ofMillis(500)).until(() -> notReady().isEmpty());
            return List.of();
        } catch (ConditionTimeoutException e) {
            return notReady();
        }
    }

    private List<Service> notReady() {
        return Arrays.stream(Service.values()).filter(service -> !ready(service)).toList();
    }

    private boolean ready(Service service) {
        return IntStream.rangeClosed(1, service.instances(settings.instances()))
                .allMatch(instance -> ready(settings.portBase() + service.portOffset(instance)));
    }

    private boolean ready(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void recreateStructureDatabase() {
        String database = "structure" + settings.structureDatabaseSuffix();
        try (Connection connection = DriverManager.getConnection(SHARED_SERVER + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
            statement.execute("CREATE DATABASE \"" + database + "\" OWNER structure");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate " + database + " on the shared server", e);
        }
    }

    /** Stops the services, the broker and the throwaway cluster, each even if another one fails to stop. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (String[] step : new String[][] {{"deploy/run.sh", "stop"}, {"deploy/kafka.sh", "stop"},
                {"deploy/throwaway-postgres.sh", "destroy"}}) {
            try {
                scripts.run(step[0], step[1]);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        exclusiveRun.close();
        if (failure != null) {
            throw failure;
        }
    }

}
