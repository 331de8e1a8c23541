-- Who changed what, when: one row per change of a record, written in the transaction of the change (a rolled-back
-- change leaves none). Rows are never changed or removed.
CREATE TABLE audit_record (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- breaks ties between rows of one instant
    recorded_at TIMESTAMPTZ  NOT NULL,
    actor       VARCHAR(200) NOT NULL,   -- the caller's OAuth2 client id ("system" for a service's own work)
    request_id  VARCHAR(128),            -- X-Request-Id of the HTTP request, as echoed to the client
    trace_id    VARCHAR(32),             -- OpenTelemetry trace id, to find the request in the logs
    action      VARCHAR(100) NOT NULL,   -- e.g. StructureRegistered
    record_type VARCHAR(100) NOT NULL,   -- e.g. structure
    record_id   VARCHAR(100) NOT NULL,
    before      JSONB,                   -- null for a creation
    after       JSONB,                   -- null for a deletion
    CHECK (before IS NOT NULL OR after IS NOT NULL)
);
CREATE INDEX audit_record_of_record ON audit_record (record_type, record_id, recorded_at, id);
CREATE INDEX audit_record_by_time ON audit_record (record_type, recorded_at, id);

-- Append-only, whatever the application does: the database refuses to change or remove a row. The table's owner (today
-- the service's own role, which runs the migrations) could still drop the triggers: see api-writes/README.md.
CREATE FUNCTION audit_record_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_record_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_refuse_change();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_refuse_change();
