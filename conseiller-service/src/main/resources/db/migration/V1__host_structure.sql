-- This service's own view of the host structures registered in structure-service (fed by structure.events).
CREATE TABLE host_structure (
    id                UUID PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    siret             VARCHAR(14)  NOT NULL,
    commune_insee     VARCHAR(5)   NOT NULL,
    active            BOOLEAN      NOT NULL,
    last_event_id     UUID         NOT NULL,
    event_occurred_at TIMESTAMPTZ  NOT NULL,  -- when structure-service wrote the event
    projected_at      TIMESTAMPTZ  NOT NULL   -- when this service applied it: the difference is the propagation lag
);
