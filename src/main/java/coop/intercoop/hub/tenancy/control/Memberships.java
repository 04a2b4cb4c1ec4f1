package coop.intercoop.hub.tenancy.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.InstantConverter;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.control.Users;
import coop.intercoop.hub.security.entity.User;
import coop.intercoop.hub.tenancy.entity.Membership;
import coop.intercoop.hub.tenancy.entity.MembershipInvitation;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * Who belongs to an organisation, with which roles. Every method names the organisation (the boundary passes the
 * checked one, an org-admin's, or one the hub administrator chose) or the user whose invitations it answers. The hub
 * administrator grants memberships; an org-admin invites, and the invited user accepts.
 */
@Dependent
public class Memberships {

    @PersistenceContext
    EntityManager em;

    @Inject
    Users users;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

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
        if (isMember(orgId, user)) {
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

    /**
     * Invites a user to become a member: an org-admin reaches users outside the organisation only this way. The answer
     * is the same whether the name is a user of the hub, is already a member, or is nobody, so names cannot be probed;
     * a pending invitation of the same user is replaced. Audited in the organisation with the name as given.
     */
    public void invite(long orgId, String username, Set<Role> roles, Long workCentreId, User by) {
        requireWorkCentre(orgId, workCentreId);
        if (roles == null || roles.isEmpty()) {
            throw new Membership.NoRoleException();
        }
        audit.record(orgId, "membership.invited", "user", username, codes(roles));
        Optional<User> invited = users.byUsername(username).filter(User::isActive);
        if (invited.isEmpty() || isMember(orgId, invited.get())) {
            return;
        }
        // one statement, so that two invitations of the same user at once cannot collide on the unique key: a
        // refusal there would tell the inviter that the name is a user
        em.createNativeQuery("INSERT INTO membership_invitation"
                + " (org_id, user_id, roles, work_centre_id, invited_by, invited_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                + " ON DUPLICATE KEY UPDATE roles = VALUES(roles), work_centre_id = VALUES(work_centre_id),"
                + " invited_by = VALUES(invited_by), invited_at = VALUES(invited_at)")
                .setHint("eclipselink.jdbc.allow-native-sql-query", true).setParameter(1, orgId)
                .setParameter(2, invited.get().getId())
                .setParameter(3, new Membership.RolesConverter().convertToDatabaseColumn(roles))
                .setParameter(4, workCentreId).setParameter(5, by.getId())
                .setParameter(6, new InstantConverter().convertToDatabaseColumn(Instant.now())).executeUpdate();
    }

    /** The invitations waiting for the user's answer. */
    public List<MembershipInvitation> invitationsOf(User user) {
        return em.createNamedQuery(MembershipInvitation.OF_USER, MembershipInvitation.class)
                .setParameter("userId", user.getId()).getResultList();
    }

    /**
     * The user accepts an invitation of theirs: the membership starts with the roles offered.
     *
     * @throws NotFoundException
     *             if the user has no such invitation
     */
    public Membership accept(User user, long invitationId) {
        MembershipInvitation invitation = invitationOf(user, invitationId);
        em.remove(invitation);
        if (isMember(invitation.getOrgId(), user)) {
            // enrolled meanwhile by the hub administrator: the invitation is spent
            throw new DuplicateMembershipException(user.getUsername());
        }
        Membership membership = invitation.accept();
        em.persist(membership);
        em.flush();
        audit.record(invitation.getOrgId(), "membership.granted", "membership", String.valueOf(membership.getId()),
                user.getUsername() + ": " + codes(membership.getRoles()) + ", accepting the invitation");
        return membership;
    }

    /**
     * The user declines an invitation of theirs.
     *
     * @throws NotFoundException
     *             if the user has no such invitation
     */
    public void decline(User user, long invitationId) {
        MembershipInvitation invitation = invitationOf(user, invitationId);
        em.remove(invitation);
        audit.record(invitation.getOrgId(), "membership.invitation-declined", "user", user.getUsername(),
                codes(invitation.getRoles()));
    }

    private MembershipInvitation invitationOf(User user, long invitationId) {
        MembershipInvitation invitation = em.find(MembershipInvitation.class, invitationId);
        if (invitation == null || invitation.getUserId() != user.getId()) {
            throw new NotFoundException("invitation", invitationId);
        }
        return invitation;
    }

    private boolean isMember(long orgId, User user) {
        return em.createNamedQuery(Membership.OF_USER_IN_ORG, Membership.class).setParameter("userId", user.getId())
                .setParameter("orgId", orgId).getResultStream().findAny().isPresent();
    }

    /**
     * Replaces a member's roles and usual work centre; {@code expectedVersion} is the version read.
     *
     * @throws OptimisticLockException
     *             if someone changed the membership since it was read
     * @throws LastOrgAdminException
     *             if the caller would give up the org-admin role of the organisation's only org-admin
     */
    public Membership change(long orgId, long id, int expectedVersion, Set<Role> roles, Long workCentreId) {
        Membership membership = find(orgId, id);
        if (membership.getVersion() != expectedVersion) {
            throw new OptimisticLockException(membership);
        }
        requireWorkCentre(orgId, workCentreId);
        if (roles != null && !roles.contains(Role.ORG_ADMIN)) {
            keepAnOrgAdmin(membership);
        }
        membership.change(roles, workCentreId);
        audit.record(orgId, "membership.changed", "membership", String.valueOf(id), codes(roles));
        return membership;
    }

    /**
     * Ends a membership.
     *
     * @throws LastOrgAdminException
     *             if the caller would end their own membership as the organisation's only org-admin
     */
    public void revoke(long orgId, long id) {
        Membership membership = find(orgId, id);
        keepAnOrgAdmin(membership);
        em.remove(membership);
        audit.record(orgId, "membership.revoked", "membership", String.valueOf(id), "user " + membership.getUserId());
    }

    /**
     * An org-admin who gives up the role (or the membership) while no other member holds it would leave the
     * organisation without anyone who can manage its members; only the hub administrator could then help. The
     * organisation's memberships are read with a write lock, so two org-admins giving it up at once cannot both pass.
     */
    private void keepAnOrgAdmin(Membership membership) {
        if (!membership.has(Role.ORG_ADMIN) || membership.getUserId() != caller.user().getId()) {
            return;
        }
        long orgAdmins = em.createNamedQuery(Membership.IN_ORG, Membership.class)
                .setParameter("orgId", membership.getOrgId()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().filter(m -> m.has(Role.ORG_ADMIN)).count();
        if (orgAdmins <= 1) {
            throw new LastOrgAdminException();
        }
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
            super(Kind.INVALID, "username", "user.unknown", new Object[] { username });
        }
    }

    public static class LastOrgAdminException extends HubException {
        private static final long serialVersionUID = 1L;

        public LastOrgAdminException() {
            super(Kind.CONFLICT, "roles", "membership.last-org-admin", null);
        }
    }

    public static class DuplicateMembershipException extends HubException {
        private static final long serialVersionUID = 1L;

        public DuplicateMembershipException(String username) {
            super(Kind.CONFLICT, "username", "membership.duplicate", new Object[] { username });
        }
    }

}
