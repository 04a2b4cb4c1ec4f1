-- Tamper evidence against someone who can write the database but not read the hub's integrity key (a file outside the
-- database). Entries posted from now on are digested with HMAC-SHA256 under a key id (scheme 2); the entries posted
-- before keep scheme 1 (plain SHA-256) and stay checkable. Adding nullable columns at the end is an instant change,
-- however large the ledger.
ALTER TABLE journal_entry ADD COLUMN hash_key_id SMALLINT NULL;

-- The audit log gets its own keyed chains, one per organisation and one (chain 0) for what happens outside any
-- organisation (logins, the register of organisations): an organisation's auditors verify their own log without
-- reading another's, and organisations write in parallel as their ledgers do. Events recorded before this migration
-- carry no chain (chain_id NULL).
ALTER TABLE audit_event
    ADD COLUMN chain_id  BIGINT NULL,
    ADD COLUMN chain_seq BIGINT NULL,
    ADD COLUMN key_id    SMALLINT NULL,
    ADD COLUMN prev_mac  CHAR(64) NULL,
    ADD COLUMN mac       CHAR(64) NULL;

CREATE UNIQUE INDEX uk_audit_event_chain ON audit_event (chain_id, chain_seq);

-- The head of each audit chain, locked while events are appended to it.
CREATE TABLE audit_chain (
    chain_id  BIGINT   NOT NULL,
    last_seq  BIGINT   NOT NULL DEFAULT 0,
    last_mac  CHAR(64),
    CONSTRAINT pk_audit_chain PRIMARY KEY (chain_id)
) ENGINE = InnoDB;

INSERT INTO audit_chain (chain_id) VALUES (0);
INSERT INTO audit_chain (chain_id) SELECT id FROM organisation;

CREATE TRIGGER organisation_audit_chain AFTER INSERT ON organisation FOR EACH ROW
    INSERT INTO audit_chain (chain_id) VALUES (NEW.id);

-- Audit events are records like posted entries: never updated, never deleted.
CREATE TRIGGER audit_event_immutable_update BEFORE UPDATE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An audit event cannot be changed.';
CREATE TRIGGER audit_event_immutable_delete BEFORE DELETE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An audit event cannot be deleted.';
