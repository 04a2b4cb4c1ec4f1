-- A member may also consent to its consortium reading the employer's cost of a year's payroll, from which a bid's
-- pricing takes the member's real cost of an hour of work.
ALTER TABLE solvency_consent DROP CONSTRAINT ck_solvency_consent_figure;
ALTER TABLE solvency_consent ADD CONSTRAINT ck_solvency_consent_figure CHECK (figure IN ('TURNOVER', 'STAFF', 'COST'));
