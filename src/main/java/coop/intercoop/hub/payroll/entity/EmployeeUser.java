package coop.intercoop.hub.payroll.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * The organisation's link of one of its employees to a user who is a member of it: that user reads the employee's own
 * payslips. One user per employee and one employee per user in an organisation (the primary and unique keys).
 * Tenant-scoped.
 */
@Entity
@Table(name = "payroll_employee_user")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "org_id")
@NamedQuery(name = EmployeeUser.OF_USER, query = "SELECT l FROM EmployeeUser l WHERE l.userId = :user")
public class EmployeeUser {

    public static final String OF_USER = "EmployeeUser.ofUser";

    /** Employee ids are unique across organisations; the table's key adds org_id for the foreign key. */
    @Id
    @Column(name = "employee_id")
    private Long employeeId;

    @Column(name = "user_id")
    private long userId;

    protected EmployeeUser() {
    }

    public EmployeeUser(long employeeId, long userId) {
        this.employeeId = employeeId;
        this.userId = userId;
    }

    public long getEmployeeId() {
        return employeeId;
    }

    public long getUserId() {
        return userId;
    }

    /** The same employee now read by another user. */
    public void linkTo(long user) {
        this.userId = user;
    }
}
