package coop.intercoop.hub.payroll.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.payroll.entity.EmployeeUser;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.ForbiddenException;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.control.Users;
import coop.intercoop.hub.security.entity.User;
import coop.intercoop.hub.tenancy.entity.Membership;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The checked organisation's links of its employees to users (its org-admins decide): a user linked to an employee
 * reads that employee's own payslips. The one place that answers which employee the caller is, for the API and the
 * portal alike; EclipseLink adds the organisation to every read and write of a link.
 */
@Dependent
public class EmployeeUsers {

    static final String OBJECT = Employees.OBJECT;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    Caller caller;

    @Inject
    Users users;

    @Inject
    Employees employees;

    @Inject
    AuditTrail audit;

    /** The username of the user linked to the employee, if any. */
    public Optional<String> userOf(long employeeId) {
        employees.find(employeeId);
        return Optional.ofNullable(em.find(EmployeeUser.class, employeeId)).map(l -> users.find(l.getUserId()))
                .map(User::getUsername);
    }

    /**
     * Links the employee to the member of the organisation with this username, replacing the employee's link.
     *
     * @throws HubException
     *             a username that is not a member of the organisation's (the same answer whether the user exists or
     *             not), or one already linked to another employee
     */
    public String link(long employeeId, String username) {
        employees.find(employeeId);
        if (username == null || username.isBlank()) {
            throw new EmployeeUserException(HubException.Kind.INVALID, "employee.user.username");
        }
        String name = username.strip();
        long user = users.byUsername(name).filter(u -> isMember(u.getId()))
                .orElseThrow(
                        () -> new EmployeeUserException(HubException.Kind.INVALID, "employee.user.notMember", name))
                .getId();
        Optional<EmployeeUser> taken = em.createNamedQuery(EmployeeUser.OF_USER, EmployeeUser.class)
                .setParameter("user", user).getResultStream().findFirst();
        if (taken.isPresent() && taken.get().getEmployeeId() != employeeId) {
            // the unique key is the backstop for two requests at once
            throw new EmployeeUserException(HubException.Kind.CONFLICT, "employee.user.taken", name);
        }
        EmployeeUser link = em.find(EmployeeUser.class, employeeId);
        if (link == null) {
            em.persist(new EmployeeUser(employeeId, user));
        } else {
            link.linkTo(user);
        }
        em.flush();
        audit.record(tenant.id(), "employee.user.linked", OBJECT, String.valueOf(employeeId), "user " + user);
        return name;
    }

    /** Ends the employee's link, if there is one: its user reads no payslip of the employee from then on. */
    public void unlink(long employeeId) {
        employees.find(employeeId);
        EmployeeUser link = em.find(EmployeeUser.class, employeeId);
        if (link != null) {
            em.remove(link);
            em.flush();
            audit.record(tenant.id(), "employee.user.unlinked", OBJECT, String.valueOf(employeeId),
                    "user " + link.getUserId());
        }
    }

    /**
     * The employee the caller is in the checked organisation.
     *
     * @throws ForbiddenException
     *             when the organisation linked no employee to the caller
     */
    public long callersEmployee() {
        return em.createNamedQuery(EmployeeUser.OF_USER, EmployeeUser.class).setParameter("user", caller.user().getId())
                .getResultStream().findFirst().map(EmployeeUser::getEmployeeId)
                .orElseThrow(() -> new ForbiddenException(new HubTexts.Text(PayrollRuns.BUNDLE, "employee.user.none")));
    }

    /**
     * Whether the organisation linked an employee to the user: for the portal's navigation, which is drawn outside an
     * organisation's transaction, so by JDBC naming the organisation.
     */
    public boolean linked(long orgId, long userId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c
                        .prepareStatement("SELECT 1 FROM payroll_employee_user WHERE org_id = ? AND user_id = ?")) {
            s.setLong(1, orgId);
            s.setLong(2, userId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The employee link of user " + userId + " could not be read", e);
        }
    }

    private boolean isMember(long userId) {
        return !em.createNamedQuery(Membership.OF_USER_IN_ORG, Membership.class).setParameter("userId", userId)
                .setParameter("orgId", tenant.id()).getResultList().isEmpty();
    }

    /** A link that cannot be made. */
    public static class EmployeeUserException extends HubException {
        private static final long serialVersionUID = 1L;

        EmployeeUserException(Kind kind, String key, Object... arguments) {
            super(kind, "username", key, arguments);
        }
    }
}
