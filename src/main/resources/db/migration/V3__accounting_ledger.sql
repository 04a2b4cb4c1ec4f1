-- Accounting, second part: analytic dimensions and grants, draft entries, the posted ledger (append-only, numbered
-- gap-free per organisation and fiscal year, hash-chained per organisation) and the balances maintained by posting.
-- Every foreign key between business tables includes org_id.

ALTER TABLE fiscal_year ADD COLUMN closed_at TIMESTAMP(6) NULL AFTER end_date;

-- A project an organisation reports on (proyecto).
CREATE TABLE project (
    id       BIGINT       NOT NULL AUTO_INCREMENT,
    org_id   BIGINT       NOT NULL,
    code     VARCHAR(20)  NOT NULL,
    name     VARCHAR(200) NOT NULL,
    version  INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_project PRIMARY KEY (id),
    CONSTRAINT uk_project_org_id UNIQUE (org_id, id),
    CONSTRAINT uk_project_code UNIQUE (org_id, code),
    CONSTRAINT fk_project_org FOREIGN KEY (org_id) REFERENCES organisation (id)
) ENGINE = InnoDB;

-- A grant awarded to the organisation (subvención): who funds it, how much, which expenses are eligible and when.
CREATE TABLE grant_award (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    org_id         BIGINT        NOT NULL,
    code           VARCHAR(20)   NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    funder         VARCHAR(200)  NOT NULL,
    awarded        DECIMAL(19,2) NOT NULL,
    eligible_from  DATE          NOT NULL,
    eligible_to    DATE          NOT NULL,
    version        INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_grant_award PRIMARY KEY (id),
    CONSTRAINT uk_grant_award_org_id UNIQUE (org_id, id),
    CONSTRAINT uk_grant_award_code UNIQUE (org_id, code),
    CONSTRAINT fk_grant_award_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT ck_grant_award_amount CHECK (awarded > 0),
    CONSTRAINT ck_grant_award_dates CHECK (eligible_from <= eligible_to)
) ENGINE = InnoDB;

-- The grant's budget per expense account group or account (a code prefix such as 64 or 621).
CREATE TABLE grant_budget (
    org_id          BIGINT        NOT NULL,
    grant_id        BIGINT        NOT NULL,
    account_prefix  VARCHAR(12)   NOT NULL,
    amount          DECIMAL(19,2) NOT NULL,
    CONSTRAINT pk_grant_budget PRIMARY KEY (org_id, grant_id, account_prefix),
    CONSTRAINT fk_grant_budget_grant FOREIGN KEY (org_id, grant_id) REFERENCES grant_award (org_id, id),
    CONSTRAINT ck_grant_budget_prefix CHECK (account_prefix REGEXP '^[67][0-9]{0,11}$'),
    CONSTRAINT ck_grant_budget_amount CHECK (amount >= 0)
) ENGINE = InnoDB;

-- An entry being prepared. Not a legal record: its content is kept as the JSON the API and the portal send, and is
-- checked in full when it is posted.
CREATE TABLE draft_entry (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    org_id      BIGINT       NOT NULL,
    entry_date  DATE         NOT NULL,
    journal     VARCHAR(10)  NOT NULL,
    description VARCHAR(500) NOT NULL,
    content     LONGTEXT     NOT NULL,
    created_by  BIGINT       NOT NULL,
    updated_at  TIMESTAMP(6) NOT NULL,
    version     INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_draft_entry PRIMARY KEY (id),
    CONSTRAINT fk_draft_entry_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT fk_draft_entry_user FOREIGN KEY (created_by) REFERENCES app_user (id),
    CONSTRAINT ck_draft_entry_content CHECK (JSON_VALID(content))
) ENGINE = InnoDB;

CREATE INDEX ix_draft_entry_date ON draft_entry (org_id, entry_date);

-- The next legal entry number per organisation and fiscal year, taken under a row lock at posting.
CREATE TABLE entry_counter (
    org_id          BIGINT NOT NULL,
    fiscal_year_id  BIGINT NOT NULL,
    last_number     INT    NOT NULL DEFAULT 0,
    CONSTRAINT pk_entry_counter PRIMARY KEY (org_id, fiscal_year_id),
    CONSTRAINT fk_entry_counter_year FOREIGN KEY (org_id, fiscal_year_id) REFERENCES fiscal_year (org_id, id)
) ENGINE = InnoDB;

INSERT INTO entry_counter (org_id, fiscal_year_id) SELECT org_id, id FROM fiscal_year;

-- The head of an organisation's hash chain. Every posting of the organisation locks this row first, so postings,
-- lock changes and closings of one organisation are serialised while other organisations go on in parallel.
CREATE TABLE ledger_chain (
    org_id     BIGINT   NOT NULL,
    last_seq   BIGINT   NOT NULL DEFAULT 0,
    last_hash  CHAR(64),
    CONSTRAINT pk_ledger_chain PRIMARY KEY (org_id),
    CONSTRAINT fk_ledger_chain_org FOREIGN KEY (org_id) REFERENCES organisation (id)
) ENGINE = InnoDB;

INSERT INTO ledger_chain (org_id) SELECT id FROM organisation;

-- A posted journal entry (asiento). Append-only: the triggers below refuse every UPDATE and DELETE.
CREATE TABLE journal_entry (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    org_id              BIGINT        NOT NULL,
    fiscal_year_id      BIGINT        NOT NULL,
    -- the legal number, 1..N without gaps within the organisation's fiscal year
    entry_no            INT           NOT NULL,
    entry_date          DATE          NOT NULL,
    period_id           BIGINT        NOT NULL,
    journal             VARCHAR(10)   NOT NULL,
    description         VARCHAR(500)  NOT NULL,
    document_ref        VARCHAR(100),
    -- the entry this one reverses
    reverses_id         BIGINT,
    total               DECIMAL(19,2) NOT NULL,
    soft_lock_override  BOOLEAN       NOT NULL,
    posted_at           TIMESTAMP(6)  NOT NULL,
    posted_by           BIGINT        NOT NULL,
    -- position in the organisation's hash chain: 1, 2, 3... in posting order, across fiscal years
    chain_seq           BIGINT        NOT NULL,
    hash_version        TINYINT       NOT NULL,
    prev_hash           CHAR(64),
    hash                CHAR(64)      NOT NULL,
    CONSTRAINT pk_journal_entry PRIMARY KEY (id),
    CONSTRAINT uk_journal_entry_org_id UNIQUE (org_id, id),
    CONSTRAINT uk_journal_entry_no UNIQUE (org_id, fiscal_year_id, entry_no),
    CONSTRAINT uk_journal_entry_chain UNIQUE (org_id, chain_seq),
    CONSTRAINT uk_journal_entry_reverses UNIQUE (org_id, reverses_id),
    CONSTRAINT fk_journal_entry_year FOREIGN KEY (org_id, fiscal_year_id) REFERENCES fiscal_year (org_id, id),
    CONSTRAINT fk_journal_entry_period FOREIGN KEY (org_id, period_id) REFERENCES period (org_id, id),
    CONSTRAINT fk_journal_entry_reverses FOREIGN KEY (org_id, reverses_id) REFERENCES journal_entry (org_id, id),
    CONSTRAINT fk_journal_entry_user FOREIGN KEY (posted_by) REFERENCES app_user (id),
    CONSTRAINT ck_journal_entry_no CHECK (entry_no > 0),
    CONSTRAINT ck_journal_entry_journal CHECK (journal IN
        ('GENERAL', 'SALES', 'PURCHASES', 'BANK', 'CASH', 'PAYROLL', 'OPENING', 'CLOSING'))
) ENGINE = InnoDB;

CREATE INDEX ix_journal_entry_date ON journal_entry (org_id, entry_date, entry_no);

-- A line of a posted entry: one account, debit or credit. entry_date repeats the entry's so that a ledger page is one
-- index range.
CREATE TABLE journal_line (
    org_id           BIGINT        NOT NULL,
    entry_id         BIGINT        NOT NULL,
    line_no          SMALLINT      NOT NULL,
    account_id       BIGINT        NOT NULL,
    entry_date       DATE          NOT NULL,
    debit            DECIMAL(19,2) NOT NULL,
    credit           DECIMAL(19,2) NOT NULL,
    text             VARCHAR(300),
    third_party_nif  VARCHAR(20),
    CONSTRAINT pk_journal_line PRIMARY KEY (org_id, entry_id, line_no),
    CONSTRAINT fk_journal_line_entry FOREIGN KEY (org_id, entry_id) REFERENCES journal_entry (org_id, id),
    CONSTRAINT fk_journal_line_account FOREIGN KEY (org_id, account_id) REFERENCES account (org_id, id),
    CONSTRAINT ck_journal_line_side CHECK ((debit > 0 AND credit = 0) OR (debit = 0 AND credit > 0))
) ENGINE = InnoDB;

CREATE INDEX ix_journal_line_ledger ON journal_line (org_id, account_id, entry_date, entry_id, line_no);

-- A line's share of one analytic dimension: exactly one of project, grant, activity or work centre, with its
-- percentage and the amount it comes to (a line's shares of one dimension total 100 % and the line's amount).
CREATE TABLE line_allocation (
    org_id          BIGINT        NOT NULL,
    entry_id        BIGINT        NOT NULL,
    line_no         SMALLINT      NOT NULL,
    share_no        SMALLINT      NOT NULL,
    project_id      BIGINT,
    grant_id        BIGINT,
    activity        VARCHAR(10),
    work_centre_id  BIGINT,
    percent         DECIMAL(7,4)  NOT NULL,
    debit           DECIMAL(19,2) NOT NULL,
    credit          DECIMAL(19,2) NOT NULL,
    CONSTRAINT pk_line_allocation PRIMARY KEY (org_id, entry_id, line_no, share_no),
    CONSTRAINT fk_line_allocation_line FOREIGN KEY (org_id, entry_id, line_no)
        REFERENCES journal_line (org_id, entry_id, line_no),
    CONSTRAINT fk_line_allocation_project FOREIGN KEY (org_id, project_id) REFERENCES project (org_id, id),
    CONSTRAINT fk_line_allocation_grant FOREIGN KEY (org_id, grant_id) REFERENCES grant_award (org_id, id),
    CONSTRAINT fk_line_allocation_work_centre FOREIGN KEY (org_id, work_centre_id) REFERENCES work_centre (org_id, id),
    CONSTRAINT ck_line_allocation_one CHECK ((project_id IS NOT NULL) + (grant_id IS NOT NULL)
        + (activity IS NOT NULL) + (work_centre_id IS NOT NULL) = 1),
    CONSTRAINT ck_line_allocation_activity CHECK (activity IS NULL OR activity IN ('OWN', 'COMMERCIAL')),
    CONSTRAINT ck_line_allocation_percent CHECK (percent > 0 AND percent <= 100)
) ENGINE = InnoDB;

-- Posted entries, their lines and their allocations are legal records: never updated, never deleted.
CREATE TRIGGER journal_entry_immutable_update BEFORE UPDATE ON journal_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A posted journal entry cannot be changed; post a reversal entry instead.';
CREATE TRIGGER journal_entry_immutable_delete BEFORE DELETE ON journal_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A posted journal entry cannot be deleted; post a reversal entry instead.';
CREATE TRIGGER journal_line_immutable_update BEFORE UPDATE ON journal_line FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A line of a posted journal entry cannot be changed.';
CREATE TRIGGER journal_line_immutable_delete BEFORE DELETE ON journal_line FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A line of a posted journal entry cannot be deleted.';
CREATE TRIGGER line_allocation_immutable_update BEFORE UPDATE ON line_allocation FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An analytic share of a posted journal entry cannot be changed.';
CREATE TRIGGER line_allocation_immutable_delete BEFORE DELETE ON line_allocation FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An analytic share of a posted journal entry cannot be deleted.';

-- Balances maintained in the posting transaction, so reports never scan every line. period_balance answers whole
-- periods; day_balance the days of a period up to a date; analytic_balance the analytic reports.
CREATE TABLE period_balance (
    org_id      BIGINT        NOT NULL,
    period_id   BIGINT        NOT NULL,
    account_id  BIGINT        NOT NULL,
    debit       DECIMAL(19,2) NOT NULL,
    credit      DECIMAL(19,2) NOT NULL,
    CONSTRAINT pk_period_balance PRIMARY KEY (org_id, period_id, account_id),
    CONSTRAINT fk_period_balance_period FOREIGN KEY (org_id, period_id) REFERENCES period (org_id, id),
    CONSTRAINT fk_period_balance_account FOREIGN KEY (org_id, account_id) REFERENCES account (org_id, id)
) ENGINE = InnoDB;

CREATE TABLE day_balance (
    org_id        BIGINT        NOT NULL,
    balance_date  DATE          NOT NULL,
    account_id    BIGINT        NOT NULL,
    debit         DECIMAL(19,2) NOT NULL,
    credit        DECIMAL(19,2) NOT NULL,
    CONSTRAINT pk_day_balance PRIMARY KEY (org_id, balance_date, account_id),
    CONSTRAINT fk_day_balance_account FOREIGN KEY (org_id, account_id) REFERENCES account (org_id, id)
) ENGINE = InnoDB;

-- dimension: PROJECT, GRANT, ACTIVITY or WORK_CENTRE; value_id: the project, grant or work centre id, or for
-- ACTIVITY 1 (own purpose) or 2 (commercial)
CREATE TABLE analytic_balance (
    org_id      BIGINT        NOT NULL,
    period_id   BIGINT        NOT NULL,
    account_id  BIGINT        NOT NULL,
    dimension   VARCHAR(12)   NOT NULL,
    value_id    BIGINT        NOT NULL,
    debit       DECIMAL(19,2) NOT NULL,
    credit      DECIMAL(19,2) NOT NULL,
    CONSTRAINT pk_analytic_balance PRIMARY KEY (org_id, dimension, value_id, period_id, account_id),
    CONSTRAINT fk_analytic_balance_period FOREIGN KEY (org_id, period_id) REFERENCES period (org_id, id),
    CONSTRAINT fk_analytic_balance_account FOREIGN KEY (org_id, account_id) REFERENCES account (org_id, id)
) ENGINE = InnoDB;

-- Every organisation has a chain head and every fiscal year a counter from the start, so posting only ever locks rows
-- that exist (inserting them on demand would race).
CREATE TRIGGER organisation_ledger_chain AFTER INSERT ON organisation FOR EACH ROW
    INSERT INTO ledger_chain (org_id) VALUES (NEW.id);
CREATE TRIGGER fiscal_year_entry_counter AFTER INSERT ON fiscal_year FOR EACH ROW
    INSERT INTO entry_counter (org_id, fiscal_year_id) VALUES (NEW.org_id, NEW.id);
