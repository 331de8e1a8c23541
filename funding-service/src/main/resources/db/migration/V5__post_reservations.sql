-- Post subsidies: the saga with conseiller-service. An envelope can fund an agreement's posts (agreement_id: the
-- agreement's id in conseiller-service); its programme says how much per post and for how many months. Each post's
-- reservation is a COMMITTED funding line in that envelope (so the ceiling rule and every report count it), and its
-- outcome is kept here, once per post: a redelivered or late event finds it and changes nothing.
ALTER TABLE envelope ADD COLUMN agreement_id UUID UNIQUE;

CREATE TABLE post_reservation (
    post_id         UUID PRIMARY KEY,
    agreement_id    UUID        NOT NULL,
    envelope_id     UUID REFERENCES envelope (id),
    line_id         UUID REFERENCES funding_line (id),
    status          VARCHAR(8)  NOT NULL CHECK (status IN ('RESERVED', 'REFUSED', 'RELEASED', 'ENDED')),
    reserved_cents  BIGINT      NOT NULL DEFAULT 0 CHECK (reserved_cents >= 0),
    released_cents  BIGINT      NOT NULL DEFAULT 0 CHECK (released_cents >= 0 AND released_cents <= reserved_cents),
    funded_months   INTEGER CHECK (funded_months > 0),
    refusal_reason  VARCHAR(40) CHECK (refusal_reason IN ('NO_ENVELOPE_FOR_AGREEMENT', 'PROGRAMME_WITHOUT_POST_AMOUNT',
                                                          'CEILING_EXCEEDED')),
    refusal_detail  VARCHAR(500),
    ended_on        DATE,
    months_consumed INTEGER CHECK (months_consumed >= 0),
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    CHECK ((status = 'REFUSED') = (refusal_reason IS NOT NULL)),
    CHECK (status NOT IN ('RESERVED', 'RELEASED') OR line_id IS NOT NULL)
);
CREATE INDEX post_reservation_agreement ON post_reservation (agreement_id, post_id);
