-- "Changed since" for the posts, as structure-service and funding-service do for theirs: each post carries the id of
-- the transaction that last wrote it; readers never go past the oldest transaction still running (the reason is in
-- api-writes' ChangeFeed). Every write of a post (opening, move, contract signed or ended, funding answer, flag)
-- updates its row, so it is stamped.
ALTER TABLE post ADD COLUMN change_xid xid8;
UPDATE post SET change_xid = pg_current_xact_id();
ALTER TABLE post ALTER COLUMN change_xid SET NOT NULL;
CREATE INDEX post_changes ON post (change_xid, id);

CREATE FUNCTION post_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_xid := pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE TRIGGER post_stamp_change BEFORE INSERT OR UPDATE ON post FOR EACH ROW EXECUTE FUNCTION post_stamp_change();
