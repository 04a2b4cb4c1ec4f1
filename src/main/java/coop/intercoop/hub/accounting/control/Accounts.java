package coop.intercoop.hub.accounting.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;

import coop.intercoop.hub.accounting.entity.StatementSize;
import coop.intercoop.hub.accounting.entity.Account;
import coop.intercoop.hub.accounting.entity.AccountKind;
import coop.intercoop.hub.accounting.entity.ChartOfAccounts;
import coop.intercoop.hub.accounting.entity.InvalidAccountException;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.platform.Refusals;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/**
 * The chart of accounts of the checked organisation: built once from a template, then extended with subaccounts. Called
 * from {@link Tenanted} boundaries only; every lookup by code is scoped to the organisation. It is the account table's
 * one writer: accounts are read as JPA entities, which state the chart's rules, and written here in SQL (a template's
 * hundreds of accounts in a few set-based inserts), each statement naming the organisation.
 */
@Dependent
public class Accounts {

    /**
     * Each account of the organisation ({@code ?}) with postings in a fiscal year not closed, and the first such year:
     * an account a subaccount may not turn into a heading ({@link SubaccountRules}).
     */
    static final String POSTED_IN_OPEN_YEARS = "SELECT a.code, MIN(f.year) FROM period_balance b"
            + " JOIN account a ON a.org_id = b.org_id AND a.id = b.account_id"
            + " JOIN period p ON p.org_id = b.org_id AND p.id = b.period_id"
            + " JOIN fiscal_year f ON f.org_id = p.org_id AND f.id = p.fiscal_year_id"
            + " WHERE b.org_id = ? AND f.closed_at IS NULL";

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

    @Inject
    Ledger ledger;

    @Inject
    Drafts drafts;

    @Inject
    StatementModels models;

    /** The template the organisation's chart was built from, if any. */
    public Optional<ChartOfAccounts> chart() {
        return Optional.ofNullable(em.find(ChartOfAccounts.class, tenant.id()));
    }

    /**
     * Builds the organisation's chart from a template: every account of the template, in set-based inserts that name
     * the organisation explicitly (DESIGN rule 7).
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
        insert(lines.stream().map(
                line -> Account.ofTemplate(line.code(), line.name(), line.nature(), line.kind(), line.parentCode()))
                .toList());
        audit.record(orgId, "accounting.chart-applied", "chart", template, lines.size() + " accounts");
        return lines.size();
    }

    /**
     * Chooses the size of the organisation's annual accounts, the models its balance sheet and results account are
     * drawn up in from now on. Written through the entity {@link ChartOfAccounts}, the chart_of_accounts row's one
     * writer.
     *
     * @throws NoChartException
     *             if the organisation has no chart yet, whose plan's models it would choose among
     * @throws StatementModels.SizeWithoutModelsException
     *             if the plan has no installed models of that size, before anything is stored
     */
    public ChartOfAccounts chooseSize(StatementSize size) {
        ChartOfAccounts chart = em.find(ChartOfAccounts.class, tenant.id());
        if (chart == null) {
            throw new NoChartException();
        }
        models.requireModels(chart.getTemplate(), size);
        StatementSize before = chart.getSize();
        chart.chooseSize(size);
        audit.record(tenant.id(), "accounting.statement-size-chosen", "chart", chart.getTemplate(),
                before.code() + " to " + size.code());
        return chart;
    }

    // ---- the account table's one writer: every row of it is written here, in SQL that names the organisation

    /** Inserts the accounts, {@value #ROWS_PER_INSERT} rows per statement. */
    private void insert(List<Account> accounts) {
        for (int from = 0; from < accounts.size(); from += ROWS_PER_INSERT) {
            List<Account> rows = accounts.subList(from, Math.min(accounts.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder("INSERT INTO account (org_id, code, name, grp, nature, kind, "
                    + "parent_code, from_template) VALUES ");
            for (int i = 0; i < rows.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            }
            Query insert = em.createNativeQuery(sql.toString());
            int p = 1;
            for (Account account : rows) {
                insert.setParameter(p++, tenant.id()).setParameter(p++, account.getCode())
                        .setParameter(p++, account.getName()).setParameter(p++, account.getGroup())
                        .setParameter(p++, account.getNature().name()).setParameter(p++, account.getKind().name())
                        .setParameter(p++, account.getParentCode()).setParameter(p++, account.isFromTemplate());
            }
            insert.executeUpdate();
        }
    }

    /** Writes the accounts with these codes as headings or posting accounts. */
    private void writeKind(Collection<String> codes, AccountKind kind) {
        for (List<String> chunk : Jdbc.chunks(codes)) {
            Query update = em.createNativeQuery("UPDATE account SET kind = ?, version = version + 1 WHERE org_id = ? "
                    + "AND kind <> ? AND code IN (" + Jdbc.placeholders(chunk.size()) + ")");
            update.setParameter(1, kind.name()).setParameter(2, tenant.id()).setParameter(3, kind.name());
            for (int i = 0; i < chunk.size(); i++) {
                update.setParameter(i + 4, chunk.get(i));
            }
            update.executeUpdate();
        }
    }

    private void writeName(Account account, String name) {
        em.createNativeQuery("UPDATE account SET name = ?, version = version + 1 WHERE org_id = ? AND id = ?")
                .setParameter(1, name).setParameter(2, tenant.id()).setParameter(3, account.getId()).executeUpdate();
    }

    private void deleteRow(Account account) {
        em.createNativeQuery("DELETE FROM account WHERE org_id = ? AND id = ?").setParameter(1, tenant.id())
                .setParameter(2, account.getId()).executeUpdate();
    }

    // ---- reading and the rules

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
     * @throws PostedAccountException
     *             if the account it extends carries postings in a fiscal year not closed
     */
    public Account addSubaccount(String code, String name) {
        Map<String, String> one = new HashMap<>();
        one.put(code, name);
        return addSubaccounts(one).get(0);
    }

    /**
     * Adds subaccounts, each as {@link #addSubaccount} does and audited the same, reading the accounts they extend in
     * one query and writing them in one flush (an import's rows, a batch at a time). A code that extends an earlier one
     * of the same batch is refused as extending a subaccount, as it would be if they were added one by one.
     *
     * @param namesByCode
     *            the new codes and their names, in the order to add them
     *
     * @return the added subaccounts, in that order
     */
    public List<Account> addSubaccounts(Map<String, String> namesByCode) {
        Set<String> prefixes = new HashSet<>();
        for (String code : namesByCode.keySet()) {
            String stripped = code == null ? "" : code.strip();
            for (int end = 1; end <= stripped.length(); end++) {
                prefixes.add(stripped.substring(0, end));
            }
        }
        // the books lock first, as postings take it before the accounts they post to: a new subaccount may turn a
        // posting account into a heading (SubaccountRules), and no posting to it may slip in meanwhile
        ledger.lockBooks();
        Map<String, Account> existing = new HashMap<>();
        // locked, so that two requests adding the same code (or under the same parent) at once run one after the
        // other: the second then sees the first's account and is refused as a duplicate, naming the code
        for (Account account : em.createNamedQuery(Account.BY_CODES, Account.class).setParameter("codes", prefixes)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            existing.put(account.getCode(), account);
        }
        SubaccountRules rules = new SubaccountRules(new LockedChart(existing));
        Refusals refusals = new Refusals();
        Map<SubaccountRules.Accepted, String> accepted = new LinkedHashMap<>();
        namesByCode.forEach((code, name) -> {
            SubaccountRules.Accepted ok = rules.check(code, refusals);
            if (ok != null) {
                rules.add(ok);
                accepted.put(ok, name);
            }
        });
        refusals.throwIfAny();
        List<Account> subaccounts = new ArrayList<>(accepted.size());
        Set<Account> parents = new LinkedHashSet<>();
        accepted.forEach((code, name) -> {
            Account parent = existing.get(code.parent());
            subaccounts.add(parent.subaccount(code.code(), name));
            parents.add(parent);
        });
        insert(subaccounts);
        // a posting account that gets a subaccount becomes a heading (Account#subaccount)
        writeKind(parents.stream().map(Account::getCode).toList(), AccountKind.HEADING);
        parents.forEach(em::refresh);
        Map<String, Account> written = new HashMap<>();
        for (Account account : em.createNamedQuery(Account.BY_CODES, Account.class)
                .setParameter("codes", subaccounts.stream().map(Account::getCode).toList()).getResultList()) {
            written.put(account.getCode(), account);
        }
        List<Account> added = subaccounts.stream().map(sub -> written.get(sub.getCode())).toList();
        for (Account sub : added) {
            audit.record(tenant.id(), "accounting.account-created", "account", sub.getCode(),
                    sub.getName() + ", under " + sub.getParentCode());
        }
        return added;
    }

    /**
     * The chart as the subaccount rules read it: the accounts that begin the new codes, read with a locking read, and
     * the balances committed by now. The books lock is held by now ({@link #addSubaccounts}), which postings take too,
     * so a posting cannot slip in between the check and the new subaccount.
     */
    private final class LockedChart implements SubaccountRules.Chart {
        private final Map<String, Account> existing;

        LockedChart(Map<String, Account> existing) {
            this.existing = existing;
        }

        @Override
        public Entry account(String code) {
            Account account = existing.get(code);
            return account == null ? null
                    : new Entry(code, account.getKind() == AccountKind.POSTING, !account.isFromTemplate(),
                            account.getParentCode());
        }

        @Override
        public Integer postedInOpenYear(String code) {
            // native SQL names the organisation itself (DESIGN rule 1), as EclipseLink cannot add it
            Query open = em
                    .createNativeQuery(POSTED_IN_OPEN_YEARS + " AND a.code = ? GROUP BY a.code LOCK IN SHARE MODE")
                    .setHint("eclipselink.jdbc.allow-native-sql-query", true);
            open.setParameter(1, tenant.id()).setParameter(2, code);
            List<?> years = open.getResultList();
            return years.isEmpty() ? null : ((Number) ((Object[]) years.get(0))[1]).intValue();
        }

        @Override
        public boolean exists() {
            return chart().isPresent();
        }
    }

    /**
     * Renames one of the organisation's own subaccounts.
     *
     * @throws NotFoundException
     *             if the chart has no such code
     * @throws InvalidAccountException
     *             if it is an account of the template, or the name is empty or too long
     */
    public Account rename(String code, String name) {
        Account account = find(code);
        String before = account.getName();
        writeName(account, account.renamed(name));
        em.refresh(account);
        audit.record(tenant.id(), "accounting.account-changed", "account", account.getCode(),
                before + " -> " + account.getName());
        return account;
    }

    /**
     * Deletes one of the organisation's own subaccounts that nothing refers to. When it was the last subaccount of a
     * template's posting account, that account takes postings again.
     *
     * @throws NotFoundException
     *             if the chart has no such code
     * @throws InvalidAccountException
     *             if it is an account of the template
     * @throws InUseException
     *             naming the posted lines, drafts and grant budget lines that refer to it (an own subaccount has no
     *             subaccounts: {@link Account#subaccount} refuses to extend one)
     */
    public void delete(String code) {
        // postings take the books lock before the accounts they post to: none can slip in between check and delete
        ledger.lockBooks();
        Account account = em.createNamedQuery(Account.BY_CODE, Account.class).setParameter("code", code)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("account", code));
        account.requireOwnSubaccount();
        Map<InUseException.Use, Long> counted = new EnumMap<>(InUseException.Use.class);
        counted.put(InUseException.Use.POSTINGS,
                count("SELECT COUNT(*) FROM journal_line WHERE org_id = ?" + " AND account_id = ?", account.getId()));
        counted.put(InUseException.Use.DRAFTS, drafts.all().stream()
                .filter(d -> d.entry().getLines() != null && d.entry().getLines().stream().anyMatch(
                        l -> l != null && l.getAccount() != null && l.getAccount().strip().equals(account.getCode())))
                .count());
        counted.put(InUseException.Use.GRANT_BUDGETS, count(
                "SELECT COUNT(*) FROM grant_budget WHERE org_id = ?" + " AND account_prefix = ?", account.getCode()));
        Map<InUseException.Use, Long> found = InUseException.found(counted);
        if (!found.isEmpty()) {
            throw new InUseException("account", account.getCode(), found);
        }
        deleteRow(account);
        em.detach(account);
        // the last subaccount of a template's posting account gone, that account takes postings again; a template's
        // heading keeps the template's subaccounts, so it never gets here
        if (account.getParentCode() != null
                && count("SELECT COUNT(*) FROM account WHERE org_id = ?" + " AND parent_code = ?",
                        account.getParentCode()) == 0) {
            writeKind(List.of(account.getParentCode()), AccountKind.POSTING);
        }
        audit.record(tenant.id(), "accounting.account-deleted", "account", account.getCode(),
                account.getName() + ", under " + account.getParentCode());
    }

    /** A count in the organisation: native SQL names it itself (DESIGN rule 1), as EclipseLink cannot add it. */
    private long count(String sql, Object value) {
        return ((Number) em.createNativeQuery(sql).setHint("eclipselink.jdbc.allow-native-sql-query", true)
                .setParameter(1, tenant.id()).setParameter(2, value).getSingleResult()).longValue();
    }

    public static class ChartAlreadyAppliedException extends HubException {
        private static final long serialVersionUID = 1L;

        public ChartAlreadyAppliedException(String template) {
            super(Kind.CONFLICT, "template", "chart.applied", new Object[] { template });
        }
    }

    /** A choice about the chart's plan while the organisation has no chart. */
    public static class NoChartException extends HubException {
        private static final long serialVersionUID = 1L;

        public NoChartException() {
            super(Kind.CONFLICT, "size", "statement.size.no-chart", new Object[0]);
        }
    }

    public static class DuplicateAccountException extends HubException {
        private static final long serialVersionUID = 1L;

        public DuplicateAccountException(String code) {
            super(Kind.CONFLICT, "code", "account.exists", new Object[] { code });
        }
    }

    public static class PostedAccountException extends HubException {
        private static final long serialVersionUID = 1L;

        public PostedAccountException(String account, String subaccount, int year) {
            super(Kind.CONFLICT, "code", "account.posted-parent", new Object[] { subaccount, account, year });
        }
    }
}
