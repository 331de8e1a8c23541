-- Per-aggregate versions, parking of unsendable rows, a relay lease instead of a lock, trace context,
-- and what consumers need to apply each aggregate's events in version order.

-- Producer side ------------------------------------------------------------------------------------

-- The last version given to each aggregate; incremented (row-locked) in the transaction of the change.
CREATE TABLE outbox_aggregate_version (
    aggregate_type VARCHAR(100) NOT NULL,
    aggregate_id   VARCHAR(100) NOT NULL,
    version        BIGINT       NOT NULL,
    PRIMARY KEY (aggregate_type, aggregate_id)
);

ALTER TABLE outbox_event
    ADD COLUMN aggregate_version  BIGINT,                    -- null only for rows written before versions existed
    ADD COLUMN traceparent        VARCHAR(55),               -- W3C trace context of the change that wrote the row
    ADD COLUMN attempts           INTEGER NOT NULL DEFAULT 0, -- sends that failed because of the row itself
    ADD COLUMN next_attempt_at    TIMESTAMPTZ,
    ADD COLUMN last_error         TEXT,
    ADD COLUMN parked_at          TIMESTAMPTZ,               -- given up after outbox.max-attempts: waits for an operator
    ADD COLUMN discarded_envelope TEXT;                      -- what an operator discarded, kept for the record

-- Rows in trouble are few: the relay checks them to hold back their aggregate's later events.
CREATE INDEX outbox_event_troubled ON outbox_event (aggregate_type, aggregate_id, id)
    WHERE sent_at IS NULL AND attempts > 0;

-- One relay publishes at a time per database; the lease expires if its holder dies.
CREATE TABLE outbox_relay_lease (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    holder     VARCHAR(200),
    expires_at TIMESTAMPTZ NOT NULL
);
INSERT INTO outbox_relay_lease (id, holder, expires_at) VALUES (1, NULL, 'epoch');

-- Consumer side ------------------------------------------------------------------------------------

ALTER TABLE processed_event
    ADD COLUMN aggregate_type    VARCHAR(100),
    ADD COLUMN aggregate_id      VARCHAR(100),
    ADD COLUMN aggregate_version BIGINT,
    ADD COLUMN trace_id          VARCHAR(32);     -- the request that caused the event, to follow it in the logs
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);

-- The last version of each aggregate a consumer has applied (or skipped, for types it does not read).
CREATE TABLE consumed_aggregate (
    consumer       VARCHAR(100) NOT NULL,
    aggregate_type VARCHAR(100) NOT NULL,
    aggregate_id   VARCHAR(100) NOT NULL,
    version        BIGINT       NOT NULL,
    PRIMARY KEY (consumer, aggregate_type, aggregate_id)
);

-- Events that arrived ahead of an earlier version of their aggregate; applied once the gap is filled.
CREATE TABLE held_event (
    consumer          VARCHAR(100) NOT NULL,
    aggregate_type    VARCHAR(100) NOT NULL,
    aggregate_id      VARCHAR(100) NOT NULL,
    aggregate_version BIGINT       NOT NULL,
    event_id          UUID         NOT NULL,
    envelope          TEXT         NOT NULL,
    traceparent       VARCHAR(55),
    held_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, aggregate_type, aggregate_id, aggregate_version)
);
