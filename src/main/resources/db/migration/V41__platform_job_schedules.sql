-- Work a component's job does again and again for an organisation (a read of the procurement platform's feed every few
-- hours): one schedule per organisation and kind, saved by a person whom each run acts as, in the language they asked
-- in. Each node looks for schedules that are due; the one whose conditional update moves next_at on queues the job, so
-- two nodes never queue one run twice. A schedule whose owner may no longer act is suspended, saying why, until someone
-- saves it again.
CREATE TABLE job_schedule (
    org_id          BIGINT        NOT NULL,
    kind            VARCHAR(40)   NOT NULL,
    every_minutes   INT           NOT NULL,
    next_at         TIMESTAMP(6)  NOT NULL,
    owner_id        BIGINT        NOT NULL,
    language        VARCHAR(16)   NOT NULL,
    last_job        BIGINT        NULL,
    last_fired_at   TIMESTAMP(6)  NULL,
    suspended       VARCHAR(2000) NULL,
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_job_schedule PRIMARY KEY (org_id, kind),
    CONSTRAINT fk_job_schedule_org FOREIGN KEY (org_id) REFERENCES organisation (id),
    CONSTRAINT fk_job_schedule_owner FOREIGN KEY (owner_id) REFERENCES app_user (id),
    CONSTRAINT fk_job_schedule_last_job FOREIGN KEY (org_id, last_job) REFERENCES job (org_id, id),
    CONSTRAINT ck_job_schedule_every CHECK (every_minutes > 0)
) ENGINE = InnoDB;

CREATE INDEX ix_job_schedule_due ON job_schedule (next_at);
