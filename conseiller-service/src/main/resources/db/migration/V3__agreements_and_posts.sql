-- The territorial agreements and their posts. A post counts against its agreement's total and against the quota of
-- the territory its host structure is in (when the agreement sets one) until it is returned; openings lock the
-- agreement's row first, so that concurrent openings are counted one after the other.
CREATE TABLE agreement (
    id               UUID PRIMARY KEY,
    key              VARCHAR(100) UNIQUE CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name             VARCHAR(200) NOT NULL CHECK (btrim(name) <> ''),
    signed_on        DATE         NOT NULL,
    departement_code VARCHAR(3)   NOT NULL,
    total_posts      INTEGER      NOT NULL CHECK (total_posts > 0),
    state_funded_months INTEGER   NOT NULL CHECK (state_funded_months > 0),
    created_at       TIMESTAMPTZ  NOT NULL
);

CREATE TABLE agreement_signatory (
    agreement_id UUID         NOT NULL REFERENCES agreement (id),
    position     INTEGER      NOT NULL,
    name         VARCHAR(200) NOT NULL,
    kind         VARCHAR(11)  NOT NULL CHECK (kind IN ('STATE', 'DEPARTEMENT', 'EPT', 'COMMUNE', 'OTHER')),
    PRIMARY KEY (agreement_id, position)
);

-- Quotas are set by the user (the release gives only the total); each is for one territory of the département.
CREATE TABLE agreement_quota (
    agreement_id    UUID        NOT NULL REFERENCES agreement (id),
    territory_level VARCHAR(11) NOT NULL CHECK (territory_level IN ('COMMUNE', 'EPT')),
    territory_code  VARCHAR(9)  NOT NULL,
    posts           INTEGER     NOT NULL CHECK (posts >= 0),
    PRIMARY KEY (agreement_id, territory_level, territory_code)
);

CREATE TABLE post (
    id                 UUID PRIMARY KEY,
    agreement_id       UUID        NOT NULL REFERENCES agreement (id),
    structure_id       UUID        NOT NULL REFERENCES host_structure (id),
    commune_insee      VARCHAR(5)  NOT NULL,
    ept_siren          VARCHAR(9),
    state              VARCHAR(10) NOT NULL CHECK (state IN ('VACANT', 'RECRUITING', 'OCCUPIED', 'ENDED', 'RETURNED')),
    funding            VARCHAR(8)  NOT NULL CHECK (funding IN ('PENDING', 'RESERVED', 'REFUSED', 'RELEASED')),
    funding_line_id    UUID,
    funding_detail     VARCHAR(500),
    opened_on          DATE        NOT NULL,
    returned_on        DATE,
    flag               VARCHAR(500),   -- what needs someone's action (its host structure closed), null when nothing
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    CHECK ((state = 'RETURNED') = (returned_on IS NOT NULL))
);
CREATE INDEX post_agreement ON post (agreement_id) WHERE state <> 'RETURNED';
CREATE INDEX post_structure ON post (structure_id);
