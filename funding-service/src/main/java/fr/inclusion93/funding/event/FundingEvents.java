package fr.inclusion93.funding.event;

/** What funding-service publishes on {@code funding.events} (schemas: event-plumbing's event-schemas). */
public final class FundingEvents {

    public static final String TOPIC = "funding.events";
    /** Aggregate type of the line events; the key is the line id. */
    public static final String LINE = "funding-line";
    public static final String LINE_COMMITTED = "FundingLineCommitted";
    public static final String PAYMENT_RECORDED = "PaymentRecorded";
    public static final int SCHEMA_VERSION = 1;

    private FundingEvents() {
    }
}
