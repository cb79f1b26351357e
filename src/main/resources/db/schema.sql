-- The hub's own tables (embedded H2 by default). Camel's JDBC aggregation repository keeps DICOM series that are
-- still receiving instances in dicom_series, and completed ones awaiting confirmation in dicom_series_completed.
CREATE TABLE IF NOT EXISTS dicom_series (
    id VARCHAR(255) NOT NULL,
    exchange BLOB NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT dicom_series_pk PRIMARY KEY (id)
);
CREATE TABLE IF NOT EXISTS dicom_series_completed (
    id VARCHAR(255) NOT NULL,
    exchange BLOB NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT dicom_series_completed_pk PRIMARY KEY (id)
);
-- Idempotency claims (pipeline/idempotency/ClaimStore): one row per message id and stage (the model call of a
-- request, the FHIR write of a result). Inserting the key claims the work; completed_at set = done for good;
-- lease_until = when an unfinished claim of a hub that died may be taken over. Plain SQL for H2 and Postgres.
CREATE TABLE IF NOT EXISTS hub_message_claims (
    stage VARCHAR(32) NOT NULL,
    message_id VARCHAR(255) NOT NULL,
    claim_token VARCHAR(64) NOT NULL,
    owner_instance VARCHAR(255) NOT NULL,
    owner_boot VARCHAR(64) NOT NULL,
    claimed_at BIGINT NOT NULL,
    lease_until BIGINT NOT NULL,
    completed_at BIGINT,
    CONSTRAINT hub_message_claims_pk PRIMARY KEY (stage, message_id)
);
CREATE INDEX IF NOT EXISTS hub_message_claims_completed ON hub_message_claims (completed_at);
