-- Payroll: an extra payment (paga extraordinaria, ET art. 31) paid whole in its months. A contract's salary item of
-- kind EXTRA_PAYMENT either is prorated, its monthly amount paid every month (paid_in NULL, as before), or names the
-- months of the year it is paid in (paid_in '6,12': June and December), its amount then being each payment's; its
-- twelfth enters every month's contribution base (LGSS art. 147.1; Orden PJC/297/2026 art. 1.1 segunda).
-- payroll.entity.EmploymentContract refuses months on another kind, months outside 1-12 and a month twice; these
-- CHECKs are its backstop.
ALTER TABLE salary_item
    ADD COLUMN paid_in VARCHAR(26),
    ADD CONSTRAINT ck_salary_item_paid_in CHECK (paid_in IS NULL OR (kind = 'EXTRA_PAYMENT'
        AND paid_in REGEXP '^(1[0-2]|[1-9])(,(1[0-2]|[1-9]))*$'));

-- The month's share of the extra payments in the common base, which the payslip prints as "Importe prorrata pagas
-- extraordinarias" (Orden ESS/2098/2014): the prorated extras paid in the month and the twelfth of those paid whole.
-- NULL in rows stored before this column, whose payslips sum their prorated extras' lines as before.
ALTER TABLE payroll_run_employee
    ADD COLUMN prorated_extras DECIMAL(19,2);
