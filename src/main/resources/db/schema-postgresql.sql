-- The hub's tables on Postgres (SPRING_SQL_INIT_SCHEMA_LOCATIONS=classpath:db/schema-postgresql.sql): the same as
-- schema.sql with Postgres types (TEXT for CLOB). Keep the two files in step.
-- DICOM series still receiving instances: see schema.sql.
CREATE TABLE IF NOT EXISTS hub_series (
    series_uid VARCHAR(64) NOT NULL,
    last_instance_at BIGINT NOT NULL,
    attempts INT NOT NULL,
    claim_token VARCHAR(64),
    owner_instance VARCHAR(255),
    owner_boot VARCHAR(64),
    claimed_until BIGINT,
    CONSTRAINT hub_series_pk PRIMARY KEY (series_uid)
);
CREATE INDEX IF NOT EXISTS hub_series_quiet ON hub_series (last_instance_at);
CREATE TABLE IF NOT EXISTS hub_series_instances (
    series_uid VARCHAR(64) NOT NULL,
    sop_instance_uid VARCHAR(64) NOT NULL,
    instance_json TEXT NOT NULL,
    CONSTRAINT hub_series_instances_pk PRIMARY KEY (series_uid, sop_instance_uid)
);
-- Idempotency claims: see schema.sql.
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
