package coop.intercoop.hub.tenancy.control;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import coop.intercoop.hub.tenancy.entity.Role;

/**
 * The roles in the organisation that a component's permission grants, written once on the component's own annotation
 * for it, which boundaries then put on a class (every action) or a method (that action, over the class's):
 *
 * <pre>
 * &#64;InterceptorBinding
 * &#64;RoleChecked
 * &#64;Tenanted
 * &#64;Roles({ Role.ORG_ADMIN, Role.ACCOUNTANT })
 * &#64;Retention(RUNTIME)
 * &#64;Target({ TYPE, METHOD })
 * public &#64;interface KeepsBooks {
 * }
 * </pre>
 *
 * {@link RoleCheck} refuses a caller without one of the roles with 403 before the action's transaction begins.
 */
@Retention(RUNTIME)
@Target(ANNOTATION_TYPE)
public @interface Roles {
    Role[] value();
}
