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

/** Reads the public tenders the hub keeps: the organisation's org-admins, tender-managers and auditors. */
@InterceptorBinding
@RoleChecked
@Tenanted
@Roles({ Role.ORG_ADMIN, Role.TENDER_MANAGER, Role.AUDITOR })
@Retention(RUNTIME)
@Target({ TYPE, METHOD })
public @interface ReadsTenders {
}
