package coop.intercoop.hub.security.control;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;
import jakarta.transaction.Transactional;

/**
 * The hub administrator's actions (organisations, users, the integrity chains), in a transaction; anyone else is
 * refused with 403 by {@link HubAdministrationCheck} before it begins. On a class: every action of it.
 */
@InterceptorBinding
@Transactional
@Retention(RUNTIME)
@Target({ TYPE, METHOD })
public @interface HubAdministration {
}
