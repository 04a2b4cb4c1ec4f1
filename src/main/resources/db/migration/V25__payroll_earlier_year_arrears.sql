-- Payroll: a complementary run may pay the arrears of an earlier year (its months all of one year before the month it
-- pays them in). Their withholding is the fixed rate of such arrears (RIRPF art. 80.1.5.º), which its employees' rows
-- record as the rate's reason 'earlier-year'.
ALTER TABLE payroll_run_employee
    DROP CONSTRAINT ck_payroll_run_employee_irpf_reason,
    ADD CONSTRAINT ck_payroll_run_employee_irpf_reason
        CHECK (irpf_reason IN ('first', 'held', 'pay-changed', 'data-changed', 'arrears', 'earlier-year'));
