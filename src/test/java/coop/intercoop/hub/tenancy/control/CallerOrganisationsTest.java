package coop.intercoop.hub.tenancy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.CallerOrganisations.Member;
import coop.intercoop.hub.tenancy.entity.Consortium;
import coop.intercoop.hub.tenancy.entity.ConsortiumMember;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * Which organisations of a list the caller may read, with which roles, whatever a request names: a consolidation over
 * the caller's organisations, a consortium's members.
 */
class CallerOrganisationsTest {

    private static final long USER = 7;
    private static final Instant NOW = Instant.parse("2025-05-01T10:00:00Z");
    private static final Role[] READ = { Role.ORG_ADMIN, Role.ACCOUNTANT, Role.AUDITOR };

    private static Member in(long org, Role... roles) {
        return new Member(org, "G" + org, "Org " + org, Set.of(roles));
    }

    private final List<Member> mine = List.of(in(1, Role.ACCOUNTANT), in(2, Role.AUDITOR),
            in(3, Role.ORG_ADMIN, Role.STAFF), in(4, Role.STAFF));

    private static List<Long> ids(List<Member> members) {
        return members.stream().map(Member::orgId).toList();
    }

    @Test
    void organisationsWhereTheCallerHoldsOneOfTheRolesAreChecked() {
        assertEquals(List.of(1L, 2L, 3L), ids(CallerOrganisations.check(mine, List.of(1L, 2L, 3L, 2L), READ)));
    }

    @Test
    void anOrganisationTheCallerIsNotAMemberOfIsRefusedAsUnknown() {
        assertThrows(NotFoundException.class, () -> CallerOrganisations.check(mine, List.of(1L, 99L), READ));
    }

    @Test
    void anOrganisationWhereTheCallerHoldsNoneOfTheRolesIsRefusedAsUnknown() {
        assertThrows(NotFoundException.class, () -> CallerOrganisations.check(mine, List.of(1L, 4L), READ));
        assertThrows(NotFoundException.class, () -> CallerOrganisations.check(mine, Arrays.asList(1L, null), READ));
    }

    @Test
    void noOrganisationAskedForIsNoneChecked() {
        assertEquals(List.of(), CallerOrganisations.check(mine, List.of(), READ));
    }

    /** Led by 1 (40 %), with 2 (30 %) and 3 (20 %) accepted and 4 (10 %) only invited. */
    private static List<Long> accepted() {
        Consortium consortium = new Consortium("UTE", 1, new BigDecimal("40"), USER, NOW);
        consortium.invite(2, new BigDecimal("30"), NOW);
        consortium.invite(3, new BigDecimal("20"), NOW);
        consortium.invite(4, new BigDecimal("10"), NOW);
        consortium.accept(2, NOW);
        consortium.accept(3, NOW);
        return consortium.accepted().stream().map(ConsortiumMember::getOrgId).toList();
    }

    @Test
    void consortiumMembersWhoseBooksTheCallerReadsAreIncludedAndTheOthersLeftOut() {
        var split = CallerOrganisations.split(
                List.of(in(1, Role.TENDER_MANAGER), in(2, Role.ACCOUNTANT), in(3, Role.AUDITOR)), accepted(), READ);
        assertEquals(List.of(2L, 3L), split.included());
        assertEquals(List.of(1L), split.leftOut());
    }

    @Test
    void aCallerInOneMemberOnlyReadsThatOne() {
        var split = CallerOrganisations.split(List.of(in(3, Role.ORG_ADMIN)), accepted(), READ);
        assertEquals(List.of(3L), split.included());
        assertEquals(List.of(1L, 2L), split.leftOut());
    }

    @Test
    void anInvitedOrganisationIsNeitherIncludedNorLeftOutEvenWhenTheCallerKeepsItsBooks() {
        var split = CallerOrganisations.split(List.of(in(1, Role.ACCOUNTANT), in(4, Role.ACCOUNTANT)), accepted(),
                READ);
        assertEquals(List.of(1L), split.included());
        assertEquals(List.of(2L, 3L), split.leftOut());
    }

    @Test
    void staffAndTenderManagersDoNotReadTheBooks() {
        var split = CallerOrganisations.split(
                List.of(in(1, Role.STAFF, Role.TENDER_MANAGER), in(2, Role.PREVENTION_TECHNICIAN)), accepted(), READ);
        assertEquals(List.of(), split.included());
        assertEquals(List.of(1L, 2L, 3L), split.leftOut());
    }
}
