-- A member's consent to its consortium reading named figures of named years from its own books and payroll: the
-- turnover of a closed fiscal year, the average staff of a year. Withdrawn, the rows are gone and so are the figures.
CREATE TABLE solvency_consent (
    consortium_id  BIGINT       NOT NULL,
    org_id         BIGINT       NOT NULL,
    figure         VARCHAR(16)  NOT NULL,
    year           INT          NOT NULL,
    granted_by     BIGINT       NOT NULL,
    granted_at     TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_solvency_consent PRIMARY KEY (consortium_id, org_id, figure, year),
    CONSTRAINT fk_solvency_consent_consortium FOREIGN KEY (consortium_id) REFERENCES consortium (id),
    CONSTRAINT fk_solvency_consent_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT fk_solvency_consent_user FOREIGN KEY (granted_by) REFERENCES app_user (id),
    CONSTRAINT ck_solvency_consent_figure CHECK (figure IN ('TURNOVER', 'STAFF'))
) ENGINE = InnoDB;
