package coop.intercoop.hub.tenancy.entity;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * An org-admin's invitation of a user to become a member with some roles. The user accepts it, which makes the
 * membership, or declines it; until then it grants nothing. A user has at most one pending invitation per organisation:
 * inviting again replaces the roles offered. Written by {@code Memberships.invite} in one statement (an upsert on the
 * organisation and user), read here.
 */
@Entity
@Table(name = "membership_invitation")
@NamedQuery(name = MembershipInvitation.OF_USER, query = "SELECT i FROM MembershipInvitation i WHERE i.userId = :userId ORDER BY i.invitedAt")
@NamedQuery(name = MembershipInvitation.OF_USER_IN_ORG, query = "SELECT i FROM MembershipInvitation i WHERE i.userId = :userId AND i.orgId = :orgId")
public class MembershipInvitation {

    public static final String OF_USER = "MembershipInvitation.ofUser";
    public static final String OF_USER_IN_ORG = "MembershipInvitation.ofUserInOrg";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "org_id", updatable = false)
    private long orgId;

    @Column(name = "user_id", updatable = false)
    private long userId;

    @Convert(converter = Membership.RolesConverter.class)
    private Set<Role> roles;

    @Column(name = "work_centre_id")
    private Long workCentreId;

    @Column(name = "invited_by")
    private long invitedBy;

    @Column(name = "invited_at")
    private Instant invitedAt;

    protected MembershipInvitation() {
    }

    /** The membership the invitation offers, once its user accepts. */
    public Membership accept() {
        return new Membership(orgId, userId, roles, workCentreId);
    }

    public Long getId() {
        return id;
    }

    public long getOrgId() {
        return orgId;
    }

    public long getUserId() {
        return userId;
    }

    public Set<Role> getRoles() {
        return Collections.unmodifiableSet(roles);
    }

    public Long getWorkCentreId() {
        return workCentreId;
    }

    public long getInvitedBy() {
        return invitedBy;
    }

    public Instant getInvitedAt() {
        return invitedAt;
    }
}
