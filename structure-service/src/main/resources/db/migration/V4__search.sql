-- Search (GET /api/structures) and incremental sync (GET /api/structures/changes).

-- Text on names, accents and case ignored. Both extensions are trusted (PostgreSQL 13+): the database's owner, this
-- service's role, creates them without being a superuser. Where the role does not own the database and lacks CREATE
-- on it, a DBA runs these two statements once, before the service starts: IF NOT EXISTS then skips them here.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- What names are compared and sorted by: lower case, without accents ('Médiathèque Œuvre' -> 'mediatheque oeuvre').
-- unaccent() itself is only STABLE (its rules file could change), so it cannot be indexed; naming the dictionary and
-- declaring the wrapper IMMUTABLE is the usual way (change the rules file, then REINDEX). The SQL-standard body binds
-- unaccent and its dictionary when the function is created, whatever the search_path of later sessions.
CREATE FUNCTION structure_search_key(name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(unaccent('unaccent'::regdictionary, name));

-- Stored, so that a search compares names without unaccenting each row again.
ALTER TABLE structure ADD COLUMN name_search text GENERATED ALWAYS AS (structure_search_key(name)) STORED;

-- q: each word anywhere in the name (LIKE '%word%', served by trigrams).
CREATE INDEX structure_name_trigrams ON structure USING gin (name_search gin_trgm_ops);

-- Keyset pagination: one index per sort, the id as tie-breaker (scanned backwards for descending sorts).
CREATE INDEX structure_by_name ON structure (name_search, id);
CREATE INDEX structure_by_registration ON structure (registered_at, id);
CREATE INDEX structure_by_commune ON structure (commune_insee, id);
DROP INDEX structure_commune; -- the one above starts with commune_insee

-- A territory's structures of one type, the dashboards' usual question (and, by its prefix, a territory's): an EPT's
-- rows are spread over the whole table, so an index on the EPT alone still visits nearly every page.
CREATE INDEX structure_by_ept_type ON structure (ept_siren, type, registered_at, id);

-- Exact filters; the unique indexes on siret and rna cover active structures only, a search may want closed ones.
CREATE INDEX structure_siret ON structure (siret);
CREATE INDEX structure_rna ON structure (rna);

-- Incremental sync: each row carries the id of the transaction that last wrote it. Transactions commit in any order,
-- so a reader never goes past the oldest transaction still running (the snapshot's xmin): every row it has not read
-- yet then has a larger xid, or is written again later with one (the reason is in StructureSync).
ALTER TABLE structure ADD COLUMN change_xid xid8;
UPDATE structure SET change_xid = pg_current_xact_id();
ALTER TABLE structure ALTER COLUMN change_xid SET NOT NULL;
CREATE INDEX structure_changes ON structure (change_xid, id);

CREATE FUNCTION structure_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- written back as it was: not a change to sync (name_search, generated, is not computed yet in NEW)
    IF TG_OP = 'UPDATE' AND to_jsonb(NEW) - 'name_search' = to_jsonb(OLD) - 'name_search' THEN
        RETURN NEW;
    END IF;
    NEW.change_xid := pg_current_xact_id();
    RETURN NEW;
END
$$;

CREATE TRIGGER structure_stamp_change BEFORE INSERT OR UPDATE ON structure
    FOR EACH ROW EXECUTE FUNCTION structure_stamp_change();
