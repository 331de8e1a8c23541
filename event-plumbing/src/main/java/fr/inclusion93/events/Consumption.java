package fr.inclusion93.events;

/** What became of one received event; each is counted in {@code events_consumed_total{result}}. */
public enum Consumption {
    /** The effect ran. */
    APPLIED("applied"),
    /** This event id was applied before. */
    DUPLICATE("duplicate"),
    /** A version of its aggregate at or below the one already applied. */
    STALE("stale"),
    /** It came ahead of an earlier version of its aggregate: kept until that one arrives. */
    HELD("held"),
    /** A type this consumer does not read: only its aggregate's version moved on. */
    SKIPPED("skipped"),
    /** A type this consumer does not read, without an aggregate version: left alone. */
    OTHER_TYPE("other-type"),
    /** A schema version of a type this consumer reads in another version (a side-by-side copy). */
    UNSUPPORTED_VERSION("unsupported-version");

    private final String metricTag;

    Consumption(String metricTag) {
        this.metricTag = metricTag;
    }

    String metricTag() {
        return metricTag;
    }
}
