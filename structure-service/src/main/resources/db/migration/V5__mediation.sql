-- The national standard of lieux de médiation numérique (1.0.2): what an imported file says about a place beyond the
-- registry's own columns (presentation, publics, fees, access, labels, the full lists of e-mails, web sites and
-- typology codes...), kept by column name so that an export gives it back; and whether the place hosts an occupied
-- conseiller numérique post (the export's "Conseillers numériques" programme).
ALTER TABLE structure
    ADD COLUMN mediation        JSONB   NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(mediation) = 'object'),
    ADD COLUMN hosts_conseiller BOOLEAN NOT NULL DEFAULT false;

-- The export reads the active structures in registration order.
CREATE INDEX structure_active_by_registration ON structure (registered_at, id) WHERE status = 'ACTIVE';
