package coop.intercoop.hub.accounting.entity;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The record that an organisation's chart was built from a template; there is at most one per organisation, so a chart
 * is applied once. Keyed by the organisation itself, like {@link LockDates}. It also states the size of the
 * organisation's annual accounts, the models its balance sheet and results account are drawn up in: abbreviated until
 * the organisation chooses otherwise. The row is written through this entity only (JPA), never in SQL.
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

    @Enumerated(EnumType.STRING)
    @Column(name = "statement_size")
    private StatementSize size = StatementSize.ABBREVIATED;

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

    /** The size of the annual accounts: the models the balance sheet and the results account are drawn up in. */
    public StatementSize getSize() {
        return size;
    }

    /**
     * Draws the annual accounts up in the models of this size from now on. Whether the plan has models of that size is
     * a question of the installed configuration, which {@code accounting.control.Accounts} asks before calling this.
     */
    public void chooseSize(StatementSize size) {
        this.size = Objects.requireNonNull(size);
    }
}
