-- Where committed money sits, kept by the transaction that moves it, so that the breakdown report sums a few thousand
-- rows instead of walking the whole ledger (a million lines took it past a second).
--
-- A "family" is a committed top-level line with its committed sub-lines and its forecasts. Its allocation is one row
-- per place its money sits (envelope, year, beneficiary, territory): the line keeps what its sub-lines leave of its
-- amount and all its payments, each sub-line its amount (under its own beneficiary and territory, else its parent's),
-- each forecast its amount in its own year. line_allocation holds every family's rows; a change of a family replaces
-- them and appends the difference to allocation_delta, whose sums per place are the report's figures. Appending
-- instead of updating one row per place means that writers of different families never wait for each other (nor
-- deadlock); compact_allocation_deltas() folds the rows of a place into one now and then.

CREATE TABLE line_allocation (
    family_id       UUID    NOT NULL,   -- the top-level line
    envelope_id     UUID    NOT NULL,
    line_year       INTEGER,            -- the line's year (its envelope's if it states none): what a year scope selects
    year            INTEGER,            -- where the money sits: the line's year, a forecast's own
    beneficiary_id  UUID,
    territory       TEXT    NOT NULL,   -- LEVEL:CODE
    committed_cents BIGINT  NOT NULL,
    paid_cents      BIGINT  NOT NULL,
    forecast_cents  BIGINT  NOT NULL,
    lines           INTEGER NOT NULL,   -- the line and sub-lines counted here
    entries         INTEGER NOT NULL    -- the line, sub-lines and forecasts counted here: a place with none is not shown
);
CREATE INDEX line_allocation_family ON line_allocation (family_id);

CREATE TABLE allocation_delta (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    envelope_id     UUID    NOT NULL,
    line_year       INTEGER,
    year            INTEGER,
    beneficiary_id  UUID,
    territory       TEXT    NOT NULL,
    committed_cents BIGINT  NOT NULL,
    paid_cents      BIGINT  NOT NULL,
    forecast_cents  BIGINT  NOT NULL,
    lines           INTEGER NOT NULL,
    entries         INTEGER NOT NULL
);

-- The allocation of the given families, read from the ledger as it stands.
CREATE FUNCTION family_allocation(families UUID[]) RETURNS SETOF line_allocation LANGUAGE sql STABLE AS $$
    WITH top AS (
        SELECT l.id, l.envelope_id, coalesce(l.year, e.year) AS year, l.beneficiary_id,
               coalesce(l.territory_level || ':' || l.territory_code, e.territory_level || ':' || e.territory_code)
                   AS territory,
               l.amount_cents, l.paid_cents
        FROM unnest(families) AS f (id)
        JOIN funding_line l ON l.id = f.id
        JOIN envelope e ON e.id = l.envelope_id
        WHERE l.parent_id IS NULL AND l.status IN ('COMMITTED', 'PARTLY_PAID', 'PAID', 'CLOSED')
    ), sub AS (
        SELECT s.parent_id, s.beneficiary_id, s.territory_level, s.territory_code, s.amount_cents
        FROM top t JOIN funding_line s ON s.parent_id = t.id
        WHERE s.status IN ('COMMITTED', 'PARTLY_PAID', 'PAID', 'CLOSED')
    ), part AS (
        SELECT t.id, t.envelope_id, t.year AS line_year, t.year, t.beneficiary_id, t.territory,
               t.amount_cents AS committed, t.paid_cents AS paid, 0::bigint AS forecast, 1 AS lines, 1 AS entries
        FROM top t
        UNION ALL
        SELECT t.id, t.envelope_id, t.year, t.year, coalesce(s.beneficiary_id, t.beneficiary_id),
               coalesce(s.territory_level || ':' || s.territory_code, t.territory), s.amount_cents, 0, 0, 1, 1
        FROM sub s JOIN top t ON t.id = s.parent_id
        UNION ALL
        SELECT t.id, t.envelope_id, t.year, t.year, t.beneficiary_id, t.territory, -s.amount_cents, 0, 0, 0, 0
        FROM sub s JOIN top t ON t.id = s.parent_id
        UNION ALL
        SELECT t.id, t.envelope_id, t.year, f.year, t.beneficiary_id, t.territory, 0, 0, f.amount_cents, 0, 1
        FROM top t JOIN line_forecast f ON f.line_id = t.id
    )
    SELECT id, envelope_id, line_year, year, beneficiary_id, territory,
           sum(committed)::bigint, sum(paid)::bigint, sum(forecast)::bigint, sum(lines)::integer, sum(entries)::integer
    FROM part
    GROUP BY id, envelope_id, line_year, year, beneficiary_id, territory
$$;

-- Replaces the allocation of the given families and appends the difference. The family's top-level line is locked
-- first: two transactions replacing one family's rows never interleave (every writer already holds it; this is the
-- safety net).
CREATE FUNCTION refresh_allocations(families UUID[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(families) IS NULL OR cardinality(families) = 0 THEN
        RETURN;
    END IF;
    PERFORM 1 FROM funding_line WHERE id = ANY (families) ORDER BY id FOR NO KEY UPDATE;
    WITH removed AS (
        DELETE FROM line_allocation WHERE family_id = ANY (families) RETURNING *
    ), added AS (
        INSERT INTO line_allocation SELECT * FROM family_allocation(families) RETURNING *
    ), difference AS (
        SELECT envelope_id, line_year, year, beneficiary_id, territory, committed_cents, paid_cents, forecast_cents,
               lines, entries
        FROM added
        UNION ALL
        SELECT envelope_id, line_year, year, beneficiary_id, territory, -committed_cents, -paid_cents, -forecast_cents,
               -lines, -entries
        FROM removed
    )
    INSERT INTO allocation_delta (envelope_id, line_year, year, beneficiary_id, territory, committed_cents, paid_cents,
                                  forecast_cents, lines, entries)
    SELECT envelope_id, line_year, year, beneficiary_id, territory, sum(committed_cents), sum(paid_cents),
           sum(forecast_cents), sum(lines), sum(entries)
    FROM difference
    GROUP BY envelope_id, line_year, year, beneficiary_id, territory
    HAVING (sum(committed_cents), sum(paid_cents), sum(forecast_cents), sum(lines), sum(entries)) <> (0, 0, 0, 0, 0);
END
$$;

-- Which families a statement on funding_line touched, in what matters to where money sits.
CREATE FUNCTION funding_line_allocate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM refresh_allocations(ARRAY(
            SELECT DISTINCT coalesce(parent_id, id) FROM new_rows
            WHERE status IN ('COMMITTED', 'PARTLY_PAID', 'PAID', 'CLOSED')));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM refresh_allocations(ARRAY(
            SELECT coalesce(o.parent_id, o.id) FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.status, o.amount_cents, o.paid_cents, o.beneficiary_id, o.territory_level, o.territory_code, o.year,
                   o.parent_id, o.envelope_id)
                  IS DISTINCT FROM
                  (n.status, n.amount_cents, n.paid_cents, n.beneficiary_id, n.territory_level, n.territory_code, n.year,
                   n.parent_id, n.envelope_id)
            UNION
            SELECT coalesce(n.parent_id, n.id) FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.parent_id IS DISTINCT FROM n.parent_id));
    ELSE
        PERFORM refresh_allocations(ARRAY(SELECT DISTINCT coalesce(parent_id, id) FROM old_rows));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER funding_line_allocate_insert AFTER INSERT ON funding_line
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION funding_line_allocate();
CREATE TRIGGER funding_line_allocate_update AFTER UPDATE ON funding_line
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION funding_line_allocate();
CREATE TRIGGER funding_line_allocate_delete AFTER DELETE ON funding_line
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION funding_line_allocate();

CREATE FUNCTION line_forecast_allocate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM refresh_allocations(ARRAY(
            SELECT DISTINCT coalesce(l.parent_id, l.id) FROM new_rows f JOIN funding_line l ON l.id = f.line_id));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM refresh_allocations(ARRAY(
            SELECT coalesce(l.parent_id, l.id) FROM new_rows f JOIN funding_line l ON l.id = f.line_id
            UNION
            SELECT coalesce(l.parent_id, l.id) FROM old_rows f JOIN funding_line l ON l.id = f.line_id));
    ELSE
        PERFORM refresh_allocations(ARRAY(
            SELECT DISTINCT coalesce(l.parent_id, l.id) FROM old_rows f JOIN funding_line l ON l.id = f.line_id));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER line_forecast_allocate_insert AFTER INSERT ON line_forecast
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION line_forecast_allocate();
CREATE TRIGGER line_forecast_allocate_update AFTER UPDATE ON line_forecast
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION line_forecast_allocate();
CREATE TRIGGER line_forecast_allocate_delete AFTER DELETE ON line_forecast
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION line_forecast_allocate();

-- Folds the rows of each place into one. Safe beside writers (they only append) and beside another compaction (each
-- folds only the rows it deleted). Returns how many rows it folded.
CREATE FUNCTION compact_allocation_deltas() RETURNS bigint LANGUAGE sql AS $$
    WITH stacked AS (
        SELECT unnest(array_agg(id)) AS id FROM allocation_delta
        GROUP BY envelope_id, line_year, year, beneficiary_id, territory HAVING count(*) > 1
    ), folded AS (
        DELETE FROM allocation_delta WHERE id IN (SELECT id FROM stacked) RETURNING *
    ), kept AS (
        INSERT INTO allocation_delta (envelope_id, line_year, year, beneficiary_id, territory, committed_cents,
                                      paid_cents, forecast_cents, lines, entries)
        SELECT envelope_id, line_year, year, beneficiary_id, territory, sum(committed_cents), sum(paid_cents),
               sum(forecast_cents), sum(lines), sum(entries)
        FROM folded
        GROUP BY envelope_id, line_year, year, beneficiary_id, territory
        HAVING (sum(committed_cents), sum(paid_cents), sum(forecast_cents), sum(lines), sum(entries)) <> (0, 0, 0, 0, 0)
        RETURNING 1
    )
    SELECT count(*) FROM folded
$$;

-- Recomputes every family from the ledger: for this migration and for a ledger loaded with triggers off (the bench).
-- Not to be run beside writers.
CREATE FUNCTION rebuild_allocations() RETURNS void LANGUAGE sql AS $$
    TRUNCATE line_allocation, allocation_delta;
    INSERT INTO line_allocation
    SELECT * FROM family_allocation(ARRAY(SELECT id FROM funding_line WHERE parent_id IS NULL));
    INSERT INTO allocation_delta (envelope_id, line_year, year, beneficiary_id, territory, committed_cents, paid_cents,
                                  forecast_cents, lines, entries)
    SELECT envelope_id, line_year, year, beneficiary_id, territory, sum(committed_cents), sum(paid_cents),
           sum(forecast_cents), sum(lines), sum(entries)
    FROM line_allocation
    GROUP BY envelope_id, line_year, year, beneficiary_id, territory;
$$;

-- The places where the kept sums differ from the ledger: none, unless something wrote around the triggers.
CREATE FUNCTION allocation_drift() RETURNS TABLE (place TEXT, kept BIGINT[], ledger BIGINT[]) LANGUAGE sql STABLE AS $$
    WITH kept AS (
        SELECT concat_ws(' ', envelope_id, coalesce(line_year::text, '-'), coalesce(year::text, '-'),
                         coalesce(beneficiary_id::text, '-'), territory) AS place,
               ARRAY[sum(committed_cents), sum(paid_cents), sum(forecast_cents), sum(lines), sum(entries)]::bigint[] AS sums
        FROM allocation_delta
        GROUP BY envelope_id, line_year, year, beneficiary_id, territory
        HAVING sum(entries) <> 0 OR sum(committed_cents) <> 0 OR sum(paid_cents) <> 0 OR sum(forecast_cents) <> 0
    ), ledger AS (
        SELECT concat_ws(' ', envelope_id, coalesce(line_year::text, '-'), coalesce(year::text, '-'),
                         coalesce(beneficiary_id::text, '-'), territory) AS place,
               ARRAY[sum(committed_cents), sum(paid_cents), sum(forecast_cents), sum(lines), sum(entries)]::bigint[] AS sums
        FROM family_allocation(ARRAY(SELECT id FROM funding_line WHERE parent_id IS NULL))
        GROUP BY envelope_id, line_year, year, beneficiary_id, territory
    )
    SELECT coalesce(k.place, l.place), k.sums, l.sums
    FROM kept k FULL JOIN ledger l ON l.place = k.place
    WHERE k.sums IS DISTINCT FROM l.sums
$$;

SELECT rebuild_allocations();
