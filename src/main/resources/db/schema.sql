-- The hub's own tables (embedded H2 by default; db/schema-postgresql.sql is the same for Postgres: keep them in step).
-- DICOM series still receiving instances (dicom/series/SeriesStore): one row per series with the time of its last
-- instance (epoch ms) and the claim of the hub rendering it once stable, one row per instance with what grouping
-- needs of it (SeriesInstance as JSON).
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
    -- a few hundred characters; kept in the row: as a CLOB every instance went through H2's LOB store (~6% of the
    -- DICOM intake's CPU). H2's longest VARCHAR; a database made with CLOB here works the same.
    instance_json VARCHAR(1000000) NOT NULL,
    CONSTRAINT hub_series_instances_pk PRIMARY KEY (series_uid, sop_instance_uid)
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
