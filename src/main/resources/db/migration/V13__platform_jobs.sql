-- The platform's job runner (DESIGN rule 12): one table of background jobs of every kind (imports today; payroll
-- runs, daily expiry scans and bid-package builds next), which hub nodes claim with a conditional update, with the
-- claim, heartbeat, attempts, progress and status the runner keeps. What a job is about stays in its component's
-- table, keyed by the job's id: an import's workbook, mode, counts and outcome in import_job. The import jobs there
-- are carried over with their ids, states, owners and progress (the rows expected and checked).

CREATE TABLE job (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    org_id          BIGINT        NOT NULL,
    kind            VARCHAR(40)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    created_by      BIGINT        NOT NULL,
    created_at      TIMESTAMP(6)  NOT NULL,
    started_at      TIMESTAMP(6)  NULL,
    finished_at     TIMESTAMP(6)  NULL,
    claimed_by      VARCHAR(100)  NULL,
    heartbeat_at    TIMESTAMP(6)  NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    progress_total  BIGINT        NULL,
    progress_done   BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_job PRIMARY KEY (id),
    CONSTRAINT uk_job_org_id UNIQUE (org_id, id),
    CONSTRAINT fk_job_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT fk_job_user FOREIGN KEY (created_by) REFERENCES app_user (id),
    CONSTRAINT ck_job_status CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'))
) ENGINE = InnoDB;

CREATE INDEX ix_job_queue ON job (status, heartbeat_at);

INSERT INTO job (id, org_id, kind, status, created_by, created_at, started_at, finished_at, claimed_by, heartbeat_at,
                 attempts, progress_total, progress_done)
SELECT id, org_id, 'import', status, created_by, created_at, started_at, finished_at, claimed_by, heartbeat_at,
       attempts, rows_expected, rows_validated
FROM import_job;

ALTER TABLE import_job DROP FOREIGN KEY fk_import_job_user;
ALTER TABLE import_job DROP CONSTRAINT ck_import_job_status;
DROP INDEX ix_import_job_queue ON import_job;
DROP INDEX ix_import_job_hash ON import_job;
DROP INDEX ix_import_job_org ON import_job;
ALTER TABLE import_job
    MODIFY id BIGINT NOT NULL,
    DROP COLUMN status,
    DROP COLUMN created_by,
    DROP COLUMN created_at,
    DROP COLUMN started_at,
    DROP COLUMN finished_at,
    DROP COLUMN claimed_by,
    DROP COLUMN heartbeat_at,
    DROP COLUMN attempts,
    DROP COLUMN rows_expected,
    DROP COLUMN rows_validated,
    ADD CONSTRAINT fk_import_job_job FOREIGN KEY (org_id, id) REFERENCES job (org_id, id);

CREATE INDEX ix_import_job_hash ON import_job (org_id, kind, content_hash);
