-- Payroll: warnings on an employee's month in a run (payroll.control.PayrollRuns.Warning), such as overtime above the
-- year's limit of ET art. 35.2 or a part-time worker's overtime (art. 12.4.c): never refusals, since overtime worked is
-- paid. A warning is a sentence of the payroll texts by key with its arguments (separated by U+001F), rendered in the
-- reader's language. Like the run's lines, a warning is part of what an approved run records: the triggers refuse any
-- insert, update or delete once the run is approved or posted.
CREATE TABLE payroll_run_warning (
    org_id       BIGINT         NOT NULL,
    run_id       BIGINT         NOT NULL,
    employee_id  BIGINT         NOT NULL,
    position     SMALLINT       NOT NULL,
    warning_key  VARCHAR(80)    NOT NULL,
    arguments    VARCHAR(1000)  NOT NULL,
    CONSTRAINT pk_payroll_run_warning PRIMARY KEY (org_id, run_id, employee_id, position),
    CONSTRAINT fk_payroll_run_warning_employee FOREIGN KEY (org_id, run_id, employee_id)
        REFERENCES payroll_run_employee (org_id, run_id, employee_id)
) ENGINE = InnoDB;

DELIMITER //

CREATE TRIGGER payroll_run_warning_immutable_insert BEFORE INSERT ON payroll_run_warning FOR EACH ROW
BEGIN
    IF (SELECT state FROM payroll_run WHERE org_id = NEW.org_id AND id = NEW.run_id) IN ('approved', 'posted') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An approved payroll run cannot be given another warning.';
    END IF;
END//

CREATE TRIGGER payroll_run_warning_immutable_update BEFORE UPDATE ON payroll_run_warning FOR EACH ROW
BEGIN
    IF (SELECT state FROM payroll_run WHERE org_id = OLD.org_id AND id = OLD.run_id) IN ('approved', 'posted') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A warning of an approved payroll run cannot be changed.';
    END IF;
END//

CREATE TRIGGER payroll_run_warning_immutable_delete BEFORE DELETE ON payroll_run_warning FOR EACH ROW
BEGIN
    IF (SELECT state FROM payroll_run WHERE org_id = OLD.org_id AND id = OLD.run_id) IN ('approved', 'posted') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A warning of an approved payroll run cannot be deleted.';
    END IF;
END//

DELIMITER ;
