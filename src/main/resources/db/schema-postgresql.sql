-- The hub's tables on Postgres (SPRING_SQL_INIT_SCHEMA_LOCATIONS=classpath:db/schema-postgresql.sql): the same as
-- schema.sql with Postgres types (BYTEA for Camel's serialized exchanges). Keep the two files in step.
CREATE TABLE IF NOT EXISTS dicom_series (
    id VARCHAR(255) NOT NULL,
    exchange BYTEA NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT dicom_series_pk PRIMARY KEY (id)
);
CREATE TABLE IF NOT EXISTS dicom_series_completed (
    id VARCHAR(255) NOT NULL,
    exchange BYTEA NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT dicom_series_completed_pk PRIMARY KEY (id)
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
