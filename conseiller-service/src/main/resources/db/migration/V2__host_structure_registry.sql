-- The host structures as structure-service describes them from StructureRegistered v2 on (and StructureUpdated,
-- StructureClosed, StructureReopened): identified by SIRET, RNA or parent; kind and type; commune, EPT and QPV;
-- status, with the day and reason of a closure. Lengths follow the event schemas; TEXT where they set none.
ALTER TABLE host_structure
    ALTER COLUMN siret DROP NOT NULL,
    ADD COLUMN rna          VARCHAR(10),
    ADD COLUMN parent_id    UUID,                   -- no foreign key: a branch's events may come before its parent's
    ADD COLUMN legal_kind   TEXT,                   -- not an enum: the schema says more kinds may come
    ADD COLUMN type         TEXT,
    ADD COLUMN postal_code  VARCHAR(5),
    ADD COLUMN ept_siren    VARCHAR(9),             -- the commune's EPT: partners' territory checks use it
    ADD COLUMN ept_name     TEXT,
    ADD COLUMN qpv          BOOLEAN     NOT NULL DEFAULT false,
    ADD COLUMN qpv_code     VARCHAR(8),
    ADD COLUMN status       VARCHAR(6)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'CLOSED')),
    ADD COLUMN closed_on    DATE,
    ADD COLUMN close_reason TEXT;

-- status replaces active (which StructureRegistered v1 always set).
UPDATE host_structure SET status = CASE WHEN active THEN 'ACTIVE' ELSE 'CLOSED' END;
ALTER TABLE host_structure
    DROP COLUMN active,
    ALTER COLUMN status DROP DEFAULT;

-- Rows projected from StructureRegistered v1: their commune's EPT, as structure-service's own V2 migration set it
-- for the structures registered before its registry (the reference list of 2021), so that both sides agree until the
-- structure's next event replaces the row. QPV stays false there too.
UPDATE host_structure SET
    ept_siren = CASE
        WHEN commune_insee IN ('93001','93031','93039','93027','93059','93066','93070','93072','93079') THEN '200057867'
        WHEN commune_insee IN ('93006','93008','93010','93061','93045','93048','93053','93055','93063') THEN '200057875'
        WHEN commune_insee IN ('93005','93029','93030','93007','93013','93071','93073','93078') THEN '200058097'
        ELSE '200058790' END
WHERE commune_insee LIKE '93%';
UPDATE host_structure SET ept_name = CASE ept_siren
        WHEN '200057867' THEN 'Plaine Commune'
        WHEN '200057875' THEN 'Est Ensemble'
        WHEN '200058097' THEN 'Paris Terres d''Envol'
        WHEN '200058790' THEN 'Grand Paris Grand Est' END
WHERE ept_siren IS NOT NULL;
