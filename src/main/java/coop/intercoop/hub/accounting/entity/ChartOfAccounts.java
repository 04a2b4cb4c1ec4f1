package coop.intercoop.hub.accounting.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The record that an organisation's chart was built from a template; there is at most one per organisation, so a chart
 * is applied once. Keyed by the organisation itself, like {@link LockDates}.
 */
@Entity
@Table(name = "chart_of_accounts")
public class ChartOfAccounts {

    @Id
    @Column(name = "org_id")
    private Long orgId;

    private String template;

    @Column(name = "applied_at")
    private Instant appliedAt;

    protected ChartOfAccounts() {
    }

    public ChartOfAccounts(long orgId, String template, Instant appliedAt) {
        this.orgId = orgId;
        this.template = template;
        this.appliedAt = appliedAt;
    }

    public long getOrgId() {
        return orgId;
    }

    public String getTemplate() {
        return template;
    }

    public Instant getAppliedAt() {
        return appliedAt;
    }
}
