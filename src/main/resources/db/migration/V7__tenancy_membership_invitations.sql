-- An org-admin invites an existing user to become a member; the membership starts when the user accepts. An org-admin
-- neither enrols nor learns of users outside the organisation: the answer to an invitation is the same whether the
-- name exists or not. Only pending invitations are kept; the answer (accepted or declined) is in the audit log.
CREATE TABLE membership_invitation (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    org_id          BIGINT       NOT NULL,
    user_id         BIGINT       NOT NULL,
    roles           VARCHAR(300) NOT NULL,
    work_centre_id  BIGINT,
    invited_by      BIGINT       NOT NULL,
    invited_at      TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_membership_invitation PRIMARY KEY (id),
    CONSTRAINT uk_membership_invitation UNIQUE (org_id, user_id),
    CONSTRAINT fk_membership_invitation_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT fk_membership_invitation_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_membership_invitation_by FOREIGN KEY (invited_by) REFERENCES app_user (id),
    CONSTRAINT fk_membership_invitation_work_centre FOREIGN KEY (org_id, work_centre_id)
        REFERENCES work_centre (org_id, id)
) ENGINE = InnoDB;

CREATE INDEX ix_membership_invitation_user ON membership_invitation (user_id);
