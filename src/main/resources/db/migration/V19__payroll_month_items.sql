-- Payroll: the month's variable items of each employee, what a run reads besides the contract (issue 19, item 3).
--
-- One table, one row per item, because a run reads them as one list per employee and month and maps each row onto one
-- part of payroll.control.MonthlyPay.Period: a row's kind says which part, and only that kind's columns are filled
-- (the CHECKs below say which):
--   hours-worked  hours                                    -> Period.hoursWorked (part-time ordinary and complementary
--                                                             hours of the month; one per employee and month)
--   overtime      hours, amount, force_majeure             -> Period.overtime (MonthlyPay.Overtime)
--   variable      concept, amount, salary, contributes,    -> Period.variables (MonthlyPay.Variable)
--                 taxed
--   absence       days                                     -> Period.variables: the salary items' pay of the unpaid
--                                                             days, deducted (a negative MonthlyPay.Variable)
--   sick-leave    first_day, last_day (empty while open),  -> Period.sickLeave (MonthlyPay.SickLeave; one per
--                 previous_base, previous_days                employee and month)
--   advance       concept, amount                          -> Period.deductions (MonthlyPay.Deduction)
-- A table per kind would hold the same columns six times over and make the run read six tables; a row with a JSON
-- payload would leave the database unable to check it. Amounts are DECIMAL(19,2), hours DECIMAL(7,2).
--
-- The items of a month belong to its regular run; once that run is approved they are refused (the control checks it,
-- naming the run): a later correction is a complementary run. Every reference includes org_id.

CREATE TABLE payroll_item (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    org_id         BIGINT        NOT NULL,
    employee_id    BIGINT        NOT NULL,
    month          DATE          NOT NULL,
    kind           VARCHAR(12)   NOT NULL,
    concept        VARCHAR(100),
    hours          DECIMAL(7,2),
    days           TINYINT,
    amount         DECIMAL(19,2),
    force_majeure  BOOLEAN       NOT NULL DEFAULT FALSE,
    salary         BOOLEAN       NOT NULL DEFAULT TRUE,
    contributes    BOOLEAN       NOT NULL DEFAULT TRUE,
    taxed          BOOLEAN       NOT NULL DEFAULT TRUE,
    first_day      DATE,
    last_day       DATE,
    previous_base  DECIMAL(19,2),
    previous_days  TINYINT,
    created_by     BIGINT        NOT NULL,
    created_at     TIMESTAMP(3)  NOT NULL,
    version        INT           NOT NULL DEFAULT 0,
    -- the kinds a month has at most once per employee
    single_kind    VARCHAR(12) AS (CASE WHEN kind IN ('hours-worked', 'sick-leave') THEN kind END) PERSISTENT,
    CONSTRAINT pk_payroll_item PRIMARY KEY (id),
    CONSTRAINT uk_payroll_item_single UNIQUE (org_id, employee_id, month, single_kind),
    CONSTRAINT fk_payroll_item_employee FOREIGN KEY (org_id, employee_id) REFERENCES employee (org_id, id),
    CONSTRAINT fk_payroll_item_creator FOREIGN KEY (created_by) REFERENCES app_user (id),
    CONSTRAINT ck_payroll_item_month CHECK (DAYOFMONTH(month) = 1),
    CONSTRAINT ck_payroll_item_kind CHECK (kind IN ('hours-worked', 'overtime', 'variable', 'absence', 'sick-leave',
        'advance')),
    CONSTRAINT ck_payroll_item_hours CHECK ((hours IS NOT NULL) = (kind IN ('hours-worked', 'overtime'))
        AND (hours IS NULL OR hours > 0)),
    CONSTRAINT ck_payroll_item_amount CHECK ((amount IS NOT NULL) = (kind IN ('overtime', 'variable', 'advance'))
        AND (amount IS NULL OR amount > 0)),
    CONSTRAINT ck_payroll_item_concept CHECK ((concept IS NOT NULL) = (kind IN ('variable', 'advance'))),
    CONSTRAINT ck_payroll_item_days CHECK ((days IS NOT NULL) = (kind = 'absence') AND (days IS NULL
        OR days BETWEEN 1 AND 30)),
    CONSTRAINT ck_payroll_item_leave CHECK ((kind = 'sick-leave') = (first_day IS NOT NULL)
        AND (first_day IS NOT NULL) = (previous_base IS NOT NULL)
        AND (first_day IS NOT NULL) = (previous_days IS NOT NULL)
        AND (last_day IS NULL OR (first_day IS NOT NULL AND last_day >= first_day))
        AND (previous_base IS NULL OR previous_base >= 0)
        AND (previous_days IS NULL OR previous_days BETWEEN 1 AND 31))
) ENGINE = InnoDB;

CREATE INDEX ix_payroll_item_month ON payroll_item (org_id, month, employee_id);
