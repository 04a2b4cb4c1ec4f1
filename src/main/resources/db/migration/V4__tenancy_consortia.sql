-- Consortia: organisations bidding together for one tender (in Spain a UTE), with member shares and a lead member.
-- A consortium spans tenants by design, so its rows are not scoped to one organisation: every query names the member
-- organisation it acts for, and a consortium is reached only through an organisation that belongs to it.

CREATE TABLE consortium (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    name         VARCHAR(200) NOT NULL,
    -- the lead member (the organisation that created it); always also an accepted row of consortium_member
    lead_org_id  BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    created_by   BIGINT       NOT NULL,
    version      INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_consortium PRIMARY KEY (id),
    CONSTRAINT fk_consortium_lead FOREIGN KEY (lead_org_id) REFERENCES organisation (id),
    CONSTRAINT fk_consortium_user FOREIGN KEY (created_by) REFERENCES app_user (id)
) ENGINE = InnoDB;

CREATE INDEX ix_consortium_lead ON consortium (lead_org_id);

-- An organisation's place in a consortium: invited by the lead with a share, then accepted or declined by an
-- org-admin or tender-manager of that organisation. The accepted shares of a formed consortium total exactly 100 %.
CREATE TABLE consortium_member (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    consortium_id  BIGINT       NOT NULL,
    org_id         BIGINT       NOT NULL,
    -- a percentage with two decimals, kept with the scale of the other percentages
    share          DECIMAL(7,4) NOT NULL,
    status         VARCHAR(8)   NOT NULL,
    invited_at     TIMESTAMP(6) NOT NULL,
    responded_at   TIMESTAMP(6),
    CONSTRAINT pk_consortium_member PRIMARY KEY (id),
    CONSTRAINT uk_consortium_member UNIQUE (consortium_id, org_id),
    CONSTRAINT fk_consortium_member_consortium FOREIGN KEY (consortium_id) REFERENCES consortium (id),
    CONSTRAINT fk_consortium_member_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT ck_consortium_member_share CHECK (share > 0 AND share <= 100 AND share = ROUND(share, 2)),
    CONSTRAINT ck_consortium_member_status CHECK (status IN ('INVITED', 'ACCEPTED', 'DECLINED')),
    CONSTRAINT ck_consortium_member_response CHECK ((status = 'INVITED') = (responded_at IS NULL))
) ENGINE = InnoDB;

-- an organisation's consortia and invitations
CREATE INDEX ix_consortium_member_org ON consortium_member (org_id, status);
