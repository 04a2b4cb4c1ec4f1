-- Payroll: pay not subject to withholding (exempt income, travel allowances excepted from tax) is declared in modelo
-- 190 under key L with the subkey of its kind (Orden EHA/3127/2009 anexo II, record 2, positions 79-80). A contract's
-- untaxed salary item and an untaxed variable item of the month name their subkey (which subkeys exist is
-- payroll.entity.Perception's rule), and a run's earning line keeps it, so that the 190 is drawn from what was paid.
-- Rows written before this migration have none: a run refuses an untaxed item without its subkey, naming it.
ALTER TABLE salary_item
    ADD COLUMN exempt_subkey TINYINT,
    ADD CONSTRAINT ck_salary_item_exempt_subkey CHECK (exempt_subkey IS NULL OR NOT taxed);

ALTER TABLE payroll_item
    ADD COLUMN exempt_subkey TINYINT,
    ADD CONSTRAINT ck_payroll_item_exempt_subkey CHECK (exempt_subkey IS NULL OR (kind = 'variable' AND NOT taxed));

ALTER TABLE payroll_run_line
    ADD COLUMN exempt_subkey TINYINT,
    ADD CONSTRAINT ck_payroll_run_line_exempt_subkey CHECK (exempt_subkey IS NULL OR kind IN ('SALARY', 'NON_SALARY'));
