-- Payroll, the project a contract's cost is charged to (issue 19 item 4): an analytic code of the organisation's books
-- (accounting's project, by its code), optional. The posting of a run splits the expense by work centre and project,
-- and the cost export groups by them.
--
-- The contract keeps the project's code, as the ledger's analytic shares name it, and no foreign key to project: the
-- accounting component deletes a project nothing in its books refers to, and a contract is not its books. A code is
-- checked among the organisation's projects when the contract is written (payroll.control.Contracts); a project
-- deleted afterwards is refused by the ledger when a run charged to it is posted, naming the code.
ALTER TABLE employment_contract ADD COLUMN project_code VARCHAR(20) AFTER work_centre_id;

-- The run keeps the project of each employee's contract as it was when the month was calculated, as it keeps the work
-- centre's CCC: an approved run is a record, and its posting and cost read what the run stored, whatever the contract
-- says later.
ALTER TABLE payroll_run_employee ADD COLUMN project_code VARCHAR(20) AFTER work_centre_ccc;

DELIMITER //

-- The project is taken from the contract, in the contract's organisation, when the run stores the employee's month
-- (the row names the contract already); a row that names its project keeps it.
CREATE TRIGGER payroll_run_employee_project BEFORE INSERT ON payroll_run_employee FOR EACH ROW
    FOLLOWS payroll_run_employee_immutable_insert
BEGIN
    IF NEW.project_code IS NULL THEN
        SET NEW.project_code = (SELECT project_code FROM employment_contract
            WHERE org_id = NEW.org_id AND id = NEW.contract_id);
    END IF;
END//

DELIMITER ;
