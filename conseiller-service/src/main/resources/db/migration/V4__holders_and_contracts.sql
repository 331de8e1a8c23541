-- The people who hold the posts (minimal personal data, erasable without losing history) and their contracts.
-- One running contract per post and per person: the two partial unique indexes hold it under concurrent requests.
CREATE TABLE conseiller (
    id         UUID PRIMARY KEY,
    name       VARCHAR(200),           -- null once erased
    email      VARCHAR(254),           -- professional e-mail; null once erased
    erased_on  DATE,
    created_at TIMESTAMPTZ NOT NULL,
    CHECK ((erased_on IS NULL) = (name IS NOT NULL AND email IS NOT NULL))
);

CREATE TABLE contract (
    id                  UUID PRIMARY KEY,
    post_id             UUID        NOT NULL REFERENCES post (id),
    conseiller_id       UUID        NOT NULL REFERENCES conseiller (id),
    type                VARCHAR(17) NOT NULL CHECK (type IN ('CDD', 'CDI', 'CONTRAT_DE_PROJET')),
    start_on            DATE        NOT NULL,
    planned_end_on      DATE        NOT NULL CHECK (planned_end_on > start_on),
    state_funded_months INTEGER     NOT NULL CHECK (state_funded_months > 0),
    training_mode       VARCHAR(9)  NOT NULL CHECK (training_mode IN ('ONLINE', 'IN_PERSON', 'HYBRID')),
    ended_on            DATE,
    end_reason          VARCHAR(16) CHECK (end_reason IN ('LICENCIEMENT', 'NON_RECONDUCTION', 'DEMISSION', 'TERM')),
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
    CHECK (ended_on IS NULL OR ended_on >= start_on)
);
CREATE UNIQUE INDEX contract_running_per_post ON contract (post_id) WHERE ended_on IS NULL;
CREATE UNIQUE INDEX contract_running_per_conseiller ON contract (conseiller_id) WHERE ended_on IS NULL;
CREATE INDEX contract_post ON contract (post_id, start_on);
