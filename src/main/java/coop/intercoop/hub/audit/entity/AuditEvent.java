package coop.intercoop.hub.audit.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One audited fact, as read back for the audit log. Append-only: events are written by
 * {@link coop.intercoop.hub.audit.control.AuditChain} into their keyed chains, and the database refuses every UPDATE
 * and DELETE of them (V8 triggers).
 */
@Entity
@Table(name = "audit_event")
@NamedQuery(name = AuditEvent.IN_ORG, query = "SELECT e FROM AuditEvent e WHERE e.orgId = :orgId ORDER BY e.id DESC")
@NamedQuery(name = AuditEvent.COUNT_IN_ORG, query = "SELECT COUNT(e) FROM AuditEvent e WHERE e.orgId = :orgId")
public class AuditEvent {

    public static final String IN_ORG = "AuditEvent.inOrg";
    public static final String COUNT_IN_ORG = "AuditEvent.countInOrg";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", updatable = false)
    private Instant occurredAt;

    @Column(updatable = false)
    private String actor;

    @Column(name = "org_id", updatable = false)
    private Long orgId;

    @Column(updatable = false)
    private String action;

    @Column(name = "object_type", updatable = false)
    private String objectType;

    @Column(name = "object_id", updatable = false)
    private String objectId;

    @Column(updatable = false)
    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, String actor, Long orgId, String action, String objectType, String objectId,
            String detail) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.orgId = orgId;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public Long getOrgId() {
        return orgId;
    }

    public String getAction() {
        return action;
    }

    public String getObjectType() {
        return objectType;
    }

    public String getObjectId() {
        return objectId;
    }

    public String getDetail() {
        return detail;
    }
}
