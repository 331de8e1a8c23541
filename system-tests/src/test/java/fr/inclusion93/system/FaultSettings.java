package fr.inclusion93.system;

import java.time.Duration;

/**
 * How hard and how long the fault suite pushes, and where its own system runs. The short variant (default, run by CI)
 * still keeps the consumers' database down for longer than a minute; {@code -Dfaults.full=true} is the issue's
 * full run. {@code -Dfaults.instances=2} runs two instances of each service behind the gateway (a kill then takes one
 * down; the other serves meanwhile). Every value can be overridden by a system property {@code faults.<name>} (durations in seconds).
 */
record FaultSettings(
        int portBase,
        int kafkaPort,
        int kafkaControllerPort,
        int consumerDatabasePort,
        String structureDatabaseSuffix,
        int instances,
        int clients,
        int paymentClients,
        Duration writeInterval,
        Duration brokerOutage,
        Duration consumerDatabaseOutage,
        Duration calm,
        Duration recoveryLimit,
        Duration settleLimit,
        int minimumAccepted) {

    static FaultSettings fromSystemProperties() {
        boolean full = Boolean.getBoolean("faults.full");
        return new FaultSettings(
                integer("port-base", 38080),
                integer("kafka-port", 39092),
                integer("kafka-controller-port", 39093),
                integer("postgres-port", 35432),
                System.getProperty("faults.db-suffix", "_faults"),
                integer("instances", 1),
                integer("clients", 4),
                integer("payment-clients", 2),
                Duration.ofMillis(integer("write-interval-ms", 100)),
                seconds("broker-outage", full ? 60 : 20),
                seconds("consumer-db-outage", full ? 90 : 68),
                seconds("calm", full ? 20 : 5),
                seconds("recovery-limit", 90),
                seconds("settle-limit", 120),
                integer("min-accepted", full ? 2000 : 500));
    }

    String gateway() {
        return "http://127.0.0.1:" + portBase;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    String consumerDatabaseUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + consumerDatabasePort + "/" + database;
    }

    private static int integer(String name, int fallback) {
        return Integer.getInteger("faults." + name, fallback);
    }

    private static Duration seconds(String name, int fallback) {
        return Duration.ofSeconds(integer(name, fallback));
    }
}
