-- How long a tender's contract runs, as published (cac:PlannedPeriod/cbc:DurationMeasure: an amount of days, weeks,
-- months or years), for the annual average value that the solvency's default requirements use (Ley 9/2017 arts. 87.3.a
-- and 90.2). Tenders kept before have none until the platform publishes them again.
ALTER TABLE tender ADD COLUMN duration_amount DECIMAL(9, 2) NULL, ADD COLUMN duration_unit VARCHAR(3) NULL;

-- The services an organisation performed, for the technical solvency of its bids (Ley 9/2017 art. 90.1.a: the
-- principal services of the last three years, with their amount, dates and recipient, public or private). Its own
-- rows, tenant-scoped; a consortium reads them only as the organisation consents (figure SERVICES).
CREATE TABLE org_service (
    id                BIGINT         NOT NULL AUTO_INCREMENT,
    org_id            BIGINT         NOT NULL,
    title             VARCHAR(300)   NOT NULL,
    recipient         VARCHAR(200)   NOT NULL,
    recipient_public  BOOLEAN        NOT NULL,
    recipient_tax_id  VARCHAR(20)    NULL,
    cpvs              VARCHAR(400)   NOT NULL,
    amount            DECIMAL(15, 2) NOT NULL,
    started           DATE           NOT NULL,
    ended             DATE           NULL,
    certificate       VARCHAR(100)   NULL,
    version           INT            NOT NULL DEFAULT 0,
    CONSTRAINT pk_org_service PRIMARY KEY (id),
    CONSTRAINT fk_org_service_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT ck_org_service_amount CHECK (amount > 0),
    CONSTRAINT ck_org_service_dates CHECK (ended IS NULL OR ended >= started)
) ENGINE = InnoDB;

CREATE INDEX ix_org_service_org ON org_service (org_id, started);

-- A member consents to a consortium reading the services it performed in named years.
ALTER TABLE solvency_consent DROP CONSTRAINT ck_solvency_consent_figure;
ALTER TABLE solvency_consent ADD CONSTRAINT ck_solvency_consent_figure
    CHECK (figure IN ('TURNOVER', 'STAFF', 'COST', 'SERVICES'));
