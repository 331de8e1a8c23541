-- The registry of host structures: identity (SIRET or RNA, or a parent for a branch without either), kind and
-- type, place (address, commune and its EPT, QPV, coordinates), opening hours, services, public contact, status.

-- Types of structure: the list grows without a release (PUT /api/structure-types/{code}).
CREATE TABLE structure_type (
    code  VARCHAR(40)  PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    label VARCHAR(120) NOT NULL
);
-- Codes of the national typology of lieux de médiation numérique where one exists (MUNI, BIB, RFS, CCAS, ASSO…).
INSERT INTO structure_type (code, label) VALUES
    ('MUNI', 'Mairie'),
    ('BIB', 'Bibliothèque / médiathèque'),
    ('RFS', 'France Services'),
    ('EHPAD', 'EHPAD / maison de retraite'),
    ('CCAS', 'Centre communal d''action sociale'),
    ('ASSO', 'Association de proximité'),
    ('ESS', 'Acteur de l''économie sociale et solidaire'),
    ('COLLECTIVITE', 'Autre collectivité (département, EPT, EPCI)'),
    ('TIERS_LIEUX', 'Tiers-lieu'),
    ('CSC', 'Centre social'),
    ('EPN', 'Espace public numérique');

ALTER TABLE structure
    ALTER COLUMN siret DROP NOT NULL,
    ADD COLUMN rna                VARCHAR(10)  CHECK (rna ~ '^W[0-9]{9}$'),
    ADD COLUMN parent_id          UUID         REFERENCES structure (id),
    ADD COLUMN legal_kind         VARCHAR(30)  CHECK (legal_kind IN
                                      ('PUBLIC_COLLECTIVITY', 'ASSOCIATION', 'ESS_ENTERPRISE', 'OTHER_PRIVATE')),
    ADD COLUMN type               VARCHAR(40)  REFERENCES structure_type (code),
    ADD COLUMN address            VARCHAR(300),
    ADD COLUMN address_complement VARCHAR(300),
    ADD COLUMN postal_code        VARCHAR(5)   CHECK (postal_code ~ '^[0-9]{5}$'),
    ADD COLUMN ept_siren          VARCHAR(9),
    ADD COLUMN qpv                BOOLEAN      NOT NULL DEFAULT false,
    ADD COLUMN qpv_code           VARCHAR(8)   CHECK (qpv_code ~ '^Q[PN][0-9]{6}$'),
    ADD COLUMN latitude           DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
    ADD COLUMN longitude          DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
    ADD COLUMN opening_hours      VARCHAR(500),
    ADD COLUMN services           TEXT[]       NOT NULL DEFAULT '{}',
    ADD COLUMN phone              VARCHAR(20),
    ADD COLUMN email              VARCHAR(254),
    ADD COLUMN website            VARCHAR(500),
    ADD COLUMN closed_on          DATE,
    ADD COLUMN close_reason       VARCHAR(500),
    ADD COLUMN version            BIGINT       NOT NULL DEFAULT 1,
    ADD CONSTRAINT structure_identified CHECK (siret IS NOT NULL OR rna IS NOT NULL OR parent_id IS NOT NULL),
    ADD CONSTRAINT structure_not_own_parent CHECK (parent_id <> id),
    ADD CONSTRAINT structure_qpv_code_in_qpv CHECK (qpv_code IS NULL OR qpv),
    ADD CONSTRAINT structure_closure CHECK ((status = 'CLOSED') = (closed_on IS NOT NULL)),
    ADD CONSTRAINT structure_coordinates CHECK ((latitude IS NULL) = (longitude IS NULL));

-- Structures registered before the registry existed: their commune's EPT (the reference list of 2021).
UPDATE structure SET ept_siren = CASE
    WHEN commune_insee IN ('93001','93031','93039','93027','93059','93066','93070','93072','93079') THEN '200057867'
    WHEN commune_insee IN ('93006','93008','93010','93061','93045','93048','93053','93055','93063') THEN '200057875'
    WHEN commune_insee IN ('93005','93029','93030','93007','93013','93071','93073','93078') THEN '200058097'
    ELSE '200058790' END
WHERE commune_insee LIKE '93%';

-- One active structure per RNA too, and per name under one parent (branches have no identifier of their own).
CREATE UNIQUE INDEX structure_active_rna ON structure (rna) WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX structure_active_branch ON structure (parent_id, lower(name)) WHERE status = 'ACTIVE' AND parent_id IS NOT NULL;
CREATE INDEX structure_parent ON structure (parent_id);
