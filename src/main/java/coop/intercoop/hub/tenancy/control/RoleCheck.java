package coop.intercoop.hub.tenancy.control;

import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import coop.intercoop.hub.tenancy.entity.Role;

/**
 * Checks the roles a boundary declares ({@link Roles}, through a component's permission annotation) against the
 * caller's roles in the organisation entered for this request: the method's annotation if it has one, else its class's.
 * Runs before the transaction begins, so a refused caller costs no transaction.
 */
@RoleChecked
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RoleCheck implements Serializable {

    /** View-scoped Faces pages are passivation capable; CDI requires their interceptors to be serializable too. */
    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @AroundInvoke
    Object check(InvocationContext invocation) throws Exception {
        Roles roles = declared(invocation.getMethod(), invocation.getTarget().getClass());
        if (!tenant.isEntered()) {
            throw new IllegalStateException(invocation.getMethod() + " declares the roles it needs, but no "
                    + "organisation was entered for this request");
        }
        tenant.require(roles.value());
        return invocation.proceed();
    }

    /** The roles a permission annotation grants; fails for an annotation that carries none. */
    public static Role[] rolesOf(Class<? extends Annotation> permission) {
        Roles roles = permission.getAnnotation(Roles.class);
        if (roles == null) {
            throw new IllegalArgumentException(permission.getName() + " grants no roles");
        }
        return roles.value();
    }

    /** The roles of the method, or else of the first class up from the bean's that declares them. */
    static Roles declared(Method method, Class<?> bean) {
        Roles roles = on(method);
        for (Class<?> type = bean; roles == null && type != null; type = type.getSuperclass()) {
            roles = on(type);
        }
        if (roles == null) {
            throw new IllegalStateException(method + " is role-checked but declares no roles");
        }
        return roles;
    }

    private static Roles on(AnnotatedElement element) {
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            Roles roles = annotation.annotationType().getAnnotation(Roles.class);
            if (roles != null) {
                return roles;
            }
        }
        return null;
    }
}
