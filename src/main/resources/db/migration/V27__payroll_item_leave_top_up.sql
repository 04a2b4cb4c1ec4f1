-- Payroll: an item of kind 'leave-top-up', the employer's improvement of the sick-leave benefit a collective agreement
-- or contract grants (mejora voluntaria de la incapacidad temporal): a concept and an amount, like an advance.
-- payroll.entity.PayrollItem says which fields each kind takes; these CHECKs are its backstop.
ALTER TABLE payroll_item
    DROP CONSTRAINT ck_payroll_item_kind,
    DROP CONSTRAINT ck_payroll_item_amount,
    DROP CONSTRAINT ck_payroll_item_concept,
    ADD CONSTRAINT ck_payroll_item_kind CHECK (kind IN ('hours-worked', 'overtime', 'variable', 'absence', 'sick-leave',
        'advance', 'leave-top-up')),
    ADD CONSTRAINT ck_payroll_item_amount CHECK ((amount IS NOT NULL) = (kind IN ('overtime', 'variable', 'advance',
        'leave-top-up')) AND (amount IS NULL OR amount > 0)),
    ADD CONSTRAINT ck_payroll_item_concept CHECK ((concept IS NOT NULL) = (kind IN ('variable', 'advance',
        'leave-top-up')));
