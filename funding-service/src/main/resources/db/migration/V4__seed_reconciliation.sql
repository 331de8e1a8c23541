-- What a bundled seed (a press release) states beside the ledger, so that the reconciliation report is computed from
-- the database: its stated totals with the parts (line keys) each one claims and their figures as published, and the
-- entries the model's rules refused when the seed was loaded (the seed keeps them; the ledger does not).

-- A total the release states: "plus d'1,6 millions d'euros", "210 000€ … dont :". Written once per key by the loader.
CREATE TABLE seed_stated_total (
    key         VARCHAR(100) PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    seed        VARCHAR(100) NOT NULL,                 -- the seed file it comes from, e.g. release-2021-01-15
    position    INTEGER      NOT NULL,                 -- its place in the file, for a stable report order
    wording     VARCHAR(300) NOT NULL,                 -- the figure as written (verbatim)
    qualifier   VARCHAR(20)  CHECK (qualifier IN ('plus de', 'près de')),   -- null: a plain figure
    value_cents BIGINT       NOT NULL CHECK (value_cents > 0),
    kind        VARCHAR(5)   NOT NULL CHECK (kind IN ('total', 'dont')),
    claims      VARCHAR(500) NOT NULL,                 -- what the release says it is the total of (verbatim)
    parts_identified BOOLEAN NOT NULL,                 -- false: the release does not say which lines it sums
    parts_basis VARCHAR(500),
    source      TEXT         NOT NULL,                 -- the sentence (verbatim)
    loaded_at   TIMESTAMPTZ  NOT NULL,
    UNIQUE (seed, position)
);

-- The lines a stated total sums, by key, with each one's amount as the release publishes it (null: not given).
-- The line itself may be in the ledger (funding_line.key), or refused (seed_refusal.key).
CREATE TABLE seed_stated_total_part (
    stated_total_key       VARCHAR(100) NOT NULL REFERENCES seed_stated_total (key),
    position               INTEGER      NOT NULL,
    line_key               VARCHAR(100) NOT NULL,
    published_amount_cents BIGINT CHECK (published_amount_cents > 0),
    PRIMARY KEY (stated_total_key, position),
    UNIQUE (stated_total_key, line_key)
);

-- An entry of a seed that a rule of the model refused (e.g. a "dont" sub-line above its parent): what was asked
-- and the problem's answer, kept once per entry (a second load that meets the same refusal adds nothing).
CREATE TABLE seed_refusal (
    seed             VARCHAR(100) NOT NULL,
    entity_kind      VARCHAR(20)  NOT NULL CHECK (entity_kind IN ('funder', 'programme', 'envelope', 'beneficiary', 'line')),
    key              VARCHAR(100) NOT NULL,
    requested_cents  BIGINT,                            -- the amount the entry asked for (lines), as published
    problem_status   INTEGER      NOT NULL,
    problem_type     VARCHAR(300) NOT NULL,
    problem_title    VARCHAR(300) NOT NULL,
    problem_detail   TEXT         NOT NULL,             -- with the figures: limit, already counted, requested, excess
    problem_errors   JSONB        NOT NULL,
    refused_at       TIMESTAMPTZ  NOT NULL,
    refused_by       VARCHAR(200) NOT NULL,
    PRIMARY KEY (seed, entity_kind, key)
);

-- One row per part of a stated total: its published figure beside what the ledger holds for the same key.
CREATE VIEW reconciliation_part AS
SELECT p.stated_total_key,
       p.position,
       p.line_key,
       p.published_amount_cents,
       l.id                                                          AS line_id,
       l.status                                                      AS line_status,
       CASE WHEN l.status <> 'CANCELLED' THEN l.amount_cents END      AS loaded_amount_cents,
       r.key IS NOT NULL AND l.id IS NULL                            AS refused,
       r.problem_detail                                              AS refusal_detail
FROM seed_stated_total_part p
JOIN seed_stated_total t ON t.key = p.stated_total_key
LEFT JOIN funding_line l ON l.key = p.line_key
LEFT JOIN seed_refusal r ON r.seed = t.seed AND r.entity_kind = 'line' AND r.key = p.line_key;
