-- A signatory's territory, for the deployment report per signatory: an EPT's SIREN or a commune's INSEE code (the
-- State, the département and other signatories sign for the whole agreement). Signatories recorded before have none.
ALTER TABLE agreement_signatory ADD COLUMN territory_code VARCHAR(9);
