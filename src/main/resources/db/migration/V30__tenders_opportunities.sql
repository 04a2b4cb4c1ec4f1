-- Public tenders as the procurement platform (PLACSP) publishes them: ATOM feed entries carrying the CODICE contract
-- folder. Public data, the same for every organisation of the hub, so kept once and without org_id: an organisation
-- reaches them through its own path (orgs/{org}/tenders) and what it marks, saves or bids for is its own, in
-- organisation-scoped tables. Codes are kept as published (their labels are the official code lists in
-- config/tenders/); amounts to cents; the deadline as published, in Spanish peninsular time.

CREATE TABLE tender (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    -- the ATOM entry's id, kept by the platform for the folder's life; an entry replaces the row only when its
    -- updated is later than the row's
    entry_id              VARCHAR(255)  NOT NULL,
    updated_at            TIMESTAMP(6)  NOT NULL,
    link                  TEXT          NOT NULL,
    folder_id             VARCHAR(255)  NOT NULL,
    status                VARCHAR(255)  NOT NULL,
    title                 TEXT          NOT NULL,
    buyer_name            TEXT          NOT NULL,
    buyer_tax_id          VARCHAR(255)  NULL,
    buyer_dir3            VARCHAR(255)  NULL,
    contract_type         VARCHAR(255)  NULL,
    procedure_code        VARCHAR(255)  NULL,
    nuts                  VARCHAR(255)  NULL,
    budget_with_taxes     DECIMAL(19,2) NULL,
    budget_without_taxes  DECIMAL(19,2) NULL,
    estimated_value       DECIMAL(19,2) NULL,
    deadline              DATETIME      NULL,
    -- when the platform took the entry out of its feed (its tombstone); null while it is published
    closed_at             TIMESTAMP(6)  NULL,
    -- when the hub first read the entry: what an organisation's watch has not seen yet is what was read after it
    imported_at           TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_tender PRIMARY KEY (id),
    CONSTRAINT uk_tender_entry UNIQUE (entry_id)
) ENGINE = InnoDB;

CREATE INDEX ix_tender_deadline ON tender (deadline);
CREATE INDEX ix_tender_status ON tender (status, deadline);
CREATE INDEX ix_tender_imported ON tender (imported_at);

-- A tombstone (RFC 6721) as read, whether or not its entry was imported: an older page read later must not publish
-- again an entry the platform took out.
CREATE TABLE tender_tombstone (
    entry_id    VARCHAR(255) NOT NULL,
    deleted_at  TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_tender_tombstone PRIMARY KEY (entry_id)
) ENGINE = InnoDB;

-- The folder's lots, in the order published.
CREATE TABLE tender_lot (
    tender_id             BIGINT        NOT NULL,
    position              INT           NOT NULL,
    lot_id                VARCHAR(255)  NOT NULL,
    title                 TEXT          NOT NULL,
    budget_with_taxes     DECIMAL(19,2) NULL,
    budget_without_taxes  DECIMAL(19,2) NULL,
    nuts                  VARCHAR(255)  NULL,
    CONSTRAINT pk_tender_lot PRIMARY KEY (tender_id, position),
    CONSTRAINT fk_tender_lot FOREIGN KEY (tender_id) REFERENCES tender (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- CPV codes of the folder (lot_id null) and of its lots; searched by prefix.
CREATE TABLE tender_cpv (
    tender_id  BIGINT       NOT NULL,
    position   INT          NOT NULL,
    lot_id     VARCHAR(255) NULL,
    code       VARCHAR(255) NOT NULL,
    CONSTRAINT pk_tender_cpv PRIMARY KEY (tender_id, position),
    CONSTRAINT fk_tender_cpv FOREIGN KEY (tender_id) REFERENCES tender (id) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE INDEX ix_tender_cpv_code ON tender_cpv (code, tender_id);

-- Award and solvency criteria and declarations, as published, of the folder or of one lot.
CREATE TABLE tender_criterion (
    tender_id    BIGINT        NOT NULL,
    position     INT           NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    lot_id       VARCHAR(255)  NULL,
    code         VARCHAR(255)  NULL,
    description  TEXT          NULL,
    weight       DECIMAL(19,2) NULL,
    CONSTRAINT pk_tender_criterion PRIMARY KEY (tender_id, position),
    CONSTRAINT fk_tender_criterion FOREIGN KEY (tender_id) REFERENCES tender (id) ON DELETE CASCADE,
    CONSTRAINT ck_tender_criterion_kind CHECK (kind IN ('AWARD', 'FINANCIAL', 'TECHNICAL', 'DECLARATION'))
) ENGINE = InnoDB;

CREATE INDEX ix_tender_criterion_code ON tender_criterion (kind, code, tender_id);

CREATE TABLE tender_document (
    tender_id  BIGINT        NOT NULL,
    position   INT           NOT NULL,
    kind       VARCHAR(16)   NOT NULL,
    name       TEXT          NOT NULL,
    uri        TEXT          NOT NULL,
    type_code  VARCHAR(255)  NULL,
    CONSTRAINT pk_tender_document PRIMARY KEY (tender_id, position),
    CONSTRAINT fk_tender_document FOREIGN KEY (tender_id) REFERENCES tender (id) ON DELETE CASCADE,
    CONSTRAINT ck_tender_document_kind CHECK (kind IN ('LEGAL', 'TECHNICAL', 'ADDITIONAL', 'GENERAL'))
) ENGINE = InnoDB;

-- The results of the folder or of its lots: awarded, void, desisted... with the winner and the amounts.
CREATE TABLE tender_result (
    tender_id             BIGINT        NOT NULL,
    position              INT           NOT NULL,
    lot_id                VARCHAR(255)  NULL,
    result_code           VARCHAR(255)  NOT NULL,
    award_date            DATE          NULL,
    winner_name           TEXT          NULL,
    winner_tax_id         VARCHAR(255)  NULL,
    amount_without_taxes  DECIMAL(19,2) NULL,
    amount_payable        DECIMAL(19,2) NULL,
    tenders_received      INT           NULL,
    CONSTRAINT pk_tender_result PRIMARY KEY (tender_id, position),
    CONSTRAINT fk_tender_result FOREIGN KEY (tender_id) REFERENCES tender (id) ON DELETE CASCADE
) ENGINE = InnoDB;
