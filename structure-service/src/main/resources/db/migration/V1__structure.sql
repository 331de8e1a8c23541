CREATE TABLE structure (
    id            UUID PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    siret         VARCHAR(14)    NOT NULL,
    commune_insee VARCHAR(5)    NOT NULL,
    status        VARCHAR(20)  NOT NULL CHECK (status IN ('ACTIVE', 'CLOSED')),
    registered_at TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);

-- Duplicates are the first problem of the real systems: one active structure per SIRET.
CREATE UNIQUE INDEX structure_active_siret ON structure (siret) WHERE status = 'ACTIVE';
CREATE INDEX structure_commune ON structure (commune_insee);
