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
 * Reads and keeps the organisation's employees and contracts: personal data, so only the org-admins and the
 * accountants, and neither the auditors nor the staff.
 */
@InterceptorBinding
@RoleChecked
@Tenanted
@Roles({ Role.ORG_ADMIN, Role.ACCOUNTANT })
@Retention(RUNTIME)
@Target({ TYPE, METHOD })
public @interface HandlesPersonnel {
}
