-- A subsidy can be both in cash and in kind (SCDL subventions: "aide en numéraire;aide en nature").
ALTER TABLE funding_line DROP CONSTRAINT funding_line_nature_check;
ALTER TABLE funding_line ALTER COLUMN nature TYPE VARCHAR(22);
ALTER TABLE funding_line ADD CONSTRAINT funding_line_nature_check
    CHECK (nature IN ('NUMERAIRE', 'EN_NATURE', 'NUMERAIRE_ET_EN_NATURE'));
