-- Payroll, first part: the organisation's employees (with the modelo 145 data and the flags other components count:
-- recognised disability, work-integration itinerary, special employment relationship of persons with disability),
-- their descendants and ascendants, their employment contracts and each contract's monthly salary items. Every row
-- carries org_id and every reference includes it, so a row of one organisation cannot point at another's.

CREATE TABLE employee (
    id                             BIGINT       NOT NULL AUTO_INCREMENT,
    org_id                         BIGINT       NOT NULL,
    nif                            VARCHAR(9)   NOT NULL,
    naf                            CHAR(12)     NOT NULL,
    first_name                     VARCHAR(100) NOT NULL,
    last_name                      VARCHAR(100) NOT NULL,
    second_last_name               VARCHAR(100),
    birth_date                     DATE         NOT NULL,
    address                        VARCHAR(300) NOT NULL,
    postal_code                    CHAR(5)      NOT NULL,
    municipality                   VARCHAR(100) NOT NULL,
    iban                           VARCHAR(34)  NOT NULL,
    -- modelo 145: 1 single (or equivalent) with descendants, 2 married with a spouse earning at most 1,500 €, 3 other
    family_situation               TINYINT      NOT NULL,
    spouse_nif                     VARCHAR(9),
    disability_degree              TINYINT      NOT NULL DEFAULT 0,
    disability_assistance          BOOLEAN      NOT NULL DEFAULT FALSE,
    disability_from                DATE,
    disability_evidence            VARCHAR(200),
    mobility_date                  DATE,
    home_loan_before_2013          BOOLEAN      NOT NULL DEFAULT FALSE,
    integration_from               DATE,
    integration_to                 DATE,
    integration_evidence           VARCHAR(200),
    special_relationship_from      DATE,
    special_relationship_to        DATE,
    special_relationship_evidence  VARCHAR(200),
    version                        INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_employee PRIMARY KEY (id),
    CONSTRAINT uk_employee_org_id UNIQUE (org_id, id),
    CONSTRAINT uk_employee_nif UNIQUE (org_id, nif),
    CONSTRAINT uk_employee_naf UNIQUE (org_id, naf),
    CONSTRAINT fk_employee_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT ck_employee_family CHECK (family_situation BETWEEN 1 AND 3),
    CONSTRAINT ck_employee_spouse CHECK ((family_situation = 2) = (spouse_nif IS NOT NULL)),
    CONSTRAINT ck_employee_disability CHECK (disability_degree BETWEEN 0 AND 100
        AND (disability_degree < 33 OR (disability_from IS NOT NULL AND disability_evidence IS NOT NULL))),
    CONSTRAINT ck_employee_integration CHECK (integration_to IS NULL OR integration_to >= integration_from),
    CONSTRAINT ck_employee_special CHECK (special_relationship_to IS NULL
        OR special_relationship_to >= special_relationship_from)
) ENGINE = InnoDB;

CREATE INDEX ix_employee_name ON employee (org_id, last_name, first_name);

-- A descendant or ascendant declared in the employee's modelo 145.
CREATE TABLE employee_relative (
    id                     BIGINT      NOT NULL AUTO_INCREMENT,
    org_id                 BIGINT      NOT NULL,
    employee_id            BIGINT      NOT NULL,
    kind                   VARCHAR(10) NOT NULL,
    position               SMALLINT    NOT NULL,
    birth_year             SMALLINT    NOT NULL,
    adoption_year          SMALLINT,
    disability_degree      TINYINT     NOT NULL DEFAULT 0,
    disability_assistance  BOOLEAN     NOT NULL DEFAULT FALSE,
    by_halves              BOOLEAN     NOT NULL DEFAULT FALSE,
    shared_with            TINYINT     NOT NULL DEFAULT 0,
    CONSTRAINT pk_employee_relative PRIMARY KEY (id),
    CONSTRAINT fk_employee_relative_employee FOREIGN KEY (org_id, employee_id) REFERENCES employee (org_id, id),
    CONSTRAINT ck_employee_relative_kind CHECK (kind IN ('DESCENDANT', 'ASCENDANT')),
    CONSTRAINT ck_employee_relative_degree CHECK (disability_degree BETWEEN 0 AND 100)
) ENGINE = InnoDB;

-- An employment contract: TGSS contract type (config/payroll/contract-types.csv), part-time coefficient, contribution
-- group, the AT/EP premium's key (CNAE-2025 activity or occupation letter, one of the two), agreement and category.
CREATE TABLE employment_contract (
    id                     BIGINT       NOT NULL AUTO_INCREMENT,
    org_id                 BIGINT       NOT NULL,
    employee_id            BIGINT       NOT NULL,
    start_date             DATE         NOT NULL,
    end_date               DATE,
    contract_type          CHAR(3)      NOT NULL,
    part_time_coefficient  DECIMAL(5,4),
    contribution_group     TINYINT      NOT NULL,
    activity_code          VARCHAR(4),
    occupation_letter      CHAR(1),
    agreement_code         VARCHAR(20),
    professional_category  VARCHAR(200),
    work_centre_id         BIGINT       NOT NULL,
    version                INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_employment_contract PRIMARY KEY (id),
    CONSTRAINT uk_employment_contract_org_id UNIQUE (org_id, id),
    CONSTRAINT fk_employment_contract_employee FOREIGN KEY (org_id, employee_id) REFERENCES employee (org_id, id),
    CONSTRAINT fk_employment_contract_centre FOREIGN KEY (org_id, work_centre_id) REFERENCES work_centre (org_id, id),
    CONSTRAINT ck_employment_contract_dates CHECK (end_date IS NULL OR end_date >= start_date),
    CONSTRAINT ck_employment_contract_coefficient CHECK (part_time_coefficient IS NULL
        OR (part_time_coefficient > 0 AND part_time_coefficient <= 1)),
    CONSTRAINT ck_employment_contract_group CHECK (contribution_group BETWEEN 1 AND 11),
    CONSTRAINT ck_employment_contract_premium CHECK ((activity_code IS NULL) <> (occupation_letter IS NULL))
) ENGINE = InnoDB;

CREATE INDEX ix_employment_contract_employee ON employment_contract (org_id, employee_id, start_date);

-- A monthly salary item of a contract.
CREATE TABLE salary_item (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    org_id          BIGINT        NOT NULL,
    contract_id     BIGINT        NOT NULL,
    position        SMALLINT      NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    monthly_amount  DECIMAL(19,2) NOT NULL,
    kind            VARCHAR(15)   NOT NULL,
    contributes     BOOLEAN       NOT NULL,
    taxed           BOOLEAN       NOT NULL,
    CONSTRAINT pk_salary_item PRIMARY KEY (id),
    CONSTRAINT fk_salary_item_contract FOREIGN KEY (org_id, contract_id) REFERENCES employment_contract (org_id, id),
    CONSTRAINT ck_salary_item_kind CHECK (kind IN ('BASE', 'COMPLEMENT', 'EXTRA_PAYMENT', 'OTHER')),
    CONSTRAINT ck_salary_item_amount CHECK (monthly_amount >= 0)
) ENGINE = InnoDB;
