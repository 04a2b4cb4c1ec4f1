-- Where a certificate can be checked electronically (the issuer's verification address), given as the evidence of
-- the ESPD's exclusion grounds on taxes and social security; and the certificate's own document, which the bid package
-- carries for the members whose certificates are valid on the tender's deadline.
ALTER TABLE org_certificate ADD COLUMN uri VARCHAR(1000) NULL;

CREATE TABLE org_certificate_document (
    org_id          BIGINT        NOT NULL,
    certificate_id  BIGINT        NOT NULL,
    name            VARCHAR(255)  NOT NULL,
    content_type    VARCHAR(255)  NOT NULL,
    size            BIGINT        NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    data            MEDIUMBLOB    NOT NULL,
    uploaded_by     BIGINT        NOT NULL,
    uploaded_at     TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_org_certificate_document PRIMARY KEY (certificate_id),
    CONSTRAINT fk_org_certificate_document_certificate FOREIGN KEY (certificate_id) REFERENCES org_certificate (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_org_certificate_document_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT fk_org_certificate_document_user FOREIGN KEY (uploaded_by) REFERENCES app_user (id)
) ENGINE = InnoDB;
