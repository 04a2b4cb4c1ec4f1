package coop.intercoop.hub.tenders.boundary;

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
 * Brings tenders from the procurement platform's feed into the hub: the organisation's org-admins and tender-managers.
 */
@InterceptorBinding
@RoleChecked
@Tenanted
@Roles({ Role.ORG_ADMIN, Role.TENDER_MANAGER })
@Retention(RUNTIME)
@Target({ TYPE, METHOD })
public @interface ManagesTenders {
}
