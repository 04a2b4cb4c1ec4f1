-- A bid's pricing: the figures its lines share (a full-time year's hours, overheads, margin and, for lines priced from
-- an agreement's salary table, the employer's contributions, in percent) and its lines, per lot (empty: the whole
-- tender), of a category, the hours it works and where its cost of an hour comes from. The costs are worked out when
-- read, from the members' consented payroll or the agreements' tables, so a withdrawn consent removes them at once.
CREATE TABLE bid_pricing (
    bid_id         BIGINT        NOT NULL,
    annual_hours   DECIMAL(7, 2) NOT NULL,
    overhead_rate  DECIMAL(5, 2) NOT NULL,
    margin_rate    DECIMAL(5, 2) NOT NULL,
    employer_rate  DECIMAL(5, 2) NOT NULL,
    updated_by     BIGINT        NOT NULL,
    updated_at     TIMESTAMP(6)  NOT NULL,
    version        INT           NOT NULL,
    CONSTRAINT pk_bid_pricing PRIMARY KEY (bid_id),
    CONSTRAINT fk_bid_pricing_bid FOREIGN KEY (bid_id) REFERENCES bid (id),
    CONSTRAINT fk_bid_pricing_user FOREIGN KEY (updated_by) REFERENCES app_user (id)
) ENGINE = InnoDB;

CREATE TABLE bid_pricing_line (
    bid_id              BIGINT         NOT NULL,
    position            INT            NOT NULL,
    lot                 VARCHAR(32)    NOT NULL,
    category            VARCHAR(255)   NOT NULL,
    member_org_id       BIGINT         NULL,
    hours               DECIMAL(10, 2) NOT NULL,
    source              VARCHAR(16)    NOT NULL,
    hourly_cost         DECIMAL(10, 2) NULL,
    agreement           VARCHAR(64)    NULL,
    agreement_category  VARCHAR(255)   NULL,
    CONSTRAINT pk_bid_pricing_line PRIMARY KEY (bid_id, position),
    CONSTRAINT fk_bid_pricing_line_pricing FOREIGN KEY (bid_id) REFERENCES bid_pricing (bid_id) ON DELETE CASCADE,
    CONSTRAINT fk_bid_pricing_line_org FOREIGN KEY (member_org_id) REFERENCES organisation (id),
    CONSTRAINT ck_bid_pricing_line_source CHECK (source IN ('MANUAL', 'MEMBER', 'AGREEMENT'))
) ENGINE = InnoDB;
