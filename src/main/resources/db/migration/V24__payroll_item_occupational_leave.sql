-- Payroll: a sick-leave item may come from a work accident or occupational disease (accidente de trabajo o enfermedad
-- profesional): its benefit starts the day after the baja, whose day is paid as salary (LGSS art. 173.1), at the bands
-- of config/payroll/sick-leave.csv for that contingency. Only a sick-leave item says so.
ALTER TABLE payroll_item
    ADD COLUMN occupational BOOLEAN NOT NULL DEFAULT FALSE,
    ADD CONSTRAINT ck_payroll_item_occupational CHECK (NOT occupational OR kind = 'sick-leave');
