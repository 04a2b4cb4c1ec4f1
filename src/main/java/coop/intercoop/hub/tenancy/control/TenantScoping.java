package coop.intercoop.hub.tenancy.control;

import java.io.Serializable;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * Sets EclipseLink's tenant id on the transaction's persistence context, so every {@code @Multitenant} entity read or
 * written in it carries {@code org_id} of the checked organisation. Runs inside the boundary's transaction (after the
 * platform's transaction interceptor), before the first query.
 */
@Tenanted
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class TenantScoping implements Serializable {

    /** View-scoped Faces pages are passivation capable; CDI requires their interceptors to be serializable too. */
    private static final long serialVersionUID = 1L;

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenant tenant;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    Object scope(InvocationContext invocation) throws Exception {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException(invocation.getMethod()
                    + " is @Tenanted but runs outside a transaction; the tenant would not reach its queries");
        }
        scope(em, tenant.id());
        return invocation.proceed();
    }

    /** Points the transaction's persistence context at the organisation: the one place the JPA tenant is set. */
    static void scope(EntityManager em, long orgId) {
        em.setProperty(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT, String.valueOf(orgId));
    }
}
