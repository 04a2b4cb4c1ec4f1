package coop.intercoop.hub.tenancy.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.entity.Membership;
import coop.intercoop.hub.tenancy.entity.Organisation;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * Reads across organisations (DESIGN rule 1): which organisations of a list the caller may read, and with which roles.
 * A request acts in one organisation ({@link OrganisationAccess}); a consolidation, a consortium's figures or an import
 * naming organisations in its cells reach several, and each of them is answered here from the caller's memberships as
 * they are now, never from ids or roles a request or a view remembered. An organisation the caller is not a member of,
 * or where they hold none of the roles asked for, is unknown, whether it exists or not.
 */
@Dependent
public class CallerOrganisations {

    /** One of the caller's organisations: its id, tax id and name, and the caller's roles there. */
    public record Member(long orgId, String taxId, String name, Set<Role> roles) {

        public Member {
            roles = Set.copyOf(roles);
        }

        /** Whether the caller holds one of the roles here. */
        public boolean holdsAny(Role... anyOf) {
            return Arrays.stream(anyOf).anyMatch(roles::contains);
        }
    }

    /**
     * Organisations split by whether the caller holds one of the roles in them, each list in the order given.
     *
     * @param included
     *            those where the caller holds one of the roles
     * @param leftOut
     *            the others, including those the caller is not a member of
     */
    public record Split(List<Long> included, List<Long> leftOut) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    /** Every organisation the caller is a member of, with their roles there, by name. */
    public List<Member> all() {
        return em
                .createQuery("SELECT m, o FROM Membership m, Organisation o WHERE m.userId = :userId "
                        + "AND o.id = m.orgId ORDER BY o.name, o.id", Object[].class)
                .setParameter("userId", caller.user().getId()).getResultStream().map(row -> {
                    Membership m = (Membership) row[0];
                    Organisation o = (Organisation) row[1];
                    return new Member(m.getOrgId(), o.getTaxId(), o.getName(), m.getRoles());
                }).toList();
    }

    /** The caller's organisations where they hold one of the roles, by name: those a form may offer. */
    public List<Member> holding(Role... anyOf) {
        return all().stream().filter(m -> m.holdsAny(anyOf)).toList();
    }

    /**
     * The organisations asked for, each one of the caller's where they hold one of the roles; in the order asked,
     * without repeats.
     *
     * @throws NotFoundException
     *             naming the first organisation asked for that is not one of those, as if it did not exist
     */
    public List<Member> check(Collection<Long> asked, Role... anyOf) {
        return check(all(), asked, anyOf);
    }

    /**
     * Splits organisations, such as a consortium's members, into those where the caller holds one of the roles and the
     * others, keeping their order.
     */
    public Split split(List<Long> organisations, Role... anyOf) {
        return split(all(), organisations, anyOf);
    }

    /** {@link #check(Collection, Role...)} against the memberships given. */
    static List<Member> check(List<Member> mine, Collection<Long> asked, Role... anyOf) {
        Map<Long, Member> byOrg = byOrg(mine);
        Map<Long, Member> checked = new LinkedHashMap<>();
        for (Long org : asked) {
            Member member = org == null ? null : byOrg.get(org);
            if (member == null || !member.holdsAny(anyOf)) {
                throw new NotFoundException("organisation", org);
            }
            checked.put(org, member);
        }
        return List.copyOf(checked.values());
    }

    /** {@link #split(List, Role...)} against the memberships given. */
    static Split split(List<Member> mine, List<Long> organisations, Role... anyOf) {
        Map<Long, Member> byOrg = byOrg(mine);
        List<Long> included = new ArrayList<>();
        List<Long> leftOut = new ArrayList<>();
        for (long org : organisations) {
            Member member = byOrg.get(org);
            (member != null && member.holdsAny(anyOf) ? included : leftOut).add(org);
        }
        return new Split(List.copyOf(included), List.copyOf(leftOut));
    }

    private static Map<Long, Member> byOrg(List<Member> mine) {
        Map<Long, Member> byOrg = new LinkedHashMap<>();
        for (Member m : mine) {
            byOrg.putIfAbsent(m.orgId(), m);
        }
        return byOrg;
    }
}
