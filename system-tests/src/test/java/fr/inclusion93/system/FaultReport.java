package fr.inclusion93.system;

/** The outcome of one fault run, and the one line that says it. */
record FaultReport(long accepted, long lost, long appliedTwice, long deadLettered, long seconds) {

    String line() {
        return "faults: %d writes accepted, %d lost, %d applied twice, %d dead-lettered, %d s"
                .formatted(accepted, lost, appliedTwice, deadLettered, seconds);
    }
}
