-- What the conseillers do: permanences, ateliers, mini-formations, entered a month at a time per post (a month's entry
-- replaces the previous one). The place's commune and EPT are copied when recorded, for the reports.
CREATE TABLE activity (
    id               UUID PRIMARY KEY,
    post_id          UUID         NOT NULL REFERENCES post (id),
    month            DATE         NOT NULL CHECK (extract(day FROM month) = 1),
    kind             VARCHAR(14)  NOT NULL CHECK (kind IN ('PERMANENCE', 'ATELIER', 'MINI_FORMATION')),
    held_on          DATE         NOT NULL CHECK (date_trunc('month', held_on) = month),
    duration_minutes INTEGER      NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
    place_id         UUID         NOT NULL REFERENCES host_structure (id),
    commune_insee    VARCHAR(5)   NOT NULL,
    ept_siren        VARCHAR(9),
    themes           VARCHAR(24)[] NOT NULL CHECK (cardinality(themes) > 0),
    other_theme      VARCHAR(200) CHECK ((other_theme IS NOT NULL) = ('AUTRE' = ANY (themes))),
    people_helped    INTEGER      NOT NULL CHECK (people_helped >= 0),
    recorded_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX activity_post_month ON activity (post_id, month);
CREATE INDEX activity_held_on ON activity (held_on);
