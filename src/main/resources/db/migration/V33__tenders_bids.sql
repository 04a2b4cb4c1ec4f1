-- A member may leave a consortium (the lead may not): it keeps its row, as LEFT, and sees nothing of the consortium
-- from then on; the lead may invite it again.
ALTER TABLE consortium_member DROP CONSTRAINT ck_consortium_member_status;
ALTER TABLE consortium_member ADD CONSTRAINT ck_consortium_member_status
    CHECK (status IN ('INVITED', 'ACCEPTED', 'DECLINED', 'LEFT'));

-- A consortium's bid for one tender (a consortium bids for one tender): the tender and the lots bid for (comma-separated
-- lot numbers of the tender, empty for the whole tender), and the members' decision to bid or not. Consortium data:
-- not scoped to one organisation, reached only through an accepted member of the consortium.
CREATE TABLE bid (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    consortium_id  BIGINT        NOT NULL,
    tender_id      BIGINT        NOT NULL,
    lots           VARCHAR(2000) NOT NULL,
    decision       VARCHAR(8)    NULL,
    created_by     BIGINT        NOT NULL,
    created_at     TIMESTAMP(6)  NOT NULL,
    version        INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_bid PRIMARY KEY (id),
    CONSTRAINT uk_bid_consortium UNIQUE (consortium_id),
    CONSTRAINT fk_bid_consortium FOREIGN KEY (consortium_id) REFERENCES consortium (id),
    CONSTRAINT fk_bid_tender FOREIGN KEY (tender_id) REFERENCES tender (id),
    CONSTRAINT fk_bid_user FOREIGN KEY (created_by) REFERENCES app_user (id),
    CONSTRAINT ck_bid_decision CHECK (decision IN ('BID', 'NO_BID'))
) ENGINE = InnoDB;

-- The bid's checklist: what each envelope needs (administrative, technical, economic), which member organisation
-- prepares it, by when, and whether it is done.
CREATE TABLE bid_item (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    bid_id        BIGINT        NOT NULL,
    envelope      VARCHAR(16)   NOT NULL,
    title         VARCHAR(300)  NOT NULL,
    owner_org_id  BIGINT        NOT NULL,
    due_date      DATE          NOT NULL,
    done_at       TIMESTAMP(6)  NULL,
    done_by       BIGINT        NULL,
    version       INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_bid_item PRIMARY KEY (id),
    CONSTRAINT fk_bid_item_bid FOREIGN KEY (bid_id) REFERENCES bid (id) ON DELETE CASCADE,
    CONSTRAINT fk_bid_item_owner FOREIGN KEY (owner_org_id) REFERENCES organisation (id),
    CONSTRAINT fk_bid_item_done_by FOREIGN KEY (done_by) REFERENCES app_user (id),
    CONSTRAINT ck_bid_item_envelope CHECK (envelope IN ('ADMINISTRATIVE', 'TECHNICAL', 'ECONOMIC')),
    CONSTRAINT ck_bid_item_done CHECK ((done_at IS NULL) = (done_by IS NULL))
) ENGINE = InnoDB;

CREATE INDEX ix_bid_item_bid ON bid_item (bid_id, envelope, due_date);
