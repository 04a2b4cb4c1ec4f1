-- Payroll: the organisation's saved mappings of a gestoría's monthly summary to its accounts. A mapping is named for the
-- gestoría (or the summary layout) it serves; each row says which account of the organisation's chart receives one
-- concept of the summary (gross-pay, employer-contributions, social-security-payable, withholding-payable, net-pay,
-- ...). A concept the mapping leaves out is posted to the account config/payroll/posting-accounts.csv gives it in the
-- organisation's chart.

CREATE TABLE payroll_gestoria_mapping (
    id      BIGINT       NOT NULL AUTO_INCREMENT,
    org_id  BIGINT       NOT NULL,
    name    VARCHAR(100) NOT NULL,
    concept VARCHAR(40)  NOT NULL,
    account VARCHAR(40)  NOT NULL,
    CONSTRAINT pk_payroll_gestoria_mapping PRIMARY KEY (id),
    CONSTRAINT uk_payroll_gestoria_mapping UNIQUE (org_id, name, concept),
    CONSTRAINT fk_payroll_gestoria_mapping_org FOREIGN KEY (org_id) REFERENCES organisation (id)
) ENGINE = InnoDB;
