-- An organisation's certificates for its bids: up to date with the tax agency and with Social Security, registry
-- entries, insurance, quality and environmental certificates..., each with its validity. The organisation's own rows;
-- the members of a consortium it belongs to see them in the consortium's bid, checked against the tender's deadline.
CREATE TABLE org_certificate (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    org_id       BIGINT        NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    title        VARCHAR(300)  NOT NULL,
    issuer       VARCHAR(200)  NULL,
    reference    VARCHAR(100)  NULL,
    valid_from   DATE          NOT NULL,
    valid_until  DATE          NULL,
    version      INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_org_certificate PRIMARY KEY (id),
    CONSTRAINT uk_org_certificate_org_id UNIQUE (org_id, id),
    CONSTRAINT fk_org_certificate_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT ck_org_certificate_kind CHECK (kind IN ('TAX_AGENCY', 'SOCIAL_SECURITY', 'REGISTRY', 'INSURANCE',
        'QUALITY', 'ENVIRONMENTAL', 'OTHER')),
    CONSTRAINT ck_org_certificate_validity CHECK (valid_until IS NULL OR valid_until >= valid_from)
) ENGINE = InnoDB;

CREATE INDEX ix_org_certificate_org ON org_certificate (org_id, kind, valid_until);

-- The bid/no-bid scorecard: what the members weigh (fit with their services, margin, risk, capacity...), each with
-- its weight and the score they give it, 0 to 10.
CREATE TABLE bid_score (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    bid_id     BIGINT        NOT NULL,
    criterion  VARCHAR(200)  NOT NULL,
    weight     DECIMAL(7,2)  NOT NULL,
    score      DECIMAL(4,2)  NOT NULL,
    note       VARCHAR(1000) NULL,
    CONSTRAINT pk_bid_score PRIMARY KEY (id),
    CONSTRAINT fk_bid_score_bid FOREIGN KEY (bid_id) REFERENCES bid (id) ON DELETE CASCADE,
    CONSTRAINT ck_bid_score_weight CHECK (weight > 0),
    CONSTRAINT ck_bid_score_score CHECK (score >= 0 AND score <= 10)
) ENGINE = InnoDB;
