-- Accounting, first part: each organisation's chart of accounts (copied from a template in config/charts, then
-- extended with its own subaccounts), its fiscal years with their monthly periods, and its two lock dates.
-- Every foreign key between business tables includes org_id, so a row can never point at another organisation's.

-- Which template an organisation's chart was built from; one row per organisation, so a chart is applied once.
CREATE TABLE chart_of_accounts (
    org_id      BIGINT       NOT NULL,
    template    VARCHAR(40)  NOT NULL,
    applied_at  TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_chart_of_accounts PRIMARY KEY (org_id),
    CONSTRAINT fk_chart_of_accounts_org FOREIGN KEY (org_id) REFERENCES organisation (id)
) ENGINE = InnoDB;

CREATE TABLE account (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    org_id         BIGINT       NOT NULL,
    code           VARCHAR(12)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    grp            TINYINT      NOT NULL,
    nature         VARCHAR(10)  NOT NULL,
    kind           VARCHAR(7)   NOT NULL,
    -- the account this one extends (null for the nine groups); its code is a prefix of this one's
    parent_code    VARCHAR(12),
    -- true for the template's accounts, false for the organisation's own subaccounts
    from_template  BOOLEAN      NOT NULL,
    version        INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_account PRIMARY KEY (id),
    CONSTRAINT uk_account_org_id UNIQUE (org_id, id),
    CONSTRAINT uk_account_code UNIQUE (org_id, code),
    CONSTRAINT fk_account_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT fk_account_parent FOREIGN KEY (org_id, parent_code) REFERENCES account (org_id, code),
    CONSTRAINT ck_account_code CHECK (code REGEXP '^[1-9][0-9]{0,11}$'),
    CONSTRAINT ck_account_grp CHECK (grp BETWEEN 1 AND 9 AND grp = CAST(LEFT(code, 1) AS UNSIGNED)),
    CONSTRAINT ck_account_nature CHECK (nature IN ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE')),
    CONSTRAINT ck_account_kind CHECK (kind IN ('HEADING', 'POSTING')),
    CONSTRAINT ck_account_parent CHECK (parent_code IS NULL
        OR (LENGTH(code) > LENGTH(parent_code) AND LEFT(code, LENGTH(parent_code)) = parent_code))
) ENGINE = InnoDB;

CREATE TABLE fiscal_year (
    id          BIGINT   NOT NULL AUTO_INCREMENT,
    org_id      BIGINT   NOT NULL,
    year        SMALLINT NOT NULL,
    start_date  DATE     NOT NULL,
    end_date    DATE     NOT NULL,
    version     INT      NOT NULL DEFAULT 0,
    CONSTRAINT pk_fiscal_year PRIMARY KEY (id),
    CONSTRAINT uk_fiscal_year_org_id UNIQUE (org_id, id),
    CONSTRAINT uk_fiscal_year_year UNIQUE (org_id, year),
    CONSTRAINT fk_fiscal_year_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT ck_fiscal_year_dates CHECK (start_date < end_date)
) ENGINE = InnoDB;

CREATE TABLE period (
    id              BIGINT   NOT NULL AUTO_INCREMENT,
    org_id          BIGINT   NOT NULL,
    fiscal_year_id  BIGINT   NOT NULL,
    -- 1 for the first month of the fiscal year, 12 for the last
    period_no       TINYINT  NOT NULL,
    start_date      DATE     NOT NULL,
    end_date        DATE     NOT NULL,
    CONSTRAINT pk_period PRIMARY KEY (id),
    CONSTRAINT uk_period_org_id UNIQUE (org_id, id),
    CONSTRAINT uk_period_no UNIQUE (org_id, fiscal_year_id, period_no),
    CONSTRAINT fk_period_fiscal_year FOREIGN KEY (org_id, fiscal_year_id) REFERENCES fiscal_year (org_id, id),
    CONSTRAINT ck_period_no CHECK (period_no BETWEEN 1 AND 12),
    CONSTRAINT ck_period_dates CHECK (start_date <= end_date)
) ENGINE = InnoDB;

CREATE INDEX ix_period_dates ON period (org_id, start_date, end_date);

-- One row per organisation once it sets a lock; no row means nothing is locked.
CREATE TABLE lock_dates (
    org_id     BIGINT NOT NULL,
    soft_lock  DATE,
    hard_lock  DATE,
    version    INT    NOT NULL DEFAULT 0,
    CONSTRAINT pk_lock_dates PRIMARY KEY (org_id),
    CONSTRAINT fk_lock_dates_org FOREIGN KEY (org_id) REFERENCES organisation (id)
) ENGINE = InnoDB;
