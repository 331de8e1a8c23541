-- Incremental sync of funding lines ("changed since"), as structure-service does for structures: each line carries
-- the id of the transaction that last wrote it; readers never go past the oldest transaction still running (the
-- reason is in api-writes' ChangeFeed). A line's answer shows its sub-lines in short (key, object, amount, status),
-- so a change of those re-stamps the parent too: every writer of a sub-line holds the parent's row lock first
-- (envelope → parent → line), so the parent's update waits for no one.
ALTER TABLE funding_line ADD COLUMN change_xid xid8;
UPDATE funding_line SET change_xid = pg_current_xact_id();
ALTER TABLE funding_line ALTER COLUMN change_xid SET NOT NULL;
CREATE INDEX funding_line_changes ON funding_line (change_xid, id);

CREATE FUNCTION funding_line_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- only the stamp changed (a sub-line re-stamping its parent): keep the stamp it was given
    IF TG_OP = 'UPDATE' AND to_jsonb(NEW) - 'change_xid' = to_jsonb(OLD) - 'change_xid' THEN
        RETURN NEW;
    END IF;
    NEW.change_xid := pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE TRIGGER funding_line_stamp_change BEFORE INSERT OR UPDATE ON funding_line
    FOR EACH ROW EXECUTE FUNCTION funding_line_stamp_change();

CREATE FUNCTION funding_line_stamp_parent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.parent_id IS NOT NULL AND (TG_OP = 'INSERT'
            OR (NEW.key, NEW.object, NEW.amount_cents, NEW.status)
               IS DISTINCT FROM (OLD.key, OLD.object, OLD.amount_cents, OLD.status)) THEN
        UPDATE funding_line SET change_xid = pg_current_xact_id()
        WHERE id = NEW.parent_id AND change_xid <> pg_current_xact_id();
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER funding_line_stamp_parent AFTER INSERT OR UPDATE ON funding_line
    FOR EACH ROW EXECUTE FUNCTION funding_line_stamp_parent();
