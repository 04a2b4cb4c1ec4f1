-- Payroll, the monthly run: what a run is about (its month, kind, state, the job that calculates it, its totals and,
-- once posted, its journal entry), one row per employee paid in it with the figures the payslip and the posting read
-- (and the worker's data as the run used them, so a payslip reprinted later says what was paid), and every line of
-- the calculation with its base, rate, units, amount and source. Every reference includes org_id.
--
-- An approved or posted run is a legal record (DESIGN rule 5): the triggers below refuse any change or deletion of it,
-- of its employees and of its lines, except the one step approved -> posted that records the journal entry. A
-- correction is a complementary run of the same month.

CREATE TABLE payroll_run (
    id                      BIGINT        NOT NULL AUTO_INCREMENT,
    org_id                  BIGINT        NOT NULL,
    month                   DATE          NOT NULL,
    kind                    VARCHAR(13)   NOT NULL,
    state                   VARCHAR(10)   NOT NULL,
    job_id                  BIGINT        NOT NULL,
    language                VARCHAR(5)    NOT NULL,
    outcome                 VARCHAR(1000),
    employees               INT           NOT NULL DEFAULT 0,
    gross                   DECIMAL(19,2) NOT NULL DEFAULT 0,
    employee_contributions  DECIMAL(19,2) NOT NULL DEFAULT 0,
    withheld                DECIMAL(19,2) NOT NULL DEFAULT 0,
    net                     DECIMAL(19,2) NOT NULL DEFAULT 0,
    employer_contributions  DECIMAL(19,2) NOT NULL DEFAULT 0,
    employer_cost           DECIMAL(19,2) NOT NULL DEFAULT 0,
    entry_id                BIGINT,
    version                 INT           NOT NULL DEFAULT 0,
    -- one regular run per month: complementary runs are many
    regular_month           DATE AS (CASE WHEN kind = 'regular' THEN month END) PERSISTENT,
    CONSTRAINT pk_payroll_run PRIMARY KEY (id),
    CONSTRAINT uk_payroll_run_org_id UNIQUE (org_id, id),
    CONSTRAINT uk_payroll_run_regular UNIQUE (org_id, regular_month),
    CONSTRAINT fk_payroll_run_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT fk_payroll_run_job FOREIGN KEY (org_id, job_id) REFERENCES job (org_id, id),
    CONSTRAINT fk_payroll_run_entry FOREIGN KEY (org_id, entry_id) REFERENCES journal_entry (org_id, id),
    CONSTRAINT ck_payroll_run_month CHECK (DAYOFMONTH(month) = 1),
    CONSTRAINT ck_payroll_run_kind CHECK (kind IN ('regular', 'complementary')),
    CONSTRAINT ck_payroll_run_state CHECK (state IN ('draft', 'calculated', 'approved', 'posted')),
    CONSTRAINT ck_payroll_run_entry CHECK ((state = 'posted') = (entry_id IS NOT NULL))
) ENGINE = InnoDB;

CREATE INDEX ix_payroll_run_month ON payroll_run (org_id, month);

-- An employee paid in a run: the contract and work centre, the worker as the payslip names them, the period paid and
-- the month's totals (LGSS art. 147 bases, the IRPF base, and the figures the posting splits by work centre).
CREATE TABLE payroll_run_employee (
    org_id                  BIGINT        NOT NULL,
    run_id                  BIGINT        NOT NULL,
    employee_id             BIGINT        NOT NULL,
    contract_id             BIGINT        NOT NULL,
    work_centre_id          BIGINT        NOT NULL,
    work_centre_ccc         CHAR(11)      NOT NULL,
    worker_name             VARCHAR(310)  NOT NULL,
    nif                     VARCHAR(9)    NOT NULL,
    naf                     CHAR(12)      NOT NULL,
    category                VARCHAR(200)  NOT NULL,
    contribution_group      TINYINT       NOT NULL,
    period_from             DATE          NOT NULL,
    period_to               DATE          NOT NULL,
    days                    TINYINT       NOT NULL,
    gross_pay               DECIMAL(19,2) NOT NULL,
    compensation            DECIMAL(19,2) NOT NULL,
    benefit_advanced        DECIMAL(19,2) NOT NULL,
    taxable                 DECIMAL(19,2) NOT NULL,
    employee_contributions  DECIMAL(19,2) NOT NULL,
    withheld                DECIMAL(19,2) NOT NULL,
    advances                DECIMAL(19,2) NOT NULL,
    net                     DECIMAL(19,2) NOT NULL,
    employer_contributions  DECIMAL(19,2) NOT NULL,
    employer_cost           DECIMAL(19,2) NOT NULL,
    common_base             DECIMAL(19,2) NOT NULL,
    professional_base       DECIMAL(19,2) NOT NULL,
    CONSTRAINT pk_payroll_run_employee PRIMARY KEY (org_id, run_id, employee_id),
    CONSTRAINT fk_payroll_run_employee_run FOREIGN KEY (org_id, run_id) REFERENCES payroll_run (org_id, id),
    CONSTRAINT fk_payroll_run_employee_employee FOREIGN KEY (org_id, employee_id) REFERENCES employee (org_id, id),
    CONSTRAINT fk_payroll_run_employee_contract FOREIGN KEY (org_id, contract_id)
        REFERENCES employment_contract (org_id, id),
    CONSTRAINT fk_payroll_run_employee_centre FOREIGN KEY (org_id, work_centre_id) REFERENCES work_centre (org_id, id)
) ENGINE = InnoDB;

-- A line of an employee's month (payroll.control.MonthlyPay.Line): kind, concept, base, rate (percent), units, amount
-- and the rule's source with its status (verified in the official text, or derived). heading is the payslip's line
-- of I. Devengos an earning goes under (Orden ESS/2098/2014), null for other kinds.
CREATE TABLE payroll_run_line (
    org_id         BIGINT        NOT NULL,
    run_id         BIGINT        NOT NULL,
    employee_id    BIGINT        NOT NULL,
    position       SMALLINT      NOT NULL,
    kind           VARCHAR(25)   NOT NULL,
    concept        VARCHAR(100)  NOT NULL,
    heading        VARCHAR(30),
    base           DECIMAL(19,2),
    rate           DECIMAL(9,4),
    units          DECIMAL(9,2),
    amount         DECIMAL(19,2) NOT NULL,
    source         VARCHAR(300)  NOT NULL,
    source_status  VARCHAR(8)    NOT NULL,
    CONSTRAINT pk_payroll_run_line PRIMARY KEY (org_id, run_id, employee_id, position),
    CONSTRAINT fk_payroll_run_line_employee FOREIGN KEY (org_id, run_id, employee_id)
        REFERENCES payroll_run_employee (org_id, run_id, employee_id),
    CONSTRAINT ck_payroll_run_line_kind CHECK (kind IN ('SALARY', 'NON_SALARY', 'DEDUCTION', 'EMPLOYER_CONTRIBUTION',
        'RECOVERY')),
    CONSTRAINT ck_payroll_run_line_status CHECK (source_status IN ('verified', 'derived'))
) ENGINE = InnoDB;

DELIMITER //

-- Approved and posted runs are records: only approved -> posted, recording the entry, changes one (and its version).
CREATE TRIGGER payroll_run_immutable_update BEFORE UPDATE ON payroll_run FOR EACH ROW
BEGIN
    IF OLD.state IN ('approved', 'posted') AND NOT (OLD.state = 'approved' AND NEW.state = 'posted'
            AND OLD.entry_id IS NULL AND NEW.entry_id IS NOT NULL AND NEW.org_id = OLD.org_id
            AND NEW.month = OLD.month AND NEW.kind = OLD.kind AND NEW.job_id = OLD.job_id
            AND NEW.language = OLD.language AND NEW.outcome <=> OLD.outcome AND NEW.employees = OLD.employees
            AND NEW.gross = OLD.gross AND NEW.employee_contributions = OLD.employee_contributions
            AND NEW.withheld = OLD.withheld AND NEW.net = OLD.net
            AND NEW.employer_contributions = OLD.employer_contributions
            AND NEW.employer_cost = OLD.employer_cost) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An approved payroll run cannot be changed; run a complementary one.';
    END IF;
END//

CREATE TRIGGER payroll_run_immutable_delete BEFORE DELETE ON payroll_run FOR EACH ROW
BEGIN
    IF OLD.state IN ('approved', 'posted') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An approved payroll run cannot be deleted.';
    END IF;
END//

CREATE TRIGGER payroll_run_employee_immutable_insert BEFORE INSERT ON payroll_run_employee FOR EACH ROW
BEGIN
    IF (SELECT state FROM payroll_run WHERE org_id = NEW.org_id AND id = NEW.run_id) IN ('approved', 'posted') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An approved payroll run cannot be given another employee.';
    END IF;
END//

CREATE TRIGGER payroll_run_employee_immutable_update BEFORE UPDATE ON payroll_run_employee FOR EACH ROW
BEGIN
    IF (SELECT state FROM payroll_run WHERE org_id = OLD.org_id AND id = OLD.run_id) IN ('approved', 'posted') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An employee of an approved payroll run cannot be changed.';
    END IF;
END//

CREATE TRIGGER payroll_run_employee_immutable_delete BEFORE DELETE ON payroll_run_employee FOR EACH ROW
BEGIN
    IF (SELECT state FROM payroll_run WHERE org_id = OLD.org_id AND id = OLD.run_id) IN ('approved', 'posted') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An employee of an approved payroll run cannot be deleted.';
    END IF;
END//

CREATE TRIGGER payroll_run_line_immutable_insert BEFORE INSERT ON payroll_run_line FOR EACH ROW
BEGIN
    IF (SELECT state FROM payroll_run WHERE org_id = NEW.org_id AND id = NEW.run_id) IN ('approved', 'posted') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An approved payroll run cannot be given another line.';
    END IF;
END//

CREATE TRIGGER payroll_run_line_immutable_update BEFORE UPDATE ON payroll_run_line FOR EACH ROW
BEGIN
    IF (SELECT state FROM payroll_run WHERE org_id = OLD.org_id AND id = OLD.run_id) IN ('approved', 'posted') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A line of an approved payroll run cannot be changed.';
    END IF;
END//

CREATE TRIGGER payroll_run_line_immutable_delete BEFORE DELETE ON payroll_run_line FOR EACH ROW
BEGIN
    IF (SELECT state FROM payroll_run WHERE org_id = OLD.org_id AND id = OLD.run_id) IN ('approved', 'posted') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A line of an approved payroll run cannot be deleted.';
    END IF;
END//

DELIMITER ;
