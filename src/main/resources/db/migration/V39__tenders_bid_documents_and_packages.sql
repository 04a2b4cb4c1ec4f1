-- The documents the members upload into their bid, each in its envelope (administrative, technical, economic), kept
-- as uploaded with their digest, for the bid package.
CREATE TABLE bid_document (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    bid_id        BIGINT        NOT NULL,
    envelope      VARCHAR(16)   NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    content_type  VARCHAR(255)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    content       LONGBLOB      NOT NULL,
    org_id        BIGINT        NOT NULL,
    uploaded_by   BIGINT        NOT NULL,
    uploaded_at   TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_bid_document PRIMARY KEY (id),
    CONSTRAINT fk_bid_document_bid FOREIGN KEY (bid_id) REFERENCES bid (id),
    CONSTRAINT fk_bid_document_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT fk_bid_document_user FOREIGN KEY (uploaded_by) REFERENCES app_user (id),
    CONSTRAINT ck_bid_document_envelope CHECK (envelope IN ('ADMINISTRATIVE', 'TECHNICAL', 'ECONOMIC'))
) ENGINE = InnoDB;

-- A bid package built on the job runner (job, same id) for a member of the consortium: one zip of the checklist, each
-- member's ESPD, the commitment to form the temporary union, the pricing workbook and the documents; kept until
-- downloaded or replaced by the next, with its outcome in the language of the person who asked.
CREATE TABLE bid_package (
    org_id          BIGINT        NOT NULL,
    id              BIGINT        NOT NULL,
    consortium_id   BIGINT        NOT NULL,
    representative  VARCHAR(255)  NOT NULL,
    language        VARCHAR(16)   NOT NULL,
    size_bytes      BIGINT        NULL,
    sha256          CHAR(64)      NULL,
    content         LONGBLOB      NULL,
    outcome         VARCHAR(2000) NULL,
    CONSTRAINT pk_bid_package PRIMARY KEY (org_id, id),
    CONSTRAINT fk_bid_package_job FOREIGN KEY (org_id, id) REFERENCES job (org_id, id),
    CONSTRAINT fk_bid_package_consortium FOREIGN KEY (consortium_id) REFERENCES consortium (id)
) ENGINE = InnoDB;
