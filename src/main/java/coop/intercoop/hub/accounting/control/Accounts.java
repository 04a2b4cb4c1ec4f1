package coop.intercoop.hub.accounting.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;

import coop.intercoop.hub.accounting.entity.Account;
import coop.intercoop.hub.accounting.entity.ChartOfAccounts;
import coop.intercoop.hub.accounting.entity.InvalidAccountException;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/**
 * The chart of accounts of the checked organisation: built once from a template, then extended with subaccounts. Called
 * from {@link Tenanted} boundaries only; every lookup by code is scoped to the organisation.
 */
@Dependent
public class Accounts {

    /** Rows per INSERT when a template is copied; a chart has some hundreds of accounts. */
    private static final int ROWS_PER_INSERT = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenant tenant;

    @Inject
    ChartTemplates templates;

    @Inject
    AuditTrail audit;

    /** The template the organisation's chart was built from, if any. */
    public Optional<ChartOfAccounts> chart() {
        return Optional.ofNullable(em.find(ChartOfAccounts.class, tenant.id()));
    }

    /**
     * Builds the organisation's chart from a template: every account of the template, in one set-based insert that
     * names the organisation explicitly (DESIGN rule 7).
     *
     * @return the number of accounts created
     *
     * @throws ChartAlreadyAppliedException
     *             if the organisation already has a chart
     */
    public int applyTemplate(String template) {
        List<ChartTemplates.Line> lines = templates.read(template);
        long orgId = tenant.id();
        ChartOfAccounts existing = em.find(ChartOfAccounts.class, orgId);
        if (existing != null) {
            throw new ChartAlreadyAppliedException(existing.getTemplate());
        }
        try {
            em.persist(new ChartOfAccounts(orgId, template, Instant.now()));
            em.flush();
        } catch (PersistenceException concurrentlyApplied) {
            throw new ChartAlreadyAppliedException(template);
        }
        for (int from = 0; from < lines.size(); from += ROWS_PER_INSERT) {
            insert(orgId, lines.subList(from, Math.min(lines.size(), from + ROWS_PER_INSERT)));
        }
        audit.record(orgId, "accounting.chart-applied", "chart", template, lines.size() + " accounts");
        return lines.size();
    }

    private void insert(long orgId, List<ChartTemplates.Line> lines) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO account (org_id, code, name, grp, nature, kind, parent_code, from_template) VALUES ");
        for (int i = 0; i < lines.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, TRUE)");
        }
        Query insert = em.createNativeQuery(sql.toString());
        int p = 1;
        for (ChartTemplates.Line line : lines) {
            insert.setParameter(p++, orgId).setParameter(p++, line.code()).setParameter(p++, line.name())
                    .setParameter(p++, line.group()).setParameter(p++, line.nature().name())
                    .setParameter(p++, line.kind().name()).setParameter(p++, line.parentCode());
        }
        insert.executeUpdate();
    }

    public List<Account> all() {
        return em.createNamedQuery(Account.ALL, Account.class).getResultList();
    }

    /**
     * @throws NotFoundException
     *             if the organisation's chart has no such code, whatever other charts have
     */
    public Account find(String code) {
        return em.createNamedQuery(Account.BY_CODE, Account.class).setParameter("code", code).getResultStream()
                .findFirst().orElseThrow(() -> new NotFoundException("account", code));
    }

    /**
     * Adds a subaccount to the account of the chart it extends: the longest existing code that begins it.
     *
     * @throws InvalidAccountException
     *             naming what is wrong with the code or name, or that no account of the chart begins the code
     * @throws DuplicateAccountException
     *             if the code exists
     */
    public Account addSubaccount(String code, String name) {
        String checked = Account.checkCode(code);
        List<String> prefixes = new ArrayList<>();
        for (int end = 1; end <= checked.length(); end++) {
            prefixes.add(checked.substring(0, end));
        }
        List<Account> ancestors = em.createNamedQuery(Account.BY_CODES, Account.class).setParameter("codes", prefixes)
                .getResultList();
        if (ancestors.stream().anyMatch(a -> a.getCode().equals(checked))) {
            throw new DuplicateAccountException(checked);
        }
        Account parent = ancestors.stream().max(Comparator.comparingInt(a -> a.getCode().length()))
                .orElseThrow(() -> new InvalidAccountException("code", "No account of this organisation's chart begins "
                        + checked + (chart().isEmpty() ? "; apply a chart template first." : ".")));
        Account sub = parent.subaccount(checked, name);
        em.persist(sub);
        em.flush();
        audit.record(tenant.id(), "accounting.account-created", "account", sub.getCode(),
                sub.getName() + ", under " + parent.getCode());
        return sub;
    }

    public static class ChartAlreadyAppliedException extends HubException {
        private static final long serialVersionUID = 1L;

        public ChartAlreadyAppliedException(String template) {
            super(Kind.CONFLICT, "template", "This organisation's chart was already built from the template " + template
                    + "; a chart is applied once. Add subaccounts to it instead.");
        }
    }

    public static class DuplicateAccountException extends HubException {
        private static final long serialVersionUID = 1L;

        public DuplicateAccountException(String code) {
            super(Kind.CONFLICT, "code", "The account " + code + " already exists in this organisation's chart.");
        }
    }
}
