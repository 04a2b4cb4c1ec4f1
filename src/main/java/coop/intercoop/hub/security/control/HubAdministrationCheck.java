package coop.intercoop.hub.security.control;

import java.io.Serializable;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Refuses an action declared {@link HubAdministration} to anyone but an active hub administrator. */
@HubAdministration
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class HubAdministrationCheck implements Serializable {

    /** View-scoped Faces pages are passivation capable; CDI requires their interceptors to be serializable too. */
    private static final long serialVersionUID = 1L;

    @Inject
    Caller caller;

    @AroundInvoke
    Object check(InvocationContext invocation) throws Exception {
        caller.requireHubAdmin();
        return invocation.proceed();
    }
}
