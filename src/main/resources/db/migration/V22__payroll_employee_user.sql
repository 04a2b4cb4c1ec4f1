-- Payroll: the organisation's choice to link a user to an employee (issue 19 item 5), so that the user, a member of the
-- organisation, reads that employee's own payslips and nothing else of payroll. One user per employee and one employee
-- per user in an organisation; the employee's key includes org_id, so a link cannot point at another organisation's
-- employee. Unlinking deletes the row: access ends at once.

CREATE TABLE payroll_employee_user (
    org_id       BIGINT NOT NULL,
    employee_id  BIGINT NOT NULL,
    user_id      BIGINT NOT NULL,
    CONSTRAINT pk_payroll_employee_user PRIMARY KEY (org_id, employee_id),
    CONSTRAINT uk_payroll_employee_user UNIQUE (org_id, user_id),
    CONSTRAINT fk_payroll_employee_user_employee FOREIGN KEY (org_id, employee_id) REFERENCES employee (org_id, id),
    CONSTRAINT fk_payroll_employee_user_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB;
