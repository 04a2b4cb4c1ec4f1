package coop.intercoop.hub.accounting.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.control.InUseException.Use;
import coop.intercoop.hub.accounting.entity.Dimension;
import coop.intercoop.hub.accounting.entity.Dimensions;
import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.Grant;
import coop.intercoop.hub.accounting.entity.InvalidEntryException;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The analytic values of the checked organisation that it defines itself: projects and grants (activities are fixed;
 * work centres belong to tenancy). Every statement names the organisation.
 */
@Dependent
public class Analytics {

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    AuditTrail audit;

    @Inject
    Ledger ledger;

    @Inject
    Drafts drafts;

    public record Project(long id, String code, String name) {
    }

    public record GrantView(long id, String code, String name, String funder, BigDecimal awarded,
            java.time.LocalDate eligibleFrom, java.time.LocalDate eligibleTo, List<Grant.BudgetLine> budget) {
    }

    public List<Project> projects() {
        List<Project> projects = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c
                        .prepareStatement("SELECT id, code, name FROM project WHERE org_id = ? ORDER BY code")) {
            s.setLong(1, tenant.id());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    projects.add(new Project(r.getLong(1), r.getString(2), r.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
        return projects;
    }

    /**
     * @throws DuplicateCodeException
     *             if the organisation has a project with that code
     */
    public Project createProject(String code, String name) {
        String checkedCode = Dimensions.checkCode(code, "code");
        String checkedName = Dimensions.checkName(name, "name");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO project (org_id, code, name) VALUES (?, ?, ?)",
                        PreparedStatement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, tenant.id());
            s.setString(2, checkedCode);
            s.setString(3, checkedName);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                Project project = new Project(keys.getLong(1), checkedCode, checkedName);
                audit.record(tenant.id(), "accounting.project-created", "project", checkedCode, checkedName);
                return project;
            }
        } catch (SQLIntegrityConstraintViolationException e) {
            throw new DuplicateCodeException(Dimension.PROJECT, checkedCode);
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    public List<GrantView> grants() {
        return readGrants(null);
    }

    /**
     * @throws NotFoundException
     *             if the organisation has no grant with that code
     */
    public GrantView grant(String code) {
        return readGrants(Dimensions.checkCode(code, "grant")).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("grant", code));
    }

    private List<GrantView> readGrants(String code) {
        Map<Long, GrantView> grants = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT id, code, name, funder, awarded, eligible_from, "
                    + "eligible_to FROM grant_award WHERE org_id = ?" + (code == null ? "" : " AND code = ?")
                    + " ORDER BY code")) {
                s.setLong(1, tenant.id());
                if (code != null) {
                    s.setString(2, code);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        grants.put(r.getLong(1),
                                new GrantView(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                                        r.getBigDecimal(5), r.getDate(6).toLocalDate(), r.getDate(7).toLocalDate(),
                                        new ArrayList<>()));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT grant_id, account_prefix, amount FROM grant_budget "
                    + "WHERE org_id = ? ORDER BY grant_id, account_prefix")) {
                s.setLong(1, tenant.id());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        GrantView grant = grants.get(r.getLong(1));
                        if (grant != null) {
                            grant.budget().add(new Grant.BudgetLine(r.getString(2), r.getBigDecimal(3)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
        return new ArrayList<>(grants.values());
    }

    /**
     * @throws DuplicateCodeException
     *             if the organisation has a grant with that code
     */
    public GrantView createGrant(Grant grant) {
        grant.check();
        long org = tenant.id();
        try (Connection c = dataSource.getConnection()) {
            long id;
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO grant_award (org_id, code, name, funder, "
                            + "awarded, eligible_from, eligible_to) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, org);
                s.setString(2, grant.code);
                s.setString(3, grant.name);
                s.setString(4, grant.funder);
                s.setBigDecimal(5, grant.awarded);
                s.setDate(6, Date.valueOf(grant.eligibleFrom));
                s.setDate(7, Date.valueOf(grant.eligibleTo));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            insertBudget(org, id, grant.budget);
            audit.record(org, "accounting.grant-created", "grant", grant.code,
                    grant.name + ", " + grant.funder + ", " + grant.awarded.toPlainString());
            return new GrantView(id, grant.code, grant.name, grant.funder, grant.awarded, grant.eligibleFrom,
                    grant.eligibleTo, grant.budget == null ? List.of() : grant.budget);
        } catch (SQLIntegrityConstraintViolationException e) {
            throw new DuplicateCodeException(Dimension.GRANT, grant.code);
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /**
     * Renames a project; its code stays, as entries and reports refer to it.
     *
     * @throws NotFoundException
     *             if the organisation has no project with that code
     */
    public Project renameProject(String code, String name) {
        Project project = project(code);
        String checkedName = Dimensions.checkName(name, "name");
        update("UPDATE project SET name = ?, version = version + 1 WHERE org_id = ? AND id = ?", checkedName,
                tenant.id(), project.id());
        audit.record(tenant.id(), "accounting.project-changed", "project", project.code(),
                project.name() + " -> " + checkedName);
        return new Project(project.id(), project.code(), checkedName);
    }

    /**
     * Deletes a project nothing refers to.
     *
     * @throws NotFoundException
     *             if the organisation has no project with that code
     * @throws InUseException
     *             naming the analytic shares of posted lines and the drafts that refer to it
     */
    public void deleteProject(String code) {
        // postings take the books lock before they refer to a project: none can slip in between check and delete
        ledger.lockBooks();
        Project project = project(code);
        refuseIfUsed("project", project.code(), Dimension.PROJECT, "project_id", project.id());
        update("DELETE FROM project WHERE org_id = ? AND id = ?", tenant.id(), project.id());
        audit.record(tenant.id(), "accounting.project-deleted", "project", project.code(), project.name());
    }

    /**
     * @throws NotFoundException
     *             if the organisation has no project with that code
     */
    public Project project(String code) {
        String checkedCode = Dimensions.checkCode(code, "code");
        return projects().stream().filter(p -> p.code().equals(checkedCode)).findFirst()
                .orElseThrow(() -> new NotFoundException("project", code));
    }

    /**
     * Replaces what a grant says: name, funder, amount, eligibility and budget lines. Its code stays, as entries and
     * reports refer to it.
     *
     * @throws NotFoundException
     *             if the organisation has no grant with that code
     * @throws InvalidEntryException
     *             naming the first field that is wrong, or the code when the body names another
     */
    public GrantView changeGrant(String code, Grant grant) {
        GrantView existing = grant(code);
        if (grant.code != null && !grant.code.strip().equalsIgnoreCase(existing.code())) {
            throw new InvalidEntryException("code", "analytic.code.kept", Dimension.GRANT.term(), grant.code.strip(),
                    existing.code());
        }
        grant.code = existing.code();
        grant.check();
        long org = tenant.id();
        update("UPDATE grant_award SET name = ?, funder = ?, awarded = ?, eligible_from = ?, eligible_to = ?,"
                + " version = version + 1 WHERE org_id = ? AND id = ?", grant.name, grant.funder, grant.awarded,
                Date.valueOf(grant.eligibleFrom), Date.valueOf(grant.eligibleTo), org, existing.id());
        update("DELETE FROM grant_budget WHERE org_id = ? AND grant_id = ?", org, existing.id());
        insertBudget(org, existing.id(), grant.budget);
        audit.record(org, "accounting.grant-changed", "grant", existing.code(),
                grant.name + ", " + grant.funder + ", " + grant.awarded.toPlainString());
        return grant(existing.code());
    }

    /**
     * Deletes a grant nothing refers to, with its budget lines.
     *
     * @throws NotFoundException
     *             if the organisation has no grant with that code
     * @throws InUseException
     *             naming the analytic shares of posted lines and the drafts that refer to it
     */
    public void deleteGrant(String code) {
        ledger.lockBooks();
        GrantView grant = grant(code);
        refuseIfUsed("grant", grant.code(), Dimension.GRANT, "grant_id", grant.id());
        update("DELETE FROM grant_budget WHERE org_id = ? AND grant_id = ?", tenant.id(), grant.id());
        update("DELETE FROM grant_award WHERE org_id = ? AND id = ?", tenant.id(), grant.id());
        audit.record(tenant.id(), "accounting.grant-deleted", "grant", grant.code(), grant.name());
    }

    private void insertBudget(long org, long grantId, List<Grant.BudgetLine> budget) {
        if (budget == null || budget.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                Jdbc.Batch s = Jdbc.Batch.of(c,
                        "INSERT INTO grant_budget (org_id, grant_id, account_prefix, amount) VALUES (?, ?, ?, ?)")) {
            for (Grant.BudgetLine line : budget) {
                s.setLong(1, org);
                s.setLong(2, grantId);
                s.setString(3, line.account);
                s.setBigDecimal(4, line.amount);
                s.add();
            }
            s.send();
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /** Posted analytic shares (by the value's id in {@code column}) and drafts' shares (by dimension and code). */
    private void refuseIfUsed(String what, String code, Dimension dimension, String column, long id) {
        Map<Use, Long> counted = new EnumMap<>(Use.class);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT COUNT(*) FROM line_allocation WHERE org_id = ? AND " + column + " = ?")) {
            s.setLong(1, tenant.id());
            s.setLong(2, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                counted.put(Use.POSTINGS, r.getLong(1));
            }
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
        counted.put(Use.DRAFTS, drafts.all().stream().filter(d -> sharesOf(d.entry(), dimension, code)).count());
        Map<Use, Long> found = InUseException.found(counted);
        if (!found.isEmpty()) {
            throw new InUseException(what, code, found);
        }
    }

    /** Whether a line of the draft shares to the value; a draft may be incomplete, so nothing in it is trusted. */
    private static boolean sharesOf(EntryDraft draft, Dimension dimension, String code) {
        return draft.getLines() != null && draft.getLines().stream()
                .filter(line -> line != null && line.getAnalytic() != null).flatMap(line -> line.getAnalytic().stream())
                .anyMatch(share -> share != null && share.getDimension() != null && share.getCode() != null
                        && dimension.name().equals(share.getDimension().strip().toUpperCase(Locale.ROOT))
                        && code.equalsIgnoreCase(share.getCode().strip()));
    }

    private void update(String sql, Object... parameters) {
        try {
            Jdbc.update(dataSource, sql, parameters);
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    public static class DuplicateCodeException extends HubException {
        private static final long serialVersionUID = 1L;

        public DuplicateCodeException(Dimension what, String code) {
            super(Kind.CONFLICT, "code", "analytic.code.exists", new Object[] { what.term(), code });
        }
    }
}
