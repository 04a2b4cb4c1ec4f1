package coop.intercoop.hub.tenancy.control;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.control.Users;
import coop.intercoop.hub.security.entity.User;
import coop.intercoop.hub.tenancy.entity.Membership;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * Who belongs to an organisation, with which roles. Every method names the organisation; the boundary passes the
 * checked one (an org-admin) or one the hub administrator chose.
 */
@Dependent
public class Memberships {

    @PersistenceContext
    EntityManager em;

    @Inject
    Users users;

    @Inject
    AuditTrail audit;

    public List<Membership> in(long orgId) {
        return em.createNamedQuery(Membership.IN_ORG, Membership.class).setParameter("orgId", orgId).getResultList();
    }

    public List<Membership> of(User user) {
        return em.createNamedQuery(Membership.OF_USER, Membership.class).setParameter("userId", user.getId())
                .getResultList();
    }

    public Membership find(long orgId, long id) {
        Membership membership = em.find(Membership.class, id);
        if (membership == null || membership.getOrgId() != orgId) {
            throw new NotFoundException("membership", id);
        }
        return membership;
    }

    public Membership grant(long orgId, String username, Set<Role> roles, Long workCentreId) {
        User user = users.byUsername(username).orElseThrow(() -> new UnknownUserException(username));
        boolean exists = em.createNamedQuery(Membership.OF_USER_IN_ORG, Membership.class)
                .setParameter("userId", user.getId()).setParameter("orgId", orgId).getResultStream().findAny()
                .isPresent();
        if (exists) {
            throw new DuplicateMembershipException(username);
        }
        requireWorkCentre(orgId, workCentreId);
        Membership membership = new Membership(orgId, user.getId(), roles, workCentreId);
        em.persist(membership);
        em.flush();
        audit.record(orgId, "membership.granted", "membership", String.valueOf(membership.getId()),
                user.getUsername() + ": " + codes(roles));
        return membership;
    }

    public Membership change(long orgId, long id, int expectedVersion, Set<Role> roles, Long workCentreId) {
        Membership membership = find(orgId, id);
        if (membership.getVersion() != expectedVersion) {
            throw new jakarta.persistence.OptimisticLockException(membership);
        }
        requireWorkCentre(orgId, workCentreId);
        membership.change(roles, workCentreId);
        audit.record(orgId, "membership.changed", "membership", String.valueOf(id), codes(roles));
        return membership;
    }

    public void revoke(long orgId, long id) {
        Membership membership = find(orgId, id);
        em.remove(membership);
        audit.record(orgId, "membership.revoked", "membership", String.valueOf(id), "user " + membership.getUserId());
    }

    /**
     * Native, so it does not depend on the tenant of the current persistence context (a hub administrator has none);
     * the predicate names the organisation. EclipseLink refuses native SQL in a multitenant unit unless the query says
     * it was written with its tenant predicate, as this one is.
     */
    private void requireWorkCentre(long orgId, Long workCentreId) {
        if (workCentreId == null) {
            return;
        }
        Number found = (Number) em.createNativeQuery("SELECT COUNT(*) FROM work_centre WHERE org_id = ?1 AND id = ?2")
                .setHint("eclipselink.jdbc.allow-native-sql-query", true).setParameter(1, orgId)
                .setParameter(2, workCentreId).getSingleResult();
        if (found.longValue() == 0) {
            throw new NotFoundException("work centre", workCentreId);
        }
    }

    private static String codes(Set<Role> roles) {
        return roles.stream().map(Role::code).sorted().reduce((a, b) -> a + "," + b).orElse("");
    }

    public static class UnknownUserException extends HubException {
        private static final long serialVersionUID = 1L;

        public UnknownUserException(String username) {
            super(Kind.INVALID, "username", "There is no user named '" + username + "'.");
        }
    }

    public static class DuplicateMembershipException extends HubException {
        private static final long serialVersionUID = 1L;

        public DuplicateMembershipException(String username) {
            super(Kind.CONFLICT, "username", username + " is already a member of this organisation.");
        }
    }

}
