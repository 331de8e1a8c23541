-- Shared by every service (shipped in the event-plumbing jar); service migrations start at V1.

-- Events waiting to leave this service: written in the same transaction as the change they describe.
CREATE TABLE outbox_event (
    id             BIGSERIAL PRIMARY KEY,            -- publication order
    event_id       UUID         NOT NULL UNIQUE,
    topic          VARCHAR(200) NOT NULL,
    aggregate_type VARCHAR(100) NOT NULL,
    aggregate_id   VARCHAR(100) NOT NULL,            -- Kafka key: order is kept per aggregate
    event_type     VARCHAR(100) NOT NULL,
    schema_version INTEGER      NOT NULL,
    envelope       TEXT         NOT NULL,            -- the exact JSON body sent to Kafka
    occurred_at    TIMESTAMPTZ  NOT NULL,
    sent_at        TIMESTAMPTZ
);
CREATE INDEX outbox_event_unsent ON outbox_event (id) WHERE sent_at IS NULL;

-- Events this service has applied, recorded in the same transaction as their effect.
CREATE TABLE processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     UUID         NOT NULL,
    event_type   VARCHAR(100) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
