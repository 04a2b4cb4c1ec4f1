-- The spreadsheet pipeline's import jobs (DESIGN rule 6): an uploaded workbook, kept in the database so any hub node
-- can run the job and the error workbook can be built later; the job's state, claim and progress; its validation
-- report. A job belongs to the organisation it was started in; the rows it writes may belong to other organisations
-- of the same user (a shared-services accountant's journal workbook), each checked when the job runs.

CREATE TABLE import_job (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    org_id          BIGINT        NOT NULL,
    kind            VARCHAR(40)   NOT NULL,
    mode            VARCHAR(20)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    file_name       VARCHAR(255)  NOT NULL,
    file_bytes      BIGINT        NOT NULL,
    content_hash    CHAR(64)      NOT NULL,
    forced          BOOLEAN       NOT NULL DEFAULT FALSE,
    language        VARCHAR(8)    NOT NULL,
    created_by      BIGINT        NOT NULL,
    created_at      TIMESTAMP(6)  NOT NULL,
    started_at      TIMESTAMP(6)  NULL,
    finished_at     TIMESTAMP(6)  NULL,
    claimed_by      VARCHAR(100)  NULL,
    heartbeat_at    TIMESTAMP(6)  NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    rows_read       BIGINT        NOT NULL DEFAULT 0,
    rows_validated  BIGINT        NOT NULL DEFAULT 0,
    rows_written    BIGINT        NOT NULL DEFAULT 0,
    rows_skipped    BIGINT        NOT NULL DEFAULT 0,
    error_count     BIGINT        NOT NULL DEFAULT 0,
    warning_count   BIGINT        NOT NULL DEFAULT 0,
    outcome         VARCHAR(2000) NULL,
    CONSTRAINT pk_import_job PRIMARY KEY (id),
    CONSTRAINT uk_import_job_org_id UNIQUE (org_id, id),
    CONSTRAINT fk_import_job_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT fk_import_job_user FOREIGN KEY (created_by) REFERENCES app_user (id),
    CONSTRAINT ck_import_job_mode CHECK (mode IN ('VALIDATE', 'ALL_OR_NOTHING', 'VALID_ROWS')),
    CONSTRAINT ck_import_job_status CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'))
) ENGINE = InnoDB;

CREATE INDEX ix_import_job_queue ON import_job (status, heartbeat_at);
CREATE INDEX ix_import_job_hash ON import_job (org_id, kind, content_hash, status);
CREATE INDEX ix_import_job_org ON import_job (org_id, created_at);

-- The uploaded file in pieces of at most 1 MiB (below any server's max_allowed_packet).
CREATE TABLE import_file_chunk (
    org_id    BIGINT      NOT NULL,
    job_id    BIGINT      NOT NULL,
    chunk_no  INT         NOT NULL,
    data      MEDIUMBLOB  NOT NULL,
    CONSTRAINT pk_import_file_chunk PRIMARY KEY (job_id, chunk_no),
    CONSTRAINT fk_import_file_chunk_job FOREIGN KEY (org_id, job_id) REFERENCES import_job (org_id, id)
        ON DELETE CASCADE
) ENGINE = InnoDB;

-- The validation report: every error and warning with where it is (sheet, row as Excel shows it, column header).
CREATE TABLE import_problem (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    org_id       BIGINT        NOT NULL,
    job_id       BIGINT        NOT NULL,
    severity     VARCHAR(10)   NOT NULL,
    sheet        VARCHAR(100)  NULL,
    row_no       INT           NULL,
    column_name  VARCHAR(100)  NULL,
    message      VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_import_problem PRIMARY KEY (id),
    CONSTRAINT fk_import_problem_job FOREIGN KEY (org_id, job_id) REFERENCES import_job (org_id, id)
        ON DELETE CASCADE,
    CONSTRAINT ck_import_problem_severity CHECK (severity IN ('ERROR', 'WARNING'))
) ENGINE = InnoDB;

CREATE INDEX ix_import_problem_job ON import_problem (job_id, row_no, id);

-- The files an organisation imported (by content hash and kind): the unique key makes two runs of the same file wait
-- for each other, and the second one fail as a duplicate, even on two hub nodes. A forced import records itself on
-- the existing row.
CREATE TABLE import_fingerprint (
    org_id        BIGINT       NOT NULL,
    kind          VARCHAR(40)  NOT NULL,
    content_hash  CHAR(64)     NOT NULL,
    job_id        BIGINT       NOT NULL,
    CONSTRAINT pk_import_fingerprint PRIMARY KEY (org_id, kind, content_hash),
    CONSTRAINT fk_import_fingerprint_job FOREIGN KEY (org_id, job_id) REFERENCES import_job (org_id, id)
) ENGINE = InnoDB;
