-- Payroll: a contract's salary item applies from a first month and until a last month, both optional (the first day of
-- each month is stored), so that a raise or a new complement from a later month leaves the months before it as they
-- were paid: a complementary run recalculates an earlier month with the items in force in it, and the withholding
-- forecast counts each later month with the items in force then. payroll.entity.EmploymentContract refuses a last month
-- before the first and two items of one name in force in the same month; this CHECK is the backstop of the first.
ALTER TABLE salary_item
    ADD COLUMN valid_from DATE,
    ADD COLUMN valid_until DATE,
    ADD CONSTRAINT ck_salary_item_validity CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_until >= valid_from),
    ADD CONSTRAINT ck_salary_item_months CHECK ((valid_from IS NULL OR DAYOFMONTH(valid_from) = 1)
        AND (valid_until IS NULL OR DAYOFMONTH(valid_until) = 1));
