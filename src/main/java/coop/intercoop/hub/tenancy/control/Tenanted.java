package coop.intercoop.hub.tenancy.control;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;
import jakarta.transaction.Transactional;

/**
 * Boundaries that act in the checked organisation: in a transaction ({@link Transactional}, which this binding
 * declares), whose persistence context is scoped to the organisation ({@link TenantScoping}). A component's role
 * annotations ({@link Roles}) declare it too, so an action that names its roles is tenanted without saying so twice.
 */
@InterceptorBinding
@Transactional
@Retention(RUNTIME)
@Target({ TYPE, METHOD })
public @interface Tenanted {
}
