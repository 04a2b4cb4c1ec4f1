-- Platform: organisations (the tenants), their work centres, users, memberships, API tokens, login throttling and
-- the audit log. Business tables of later components carry org_id and reference each other with (org_id, id), so
-- the database itself refuses a row of one organisation that points at another's.

CREATE TABLE organisation (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    tax_id      VARCHAR(9)   NOT NULL,
    name        VARCHAR(200) NOT NULL,
    type        VARCHAR(40)  NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version     INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_organisation PRIMARY KEY (id),
    CONSTRAINT uk_organisation_tax_id UNIQUE (tax_id),
    CONSTRAINT ck_organisation_type CHECK (type IN ('ASSOCIATION', 'FOUNDATION', 'SOCIAL_COOPERATIVE',
        'WORK_INTEGRATION_ENTERPRISE', 'SPECIAL_EMPLOYMENT_CENTRE', 'OTHER'))
) ENGINE = InnoDB;

CREATE TABLE work_centre (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    org_id        BIGINT       NOT NULL,
    name          VARCHAR(200) NOT NULL,
    address       VARCHAR(300) NOT NULL,
    postal_code   VARCHAR(5)   NOT NULL,
    municipality  VARCHAR(100) NOT NULL,
    ccc           CHAR(11)     NOT NULL,
    version       INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_work_centre PRIMARY KEY (id),
    CONSTRAINT uk_work_centre_org_id UNIQUE (org_id, id),
    CONSTRAINT uk_work_centre_ccc UNIQUE (org_id, ccc),
    CONSTRAINT fk_work_centre_org FOREIGN KEY (org_id) REFERENCES organisation (id)
) ENGINE = InnoDB;

CREATE TABLE app_user (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    username       VARCHAR(100) NOT NULL,
    full_name      VARCHAR(200) NOT NULL,
    email          VARCHAR(254),
    password_hash  VARCHAR(300) NOT NULL,
    hub_admin      BOOLEAN      NOT NULL DEFAULT FALSE,
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version        INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_app_user PRIMARY KEY (id),
    CONSTRAINT uk_app_user_username UNIQUE (username)
) ENGINE = InnoDB;

CREATE TABLE membership (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    org_id          BIGINT       NOT NULL,
    user_id         BIGINT       NOT NULL,
    roles           VARCHAR(300) NOT NULL,
    work_centre_id  BIGINT,
    version         INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_membership PRIMARY KEY (id),
    CONSTRAINT uk_membership UNIQUE (org_id, user_id),
    CONSTRAINT fk_membership_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT fk_membership_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    -- a member's usual work centre must be one of the same organisation
    CONSTRAINT fk_membership_work_centre FOREIGN KEY (org_id, work_centre_id) REFERENCES work_centre (org_id, id)
) ENGINE = InnoDB;

CREATE TABLE api_token (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    user_id       BIGINT       NOT NULL,
    name          VARCHAR(100) NOT NULL,
    token_hash    CHAR(64)     NOT NULL,
    read_only     BOOLEAN      NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    expires_at    TIMESTAMP(6) NOT NULL,
    revoked_at    TIMESTAMP(6),
    last_used_at  TIMESTAMP(6),
    CONSTRAINT pk_api_token PRIMARY KEY (id),
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB;

CREATE TABLE login_throttle (
    username         VARCHAR(100) NOT NULL,
    failures         INT          NOT NULL,
    last_failure_at  TIMESTAMP(6) NOT NULL,
    blocked_until    TIMESTAMP(6),
    CONSTRAINT pk_login_throttle PRIMARY KEY (username)
) ENGINE = InnoDB;

CREATE TABLE audit_event (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at  TIMESTAMP(6)  NOT NULL,
    actor        VARCHAR(100)  NOT NULL,
    org_id       BIGINT,
    action       VARCHAR(60)   NOT NULL,
    object_type  VARCHAR(60),
    object_id    VARCHAR(100),
    detail       VARCHAR(1000),
    CONSTRAINT pk_audit_event PRIMARY KEY (id),
    CONSTRAINT fk_audit_event_org FOREIGN KEY (org_id) REFERENCES organisation (id)
) ENGINE = InnoDB;

CREATE INDEX ix_audit_event_org ON audit_event (org_id, occurred_at);
