-- Numbering by date for the legalisation of the journal (libro diario): posting gives entries their numbers in
-- posting order; before the journal is legalised (Registro Mercantil, or the registry of associations or foundations)
-- the entries of a fiscal year are numbered again in date order, the opening entry first and the year-end entries
-- last. A renumbering never touches a posted entry: it is a new record, a numbering version of the fiscal year with
-- each entry's legal number, sealed with the hub's integrity key and chained to the year's previous numbering.
CREATE TABLE entry_numbering (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    org_id          BIGINT       NOT NULL,
    fiscal_year_id  BIGINT       NOT NULL,
    -- 1 for the year's first numbering, then 2, 3...
    version         INT          NOT NULL,
    -- how many entries it numbers: every entry the year had when it was made
    entries         INT          NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    created_by      BIGINT       NOT NULL,
    key_id          SMALLINT     NOT NULL,
    prev_mac        CHAR(64)     NULL,
    mac             CHAR(64)     NOT NULL,
    CONSTRAINT pk_entry_numbering PRIMARY KEY (id),
    CONSTRAINT uk_entry_numbering_org_id UNIQUE (org_id, id),
    CONSTRAINT uk_entry_numbering_version UNIQUE (org_id, fiscal_year_id, version),
    CONSTRAINT fk_entry_numbering_year FOREIGN KEY (org_id, fiscal_year_id) REFERENCES fiscal_year (org_id, id),
    CONSTRAINT fk_entry_numbering_user FOREIGN KEY (created_by) REFERENCES app_user (id),
    CONSTRAINT ck_entry_numbering_version CHECK (version > 0)
) ENGINE = InnoDB;

-- An entry's legal number in a numbering: 1..N without gaps.
CREATE TABLE entry_legal_number (
    org_id        BIGINT NOT NULL,
    numbering_id  BIGINT NOT NULL,
    legal_no      INT    NOT NULL,
    entry_id      BIGINT NOT NULL,
    CONSTRAINT pk_entry_legal_number PRIMARY KEY (org_id, numbering_id, legal_no),
    CONSTRAINT fk_entry_legal_number_numbering FOREIGN KEY (org_id, numbering_id)
        REFERENCES entry_numbering (org_id, id),
    CONSTRAINT fk_entry_legal_number_entry FOREIGN KEY (org_id, entry_id) REFERENCES journal_entry (org_id, id),
    CONSTRAINT ck_entry_legal_number CHECK (legal_no > 0)
) ENGINE = InnoDB;

CREATE INDEX ix_entry_legal_number_entry ON entry_legal_number (org_id, entry_id, numbering_id);

-- The year's current numbering (the latest), and when the journal was legalised: from then on its numbers are final
-- and nothing more is posted in the year.
ALTER TABLE fiscal_year
    ADD COLUMN numbering_id  BIGINT       NULL,
    ADD COLUMN legalised_at  TIMESTAMP(6) NULL,
    ADD COLUMN legalised_by  BIGINT       NULL,
    ADD CONSTRAINT fk_fiscal_year_numbering FOREIGN KEY (org_id, numbering_id) REFERENCES entry_numbering (org_id, id),
    ADD CONSTRAINT fk_fiscal_year_legalised_by FOREIGN KEY (legalised_by) REFERENCES app_user (id);

-- Numberings are records like posted entries: never updated, never deleted.
CREATE TRIGGER entry_numbering_immutable_update BEFORE UPDATE ON entry_numbering FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A numbering cannot be changed; renumber the year instead.';
CREATE TRIGGER entry_numbering_immutable_delete BEFORE DELETE ON entry_numbering FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A numbering cannot be deleted.';
CREATE TRIGGER entry_legal_number_immutable_update BEFORE UPDATE ON entry_legal_number FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A legal number cannot be changed; renumber the year instead.';
CREATE TRIGGER entry_legal_number_immutable_delete BEFORE DELETE ON entry_legal_number FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A legal number cannot be deleted.';


-- An entry's place within its date in the journal: the opening entry first, then the day's entries by posting number,
-- the year-end entries (regularisation, closing) last. Indexed with the date and the posting number, so the journal
-- is read in its legal order page after page, however long.
ALTER TABLE journal_entry
    ADD COLUMN day_rank TINYINT AS (CASE journal WHEN 'OPENING' THEN 0 WHEN 'CLOSING' THEN 2 ELSE 1 END) VIRTUAL;
CREATE INDEX ix_journal_entry_legal ON journal_entry (org_id, entry_date, day_rank, entry_no);
