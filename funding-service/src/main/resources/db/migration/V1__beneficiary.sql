-- This service's own view of the structures registered in structure-service, as potential funding beneficiaries (fed by structure.events).
CREATE TABLE beneficiary (
    id                UUID PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    siret             VARCHAR(14)  NOT NULL,
    commune_insee     VARCHAR(5)   NOT NULL,
    last_event_id     UUID         NOT NULL,
    event_occurred_at TIMESTAMPTZ  NOT NULL,  -- when structure-service wrote the event
    projected_at      TIMESTAMPTZ  NOT NULL   -- when this service applied it: the difference is the propagation lag
);
