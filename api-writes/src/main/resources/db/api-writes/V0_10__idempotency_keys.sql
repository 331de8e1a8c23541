-- Shared by every service that uses api-writes (shipped in its jar); api-writes takes versions V0_10 to V0_19,
-- event-plumbing stays below V0_10, the service's own migrations start at V1.

-- The first response to each client's Idempotency-Key (draft-ietf-httpapi-idempotency-key-header), written in the
-- transaction of the request's effect: a retry finds it and gets the same answer instead of a second effect.
CREATE TABLE idempotency_key (
    client_id             VARCHAR(200)  NOT NULL,  -- the caller's OAuth2 client id: keys are per client
    idempotency_key       VARCHAR(255)  NOT NULL,
    request_method        VARCHAR(10)   NOT NULL,
    request_path          VARCHAR(2000) NOT NULL,
    request_fingerprint   CHAR(64)      NOT NULL,  -- SHA-256 (hex) of method, path and canonical JSON body
    response_status       SMALLINT      NOT NULL,
    response_location     VARCHAR(2000),
    response_content_type VARCHAR(200),
    response_body         BYTEA         NOT NULL,
    created_at            TIMESTAMPTZ   NOT NULL,
    expires_at            TIMESTAMPTZ   NOT NULL,  -- after it, the key is unknown again (idempotency.key-ttl)
    PRIMARY KEY (client_id, idempotency_key)
);
CREATE INDEX idempotency_key_expires_at ON idempotency_key (expires_at);
