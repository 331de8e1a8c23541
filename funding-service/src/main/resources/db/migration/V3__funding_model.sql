-- The money: funders, programmes (dispositifs), envelopes, funding lines (subventions) with their "dont" sub-lines,
-- outputs and multi-year forecasts, and the append-only payments. Amounts are integer euro cents (BIGINT) everywhere.
-- What a single row can say is a CHECK here; what concerns several rows (an envelope's ceiling, a parent's amount,
-- a line's payments) is checked by the service under a row lock (FOR UPDATE) in the transaction of the change.
-- `key`: an optional stable identifier (kebab-case) so that a loader can load twice and load once.

CREATE TABLE funder (
    id         UUID PRIMARY KEY,
    key        VARCHAR(100) UNIQUE CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name       VARCHAR(200) NOT NULL CHECK (btrim(name) <> ''),
    siret      VARCHAR(14)  CHECK (siret ~ '^[0-9]{14}$'),
    created_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE programme (
    id                    UUID PRIMARY KEY,
    key                   VARCHAR(100) UNIQUE CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name                  VARCHAR(200) NOT NULL CHECK (btrim(name) <> ''),
    funder_id             UUID NOT NULL REFERENCES funder (id),
    fund                  VARCHAR(300),
    amount_per_post_cents BIGINT CHECK (amount_per_post_cents > 0),
    funded_months         INTEGER CHECK (funded_months > 0),
    created_at            TIMESTAMPTZ NOT NULL
);

CREATE TABLE envelope (
    id              UUID PRIMARY KEY,
    key             VARCHAR(100) UNIQUE CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    programme_id    UUID NOT NULL REFERENCES programme (id),
    year            INTEGER CHECK (year BETWEEN 2000 AND 2100),
    territory_level VARCHAR(11) NOT NULL CHECK (territory_level IN ('COMMUNE', 'EPT', 'DEPARTEMENT')),
    territory_code  VARCHAR(9)  NOT NULL,
    ceiling_cents   BIGINT CHECK (ceiling_cents >= 0),   -- null: not stated, nothing to check against
    created_at      TIMESTAMPTZ NOT NULL
);

-- Beneficiaries: the host structures projected from structure.events, and outside organisations created here.
ALTER TABLE beneficiary
    ADD COLUMN kind       VARCHAR(20) NOT NULL DEFAULT 'HOST_STRUCTURE'
                          CHECK (kind IN ('HOST_STRUCTURE', 'OUTSIDE_ORGANISATION')),
    ADD COLUMN key        VARCHAR(100) UNIQUE CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    ADD COLUMN created_at TIMESTAMPTZ,
    ALTER COLUMN commune_insee DROP NOT NULL,
    ALTER COLUMN last_event_id DROP NOT NULL,
    ALTER COLUMN event_occurred_at DROP NOT NULL,
    ALTER COLUMN projected_at DROP NOT NULL,
    -- a projected row keeps what the projection always wrote; an outside organisation has its creation time instead
    ADD CONSTRAINT beneficiary_projected_or_created CHECK (
        (kind = 'HOST_STRUCTURE' AND commune_insee IS NOT NULL AND last_event_id IS NOT NULL
             AND event_occurred_at IS NOT NULL AND projected_at IS NOT NULL)
        OR (kind = 'OUTSIDE_ORGANISATION' AND created_at IS NOT NULL));
CREATE UNIQUE INDEX beneficiary_outside_siret ON beneficiary (siret) WHERE kind = 'OUTSIDE_ORGANISATION';
CREATE UNIQUE INDEX beneficiary_outside_rna ON beneficiary (rna) WHERE kind = 'OUTSIDE_ORGANISATION';

CREATE TABLE funding_line (
    id                      UUID PRIMARY KEY,
    key                     VARCHAR(100) UNIQUE CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    envelope_id             UUID NOT NULL REFERENCES envelope (id),
    parent_id               UUID REFERENCES funding_line (id),
    beneficiary_id          UUID REFERENCES beneficiary (id),
    beneficiary_description VARCHAR(500),
    object                  VARCHAR(256) NOT NULL CHECK (btrim(object) <> ''),
    amount_cents            BIGINT CHECK (amount_cents > 0),
    nature                  VARCHAR(9) CHECK (nature IN ('NUMERAIRE', 'EN_NATURE')),
    decision_date           DATE,
    decision_reference      VARCHAR(100),
    convention_date         DATE,
    convention_reference    VARCHAR(100),
    payment_conditions      VARCHAR(8) CHECK (payment_conditions IN ('SINGLE', 'TRANCHES')),
    territory_level         VARCHAR(11) CHECK (territory_level IN ('COMMUNE', 'EPT', 'DEPARTEMENT')),
    territory_code          VARCHAR(9),
    cofinancing_share_bp    INTEGER CHECK (cofinancing_share_bp BETWEEN 0 AND 10000),
    year                    INTEGER CHECK (year BETWEEN 2000 AND 2100),
    status                  VARCHAR(11) NOT NULL
                            CHECK (status IN ('DRAFT', 'COMMITTED', 'PARTLY_PAID', 'PAID', 'CLOSED', 'CANCELLED')),
    paid_cents              BIGINT NOT NULL DEFAULT 0,   -- the sum of the line's payments, kept under the line's lock
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    CHECK (parent_id IS NULL OR parent_id <> id),
    CHECK ((territory_level IS NULL) = (territory_code IS NULL)),
    -- a commitment has an amount; a line's payments stay between zero and its amount, and its status says where
    CHECK (status IN ('DRAFT', 'CANCELLED') OR amount_cents IS NOT NULL),
    CHECK (paid_cents >= 0 AND paid_cents <= COALESCE(amount_cents, 0)),
    CHECK (status <> 'COMMITTED' OR paid_cents = 0),
    CHECK (status <> 'PARTLY_PAID' OR (paid_cents > 0 AND paid_cents < amount_cents)),
    CHECK (status NOT IN ('PAID', 'CLOSED') OR paid_cents = amount_cents),
    CHECK (status NOT IN ('DRAFT', 'CANCELLED') OR paid_cents = 0)
);
CREATE INDEX funding_line_envelope ON funding_line (envelope_id) WHERE parent_id IS NULL;
CREATE INDEX funding_line_parent ON funding_line (parent_id);

CREATE TABLE line_output (
    line_id          UUID    NOT NULL REFERENCES funding_line (id),
    position         INTEGER NOT NULL,
    unit             VARCHAR(100) NOT NULL,
    description      VARCHAR(500),
    target           BIGINT  NOT NULL CHECK (target > 0),
    target_qualifier VARCHAR(8)  CHECK (target_qualifier IN ('UP_TO', 'AT_LEAST', 'ABOUT')),  -- null: as stated
    PRIMARY KEY (line_id, position)
);

-- Later years of a multi-year line: shown as forecasts, never counted as committed.
CREATE TABLE line_forecast (
    line_id      UUID    NOT NULL REFERENCES funding_line (id),
    year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    amount_cents BIGINT  NOT NULL CHECK (amount_cents > 0),
    PRIMARY KEY (line_id, year)
);

-- Payments: append-only. A tranche is positive, a credit note (avoir, clawback) negative; a correction is a new entry.
CREATE TABLE payment (
    id           UUID PRIMARY KEY,
    line_id      UUID        NOT NULL REFERENCES funding_line (id),
    kind         VARCHAR(11) NOT NULL CHECK (kind IN ('TRANCHE', 'CREDIT_NOTE')),
    amount_cents BIGINT      NOT NULL CHECK (amount_cents <> 0),
    paid_on      DATE        NOT NULL,
    reference    VARCHAR(100) NOT NULL CHECK (btrim(reference) <> ''),
    recorded_at  TIMESTAMPTZ NOT NULL,
    CHECK ((kind = 'TRANCHE') = (amount_cents > 0))
);
CREATE INDEX payment_line ON payment (line_id, recorded_at);

CREATE FUNCTION payment_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'payment rows are append-only: record a new entry (a credit note) instead of %', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER payment_append_only BEFORE UPDATE OR DELETE ON payment
    FOR EACH ROW EXECUTE FUNCTION payment_is_append_only();
CREATE TRIGGER payment_no_truncate BEFORE TRUNCATE ON payment
    FOR EACH STATEMENT EXECUTE FUNCTION payment_is_append_only();
