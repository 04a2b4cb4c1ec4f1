-- The buyer's ESPD request a consortium answers, as uploaded (the DEUC published with the tender), one per consortium;
-- a new upload replaces it.
CREATE TABLE espd_request (
    consortium_id  BIGINT       NOT NULL,
    file_name      VARCHAR(255) NOT NULL,
    content        LONGBLOB     NOT NULL,
    version        VARCHAR(16)  NOT NULL,
    uploaded_by    BIGINT       NOT NULL,
    uploaded_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_espd_request PRIMARY KEY (consortium_id),
    CONSTRAINT fk_espd_request_consortium FOREIGN KEY (consortium_id) REFERENCES consortium (id),
    CONSTRAINT fk_espd_request_user FOREIGN KEY (uploaded_by) REFERENCES app_user (id)
) ENGINE = InnoDB;

-- A member's own declaration for its ESPD response in a consortium: that no exclusion ground applies to it, that it
-- neither relies on other entities nor subcontracts, and its size. Without it the hub writes no response for it.
CREATE TABLE espd_declaration (
    consortium_id  BIGINT       NOT NULL,
    org_id         BIGINT       NOT NULL,
    size           VARCHAR(8)   NOT NULL,
    declared_by    BIGINT       NOT NULL,
    declared_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_espd_declaration PRIMARY KEY (consortium_id, org_id),
    CONSTRAINT fk_espd_declaration_consortium FOREIGN KEY (consortium_id) REFERENCES consortium (id),
    CONSTRAINT fk_espd_declaration_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT fk_espd_declaration_user FOREIGN KEY (declared_by) REFERENCES app_user (id),
    CONSTRAINT ck_espd_declaration_size CHECK (size IN ('micro', 'small', 'medium', 'large'))
) ENGINE = InnoDB;
