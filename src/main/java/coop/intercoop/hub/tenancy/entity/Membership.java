package coop.intercoop.hub.tenancy.entity;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import coop.intercoop.hub.platform.HubException;

/**
 * A user's roles in one organisation. Memberships decide which organisations a request may act in (DESIGN rule 1), so
 * they are read across organisations for one user; every query here names the organisation or the user.
 */
@Entity
@Table(name = "membership")
@NamedQuery(name = Membership.OF_USER, query = "SELECT m FROM Membership m WHERE m.userId = :userId")
@NamedQuery(name = Membership.IN_ORG, query = "SELECT m FROM Membership m WHERE m.orgId = :orgId ORDER BY m.id")
@NamedQuery(name = Membership.OF_USER_IN_ORG, query = "SELECT m FROM Membership m WHERE m.userId = :userId AND m.orgId = :orgId")
public class Membership {

    public static final String OF_USER = "Membership.ofUser";
    public static final String IN_ORG = "Membership.inOrg";
    public static final String OF_USER_IN_ORG = "Membership.ofUserInOrg";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "org_id", updatable = false)
    private long orgId;

    @Column(name = "user_id", updatable = false)
    private long userId;

    @Convert(converter = RolesConverter.class)
    private Set<Role> roles;

    @Column(name = "work_centre_id")
    private Long workCentreId;

    @Version
    private int version;

    protected Membership() {
    }

    public Membership(long orgId, long userId, Set<Role> roles, Long workCentreId) {
        this.orgId = orgId;
        this.userId = userId;
        change(roles, workCentreId);
    }

    /** A membership without a role would grant nothing and hide that it does. */
    public final void change(Set<Role> newRoles, Long newWorkCentreId) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new NoRoleException();
        }
        this.roles = EnumSet.copyOf(newRoles);
        this.workCentreId = newWorkCentreId;
    }

    public boolean has(Role role) {
        return roles.contains(role);
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

    public int getVersion() {
        return version;
    }

    public static class NoRoleException extends HubException {
        private static final long serialVersionUID = 1L;

        public NoRoleException() {
            super(Kind.INVALID, "roles", "membership.no-role", null);
        }
    }

    @Converter
    public static class RolesConverter implements AttributeConverter<Set<Role>, String> {
        @Override
        public String convertToDatabaseColumn(Set<Role> roles) {
            return roles.stream().map(Role::code).sorted().collect(Collectors.joining(","));
        }

        @Override
        public Set<Role> convertToEntityAttribute(String column) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            Arrays.stream(column.split(",")).filter(s -> !s.isBlank()).map(Role::of).forEach(roles::add);
            return roles;
        }
    }
}
