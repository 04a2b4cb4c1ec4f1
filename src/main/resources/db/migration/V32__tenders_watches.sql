-- An organisation's watches: filters its tender-managers save (status codes, CPV and NUTS prefixes, a value range,
-- reserved contracts only, words), each marking as new the tenders the hub read after the watch was last looked at.
-- Prefix lists are kept as the filter writes them, comma-separated; the filter's rules (TenderFilter) check them.
CREATE TABLE tender_watch (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    org_id         BIGINT        NOT NULL,
    name           VARCHAR(100)  NOT NULL,
    statuses       VARCHAR(200)  NOT NULL,
    cpv_prefixes   VARCHAR(1000) NOT NULL,
    nuts_prefixes  VARCHAR(1000) NOT NULL,
    min_value      DECIMAL(19,2) NULL,
    max_value      DECIMAL(19,2) NULL,
    reserved_only  BOOLEAN       NOT NULL,
    words          VARCHAR(200)  NULL,
    -- the tenders the hub first read after this are new to the watch
    seen_at        TIMESTAMP(6)  NOT NULL,
    created_by     BIGINT        NOT NULL,
    created_at     TIMESTAMP(6)  NOT NULL,
    version        INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_tender_watch PRIMARY KEY (id),
    CONSTRAINT uk_tender_watch_org_id UNIQUE (org_id, id),
    CONSTRAINT uk_tender_watch_name UNIQUE (org_id, name),
    CONSTRAINT fk_tender_watch_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT fk_tender_watch_user FOREIGN KEY (created_by) REFERENCES app_user (id)
) ENGINE = InnoDB;
