package coop.intercoop.hub.accounting.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.tenancy.entity.Consortium;
import coop.intercoop.hub.tenancy.entity.Membership;
import coop.intercoop.hub.tenancy.entity.Role;

/** Which accepted members of a consortium a caller's consolidated trial balance sums. */
class ConsortiumConsolidationTest {

    private static final long USER = 7;
    private static final Instant NOW = Instant.parse("2025-05-01T10:00:00Z");

    /** Led by 1 (40 %), with 2 (30 %) and 3 (20 %) accepted and 4 (10 %) only invited. */
    private static Consortium consortium() {
        Consortium consortium = new Consortium("UTE", 1, new BigDecimal("40"), USER, NOW);
        consortium.invite(2, new BigDecimal("30"), NOW);
        consortium.invite(3, new BigDecimal("20"), NOW);
        consortium.invite(4, new BigDecimal("10"), NOW);
        consortium.accept(2, NOW);
        consortium.accept(3, NOW);
        return consortium;
    }

    private static Membership in(long org, Role... roles) {
        return new Membership(org, USER, Set.of(roles), null);
    }

    @Test
    void membersWhoseBooksTheCallerReadsAreSummedAndTheOthersLeftOut() {
        var split = ConsortiumConsolidation.split(consortium().accepted(),
                List.of(in(1, Role.TENDER_MANAGER), in(2, Role.ACCOUNTANT), in(3, Role.AUDITOR)));
        assertEquals(List.of(2L, 3L), split.included());
        assertEquals(List.of(1L), split.leftOut());
    }

    @Test
    void aCallerInOneMemberOnlySumsThatOne() {
        var split = ConsortiumConsolidation.split(consortium().accepted(), List.of(in(3, Role.ORG_ADMIN)));
        assertEquals(List.of(3L), split.included());
        assertEquals(List.of(1L, 2L), split.leftOut());
    }

    @Test
    void anInvitedOrganisationIsNeitherSummedNorNamedEvenWhenTheCallerKeepsItsBooks() {
        var split = ConsortiumConsolidation.split(consortium().accepted(),
                List.of(in(1, Role.ACCOUNTANT), in(4, Role.ACCOUNTANT)));
        assertEquals(List.of(1L), split.included());
        assertEquals(List.of(2L, 3L), split.leftOut());
    }

    @Test
    void staffAndTenderManagersDoNotReadTheBooks() {
        var split = ConsortiumConsolidation.split(consortium().accepted(),
                List.of(in(1, Role.STAFF, Role.TENDER_MANAGER), in(2, Role.PREVENTION_TECHNICIAN)));
        assertEquals(List.of(), split.included());
        assertEquals(List.of(1L, 2L, 3L), split.leftOut());
    }
}
