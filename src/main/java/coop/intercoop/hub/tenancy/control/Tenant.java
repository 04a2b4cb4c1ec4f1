package coop.intercoop.hub.tenancy.control;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;

import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.ForbiddenException;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * The organisation this request acts in and the caller's roles there. Set only by {@link OrganisationAccess} after the
 * caller's membership was checked; everything tenant-scoped reads it from here.
 */
@RequestScoped
public class Tenant {

    /** The tenancy component's refusals, in English; {@code refusals_es.properties} has the Spanish ones. */
    public static final String REFUSALS = "coop.intercoop.hub.tenancy.refusals";

    private Long orgId;
    private Set<Role> roles = Set.of();

    void enter(long checkedOrgId, Set<Role> checkedRoles) {
        this.orgId = checkedOrgId;
        this.roles = Set.copyOf(checkedRoles);
    }

    public boolean isEntered() {
        return orgId != null;
    }

    public long id() {
        if (orgId == null) {
            throw new IllegalStateException("No organisation was checked for this request");
        }
        return orgId;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether the caller holds a component's permission here (an annotation carrying {@link Roles}): what a page asks
     * before it shows a form. The permission's annotation on the action is what refuses the action itself.
     */
    public boolean may(Class<? extends Annotation> permission) {
        return Arrays.stream(RoleCheck.rolesOf(permission)).anyMatch(roles::contains);
    }

    /**
     * For the work an action leaves behind, which no interceptor sees: a lazy table's later pages. Actions declare
     * their permission by annotation instead.
     *
     * @throws ForbiddenException
     *             unless the caller holds the permission in this organisation
     */
    public void require(Class<? extends Annotation> permission) {
        require(RoleCheck.rolesOf(permission));
    }

    /**
     * @throws ForbiddenException
     *             unless the caller has one of the roles in this organisation
     */
    public void require(Role... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(roles::contains)) {
            throw new ForbiddenException(new HubTexts.Text(REFUSALS, "role.needed",
                    Arrays.stream(anyOf).map(Role::code).collect(Collectors.joining(", "))));
        }
    }
}
