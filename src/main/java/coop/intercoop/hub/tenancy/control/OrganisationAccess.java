package coop.intercoop.hub.tenancy.control;

import java.util.Set;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.entity.Membership;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * DESIGN rule 1: a request acts only in an organisation the caller is a member of. An organisation the caller does not
 * belong to answers exactly as one that does not exist. The hub administrator flag grants nothing here. Entering an
 * organisation inside a transaction (a job that writes into several) moves the persistence context's tenant with it, so
 * the JPA tenant never differs from the request's.
 */
@Dependent
public class OrganisationAccess {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Tenant tenant;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void enter(String orgParameter) {
        long orgId;
        try {
            orgId = Long.parseLong(orgParameter);
        } catch (NumberFormatException e) {
            throw new NotFoundException("organisation", orgParameter);
        }
        enter(orgId);
    }

    public void enter(long orgId) {
        Set<Role> roles = em.createNamedQuery(Membership.OF_USER_IN_ORG, Membership.class)
                .setParameter("userId", caller.user().getId()).setParameter("orgId", orgId).getResultStream()
                .findFirst().map(Membership::getRoles).orElseThrow(() -> new NotFoundException("organisation", orgId));
        tenant.enter(orgId, roles);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            TenantScoping.scope(em, orgId);
        }
    }
}
