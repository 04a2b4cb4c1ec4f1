package coop.intercoop.hub.tenancy.boundary;

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
 * Reads what every member of the organisation sees, whatever their roles: the organisation, its work centres and
 * members, its consortia and invitations. It carries every role there is ({@code DeclaredBoundariesTest} keeps it so).
 */
@InterceptorBinding
@RoleChecked
@Tenanted
@Roles({ Role.ORG_ADMIN, Role.STAFF, Role.ACCOUNTANT, Role.PREVENTION_TECHNICIAN, Role.HEALTH_STAFF,
        Role.TENDER_MANAGER, Role.AUDITOR })
@Retention(RUNTIME)
@Target({ TYPE, METHOD })
public @interface AnyMember {
}
