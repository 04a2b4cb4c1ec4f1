-- A journal workbook of a shared-services accountant writes into several organisations. Each organisation a job wrote
-- into lists the job, with the rows it wrote there (never the workbook's other rows), and the job's file counts as
-- imported into each of them: a fingerprint may now belong to a job started in another organisation.

CREATE TABLE import_job_target (
    org_id        BIGINT  NOT NULL,
    job_id        BIGINT  NOT NULL,
    rows_written  BIGINT  NOT NULL,
    CONSTRAINT pk_import_job_target PRIMARY KEY (org_id, job_id),
    CONSTRAINT fk_import_job_target_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT fk_import_job_target_job FOREIGN KEY (job_id) REFERENCES import_job (id) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE INDEX ix_import_job_target_job ON import_job_target (job_id);

ALTER TABLE import_fingerprint DROP FOREIGN KEY fk_import_fingerprint_job;
-- the index MariaDB made for the old key (org_id, job_id) bears its name
ALTER TABLE import_fingerprint DROP INDEX fk_import_fingerprint_job;
ALTER TABLE import_fingerprint
    ADD CONSTRAINT fk_import_fingerprint_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    ADD CONSTRAINT fk_import_fingerprint_job FOREIGN KEY (job_id) REFERENCES import_job (id);
