package fr.inclusion93.system;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Issue #5's scenario: continuous writes through the gateway while, one at a time, every service is killed with
 * SIGKILL and restarted, the broker is stopped and restarted, and the consumers' PostgreSQL is made unavailable. Then
 * every accepted write is looked for in every consumer's projection, and every accepted payment in funding-service's
 * ledger and its events in the topic.
 */
final class FaultSuite {

    private final FaultSettings settings;
    private final Path work;
    private final List<ConsumerProjection> consumers;
    private WriteLoad load;
    private PaymentLoad payments;

    FaultSuite(FaultSettings settings, Path work) {
        this.settings = settings;
        this.work = work;
        this.consumers = ConsumerProjection.all(settings);
    }

    FaultReport run() {
        try (SystemUnderFaults system = SystemUnderFaults.start(settings, work)) {
            progress("system up: gateway %s, %d instance(s) of each service, broker %s, consumers' PostgreSQL on port %d"
                    .formatted(settings.gateway(), settings.instances(), settings.bootstrapServers(),
                            settings.consumerDatabasePort()));
            DeadLetters deadLetters = new DeadLetters(settings.bootstrapServers());
            long deadLettersBefore = deadLetters.count();
            long started = System.nanoTime();
            WriteLoad writes = WriteLoad.start(settings.gateway(), system.adminToken(), settings.clients(), settings.writeInterval());
            PaymentLoad paying = PaymentLoad.start(settings.gateway(), system.adminToken(), settings.paymentClients(),
                    settings.writeInterval());
            try (writes; paying) {
                load = writes;
                payments = paying;
                progress(settings.clients() + " clients writing structures, " + settings.paymentClients()
                        + " recording payments on line " + paying.lineId());
                keepWriting(settings.calm());
                injectFaults(system);
            }
            load = null; // the counts are final: said once here rather than on every line
            payments = null;
            progress("writes stopped: " + writes.summary() + "; " + paying.summary());
            return verdict(writes.accepted(), paying, deadLetters.count() - deadLettersBefore, started);
        }
    }

    private void injectFaults(SystemUnderFaults system) {
        for (Service service : Service.values()) {
            progress("kill -9 " + service.scriptName);
            system.kill(service);
            system.startMissingServices();
            progress(service.scriptName + " restarted");
            recover(system);
        }
        progress("broker down for " + settings.brokerOutage().toSeconds() + " s");
        system.stopBroker();
        outageLasts(settings.brokerOutage());
        system.startBroker();
        progress("broker restarted");
        recover(system);
        progress("consumers' PostgreSQL down for " + settings.consumerDatabaseOutage().toSeconds() + " s");
        system.stopConsumerDatabase();
        outageLasts(settings.consumerDatabaseOutage());
        system.startConsumerDatabase();
        progress("consumers' PostgreSQL restarted");
        awaitReady(system); // catching up is the verdict's business
        keepWriting(settings.calm());
    }

    /**
     * Before the next fault: every service ready and every consumer caught up with what was accepted so far (so each
     * fault hits a system that recovered from the previous one), then a spell of plain writes. Reaching the limit is not
     * fatal: the verdict will show what did not recover.
     */
    private void recover(SystemUnderFaults system) {
        awaitReady(system);
        Set<UUID> acceptedSoFar = load.accepted();
        try {
            await().atMost(settings.recoveryLimit()).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> consumers.stream().allMatch(consumer -> consumer.missing(acceptedSoFar).isEmpty()));
            progress("consumers caught up");
        } catch (ConditionTimeoutException e) {
            progress("consumers not caught up after " + settings.recoveryLimit().toSeconds() + " s");
        }
        keepWriting(settings.calm());
    }

    private void awaitReady(SystemUnderFaults system) {
        List<Service> notReady = system.awaitReady(settings.recoveryLimit());
        if (!notReady.isEmpty()) {
            progress("still not ready after " + settings.recoveryLimit().toSeconds() + " s: " + notReady);
        }
    }

    private FaultReport verdict(Set<UUID> accepted, PaymentLoad paying, long deadLettered, long started) {
        progress("waiting up to " + settings.settleLimit().toSeconds() + " s for the projections to hold every accepted write");
        try {
            await().atMost(settings.settleLimit()).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .until(() -> consumers.stream().allMatch(consumer -> consumer.missing(accepted).isEmpty()));
        } catch (ConditionTimeoutException e) {
            progress("some accepted writes never reached a projection");
        }
        Map<String, String> aggregateOfEvent = outbox().pairs("select event_id, aggregate_id from outbox_event").stream()
                .collect(Collectors.toMap(row -> row[0], row -> row[1]));
        long lost = 0;
        long appliedTwice = 0;
        for (ConsumerProjection consumer : consumers) {
            long consumerLost = consumer.missing(accepted).size();
            long consumerTwice = consumer.appliedTwice(accepted, aggregateOfEvent);
            progress("%s: %d lost, %d applied twice".formatted(consumer.service(), consumerLost, consumerTwice));
            lost += consumerLost;
            appliedTwice += consumerTwice;
        }
        PaymentLedger.Verdict money = paymentVerdict(paying);
        progress(money.line() + (paying.unexpectedlyRefused() == 0 ? "" : "; " + paying.unexpectedlyRefused()
                + " valid payments refused"));
        lost += money.lost() + paying.unexpectedlyRefused();
        appliedTwice += money.appliedTwice();
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        FaultReport report = new FaultReport(accepted.size() + money.accepted(), lost, appliedTwice, deadLettered, seconds);
        System.out.println(report.line());
        return report;
    }

    /** The ledger as it stands once the outbox relay has published every payment's event (or the settle limit passed). */
    private PaymentLedger.Verdict paymentVerdict(PaymentLoad paying) {
        PaymentLedger ledger = new PaymentLedger(new Database(settings.consumerDatabaseUrl("funding"), "funding"),
                settings.bootstrapServers());
        try {
            await().atMost(settings.settleLimit()).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .until(() -> ledger.check(paying.lineId(), paying.accepted()).eventsNotPublished() == 0);
        } catch (ConditionTimeoutException e) {
            progress("some payments' events never reached " + PaymentLedger.TOPIC);
        }
        return ledger.check(paying.lineId(), paying.accepted());
    }

    private Database outbox() {
        return new Database("jdbc:postgresql://127.0.0.1:5432/structure" + settings.structureDatabaseSuffix(), "structure");
    }

    /** A fault lasts a fixed time, and so does a spell of writing without one: both are plain waits. */
    private static void outageLasts(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fault suite interrupted", e);
        }
    }

    private static void keepWriting(Duration duration) {
        outageLasts(duration);
    }

    private void progress(String message) {
        String writes = load == null ? "" : " (writes: " + load.summary() + "; " + payments.summary() + ")";
        System.out.println("[faults " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message + writes);
    }
}
