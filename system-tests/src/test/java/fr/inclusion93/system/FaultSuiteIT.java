package fr.inclusion93.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue #5, short variant (CI): every service killed once, the broker stopped, the consumers' database down for more
 * than a minute, under continuous writes; nothing accepted may be lost, applied twice or dead-lettered.
 * {@code deploy/faults.sh} runs the full variant of the same test.
 */
class FaultSuiteIT {

    /** Pid files, broker data, the throwaway cluster and the logs, outside target/: a mvn clean must not orphan them. */
    private static final Path WORK = DeployScript.ROOT.resolve("deploy/.run/faults");

    @Test
    void everyAcceptedWriteReachesEveryConsumerExactlyOnceWhateverFails() {
        FaultSettings settings = FaultSettings.fromSystemProperties();

        FaultReport report = new FaultSuite(settings, WORK).run();

        assertThat(report.accepted()).as("writes accepted").isGreaterThanOrEqualTo(settings.minimumAccepted());
        assertThat(report.lost()).as("accepted writes missing from a projection").isZero();
        assertThat(report.appliedTwice()).as("events applied twice").isZero();
        assertThat(report.deadLettered()).as("records dead-lettered").isZero();
    }
}
