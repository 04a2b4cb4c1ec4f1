-- The documents the members upload into their bid, each in its envelope (administrative, technical, economic), kept
-- as uploaded with their digest, for the bid package; their bytes in pieces (bid_document_piece), so that a document
-- of any size goes through any server's max_allowed_packet.
CREATE TABLE bid_document (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    bid_id        BIGINT        NOT NULL,
    envelope      VARCHAR(16)   NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    content_type  VARCHAR(255)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    org_id        BIGINT        NOT NULL,
    uploaded_by   BIGINT        NOT NULL,
    uploaded_at   TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_bid_document PRIMARY KEY (id),
    CONSTRAINT fk_bid_document_bid FOREIGN KEY (bid_id) REFERENCES bid (id),
    CONSTRAINT fk_bid_document_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT fk_bid_document_user FOREIGN KEY (uploaded_by) REFERENCES app_user (id),
    CONSTRAINT ck_bid_document_envelope CHECK (envelope IN ('ADMINISTRATIVE', 'TECHNICAL', 'ECONOMIC'))
) ENGINE = InnoDB;

CREATE TABLE bid_document_piece (
    document_id  BIGINT      NOT NULL,
    piece_no     INT         NOT NULL,
    data         MEDIUMBLOB  NOT NULL,
    CONSTRAINT pk_bid_document_piece PRIMARY KEY (document_id, piece_no),
    CONSTRAINT fk_bid_document_piece_document FOREIGN KEY (document_id) REFERENCES bid_document (id)
        ON DELETE CASCADE
) ENGINE = InnoDB;

-- A bid package built on the job runner (job, same id) for a member of the consortium: one zip of the checklist, each
-- member's ESPD, the commitment to form the temporary union, the pricing workbook and the documents; kept until
-- downloaded, with its outcome in the language of the person who asked; the zip in pieces (bid_package_piece).
CREATE TABLE bid_package (
    org_id          BIGINT        NOT NULL,
    id              BIGINT        NOT NULL,
    consortium_id   BIGINT        NOT NULL,
    representative  VARCHAR(255)  NOT NULL,
    language        VARCHAR(16)   NOT NULL,
    size_bytes      BIGINT        NULL,
    sha256          CHAR(64)      NULL,
    outcome         VARCHAR(2000) NULL,
    CONSTRAINT pk_bid_package PRIMARY KEY (org_id, id),
    CONSTRAINT fk_bid_package_job FOREIGN KEY (org_id, id) REFERENCES job (org_id, id),
    CONSTRAINT fk_bid_package_consortium FOREIGN KEY (consortium_id) REFERENCES consortium (id)
) ENGINE = InnoDB;

CREATE TABLE bid_package_piece (
    org_id      BIGINT      NOT NULL,
    package_id  BIGINT      NOT NULL,
    piece_no    INT         NOT NULL,
    data        MEDIUMBLOB  NOT NULL,
    CONSTRAINT pk_bid_package_piece PRIMARY KEY (org_id, package_id, piece_no),
    CONSTRAINT fk_bid_package_piece_package FOREIGN KEY (org_id, package_id) REFERENCES bid_package (org_id, id)
        ON DELETE CASCADE
) ENGINE = InnoDB;
