-- The size of an organisation's annual accounts: the abbreviated models, which every organisation keeps until it
-- chooses otherwise, or the normal ones of the entities above the thresholds of the abbreviated accounts. It is a
-- property of the organisation's books, one row per organisation, so it lives beside the template the chart was built
-- from. Written only by the JPA entity ChartOfAccounts (through accounting.control.Accounts), as the rest of the row.
ALTER TABLE chart_of_accounts
    ADD COLUMN statement_size VARCHAR(11) NOT NULL DEFAULT 'ABBREVIATED',
    ADD CONSTRAINT ck_chart_of_accounts_statement_size CHECK (statement_size IN ('ABBREVIATED', 'NORMAL'));
