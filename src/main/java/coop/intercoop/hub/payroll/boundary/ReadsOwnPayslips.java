package coop.intercoop.hub.payroll.boundary;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

import coop.intercoop.hub.tenancy.control.RoleChecked;
import coop.intercoop.hub.tenancy.control.Roles;
import coop.intercoop.hub.tenancy.control.Tenanted;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * Reads one's own payslips: any member of the organisation, whatever their roles, and then only those of the employee
 * the organisation linked to them ({@link coop.intercoop.hub.payroll.control.EmployeeUsers}, which refuses anyone it
 * did not link).
 */
@InterceptorBinding
@RoleChecked
@Tenanted
@Roles({ Role.ORG_ADMIN, Role.STAFF, Role.ACCOUNTANT, Role.PREVENTION_TECHNICIAN, Role.HEALTH_STAFF,
        Role.TENDER_MANAGER, Role.AUDITOR })
@Retention(RUNTIME)
@Target({ TYPE, METHOD })
public @interface ReadsOwnPayslips {
}
