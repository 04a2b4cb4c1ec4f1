-- Payroll: complementary runs, the arrears (atrasos) they pay, and the IRPF forecast each month holds.
--
-- A complementary run is paid in its month and recalculates the approved months arrears_from .. arrears_to (each a
-- first day; the last not after the month paid) under the rules and data in force now: its lines are the differences,
-- each with the month it was earned in (accrued) and the figures paid before (previous_*), and payroll_run_accrual
-- keeps per employee and month earned the differences of pay and bases and the complementary contributions, which are
-- settled by the month they were earned in. A regular run has no range.
--
-- An employee's row of a run keeps the IRPF forecast of the month (expected pay and contributions of the year), the
-- rate, why the rate is what it is (held, first of the year, pay changed, personal data changed: RIRPF art. 87) and a
-- fingerprint of the personal data the rate was computed on, so the next month's run holds the rate unless one of
-- them changed.
--
-- The immutability of V17 covers the new columns and table: the run's update trigger is written again with the range,
-- and the accruals of an approved run refuse every change.

ALTER TABLE payroll_run
    ADD COLUMN arrears_from DATE,
    ADD COLUMN arrears_to   DATE,
    ADD CONSTRAINT ck_payroll_run_arrears CHECK (
        (kind = 'regular' AND arrears_from IS NULL AND arrears_to IS NULL)
        OR (kind = 'complementary' AND arrears_from IS NOT NULL AND arrears_to IS NOT NULL
            AND DAYOFMONTH(arrears_from) = 1 AND DAYOFMONTH(arrears_to) = 1
            AND arrears_from <= arrears_to AND arrears_to <= month));

ALTER TABLE payroll_run_employee
    ADD COLUMN expected_pay           DECIMAL(19,2),
    ADD COLUMN expected_contributions DECIMAL(19,2),
    ADD COLUMN irpf_rate              DECIMAL(5,2),
    ADD COLUMN irpf_reason            VARCHAR(12),
    ADD COLUMN personal_data          CHAR(64),
    ADD CONSTRAINT ck_payroll_run_employee_irpf_reason
        CHECK (irpf_reason IN ('first', 'held', 'pay-changed', 'data-changed', 'arrears'));

ALTER TABLE payroll_run_line
    ADD COLUMN accrued                DATE,
    ADD COLUMN previous_base          DECIMAL(19,2),
    ADD COLUMN previous_rate          DECIMAL(9,4),
    ADD COLUMN previous_amount        DECIMAL(19,2),
    ADD COLUMN previous_source        VARCHAR(300),
    ADD COLUMN previous_source_status VARCHAR(8),
    ADD CONSTRAINT ck_payroll_run_line_previous_status
        CHECK (previous_source_status IN ('verified', 'derived'));

-- What a complementary run pays an employee for one month earned: the differences of earnings and taxable pay, the
-- bases as paid before and as due now, and the differences of the employee's and the employer's contributions.
CREATE TABLE payroll_run_accrual (
    org_id                        BIGINT        NOT NULL,
    run_id                        BIGINT        NOT NULL,
    employee_id                   BIGINT        NOT NULL,
    month                         DATE          NOT NULL,
    gross                         DECIMAL(19,2) NOT NULL,
    taxable                       DECIMAL(19,2) NOT NULL,
    previous_common_base          DECIMAL(19,2) NOT NULL,
    common_base                   DECIMAL(19,2) NOT NULL,
    previous_professional_base    DECIMAL(19,2) NOT NULL,
    professional_base             DECIMAL(19,2) NOT NULL,
    employee_contributions        DECIMAL(19,2) NOT NULL,
    employer_contributions        DECIMAL(19,2) NOT NULL,
    CONSTRAINT pk_payroll_run_accrual PRIMARY KEY (org_id, run_id, employee_id, month),
    CONSTRAINT fk_payroll_run_accrual_employee FOREIGN KEY (org_id, run_id, employee_id)
        REFERENCES payroll_run_employee (org_id, run_id, employee_id),
    CONSTRAINT ck_payroll_run_accrual_month CHECK (DAYOFMONTH(month) = 1)
) ENGINE = InnoDB;

CREATE INDEX ix_payroll_run_line_accrued ON payroll_run_line (org_id, accrued);

DROP TRIGGER payroll_run_immutable_update;

DELIMITER //

-- V17's trigger, the range of a complementary run kept as well.
CREATE TRIGGER payroll_run_immutable_update BEFORE UPDATE ON payroll_run FOR EACH ROW
BEGIN
    IF OLD.state IN ('approved', 'posted') AND NOT (OLD.state = 'approved' AND NEW.state = 'posted'
            AND OLD.entry_id IS NULL AND NEW.entry_id IS NOT NULL AND NEW.org_id = OLD.org_id
            AND NEW.month = OLD.month AND NEW.kind = OLD.kind AND NEW.job_id = OLD.job_id
            AND NEW.language = OLD.language AND NEW.outcome <=> OLD.outcome AND NEW.employees = OLD.employees
            AND NEW.gross = OLD.gross AND NEW.employee_contributions = OLD.employee_contributions
            AND NEW.withheld = OLD.withheld AND NEW.net = OLD.net
            AND NEW.employer_contributions = OLD.employer_contributions
            AND NEW.employer_cost = OLD.employer_cost
            AND NEW.arrears_from <=> OLD.arrears_from AND NEW.arrears_to <=> OLD.arrears_to) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An approved payroll run cannot be changed; run a complementary one.';
    END IF;
END//

CREATE TRIGGER payroll_run_accrual_immutable_insert BEFORE INSERT ON payroll_run_accrual FOR EACH ROW
BEGIN
    IF (SELECT state FROM payroll_run WHERE org_id = NEW.org_id AND id = NEW.run_id) IN ('approved', 'posted') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An approved payroll run cannot be given another accrual.';
    END IF;
END//

CREATE TRIGGER payroll_run_accrual_immutable_update BEFORE UPDATE ON payroll_run_accrual FOR EACH ROW
BEGIN
    IF (SELECT state FROM payroll_run WHERE org_id = OLD.org_id AND id = OLD.run_id) IN ('approved', 'posted') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An accrual of an approved payroll run cannot be changed.';
    END IF;
END//

CREATE TRIGGER payroll_run_accrual_immutable_delete BEFORE DELETE ON payroll_run_accrual FOR EACH ROW
BEGIN
    IF (SELECT state FROM payroll_run WHERE org_id = OLD.org_id AND id = OLD.run_id) IN ('approved', 'posted') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An accrual of an approved payroll run cannot be deleted.';
    END IF;
END//

DELIMITER ;
