-- A read of the procurement platform's feed at the address the hub is configured with (hub.tenders.feed.url), asked
-- for by an organisation's tender-manager and run on the platform's job runner (job, same id): page after page along
-- the feed's next links, each page kept whole in a transaction of its own, until a page brings nothing new or the
-- pages asked for are read. The tenders it keeps are the hub's (tender); this row is the organisation's record of the
-- read: what it did and, when it failed, why, in the language of the person who asked for it.
CREATE TABLE tender_feed_read (
    org_id      BIGINT        NOT NULL,
    id          BIGINT        NOT NULL,
    max_pages   INT           NOT NULL,
    language    VARCHAR(16)   NOT NULL,
    pages       INT           NOT NULL DEFAULT 0,
    created     INT           NOT NULL DEFAULT 0,
    updated     INT           NOT NULL DEFAULT 0,
    unchanged   INT           NOT NULL DEFAULT 0,
    closed      INT           NOT NULL DEFAULT 0,
    -- the last page kept, and the next the feed links to (null at the feed's end)
    last_page   TEXT          NULL,
    next_page   TEXT          NULL,
    outcome     VARCHAR(2000) NULL,
    CONSTRAINT pk_tender_feed_read PRIMARY KEY (org_id, id),
    CONSTRAINT fk_tender_feed_read_job FOREIGN KEY (org_id, id) REFERENCES job (org_id, id),
    CONSTRAINT ck_tender_feed_read_pages CHECK (max_pages > 0)
) ENGINE = InnoDB;
