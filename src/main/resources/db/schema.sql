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
