package coop.intercoop.hub.spreadsheet.boundary;

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

/** Imports workbooks into the organisation and follows their jobs: the roles of every importer there is. */
@InterceptorBinding
@RoleChecked
@Tenanted
@Roles({ Role.ORG_ADMIN, Role.ACCOUNTANT })
@Retention(RUNTIME)
@Target({ TYPE, METHOD })
public @interface ImportsWorkbooks {
}
