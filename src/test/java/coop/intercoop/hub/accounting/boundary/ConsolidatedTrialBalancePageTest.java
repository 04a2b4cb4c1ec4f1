package coop.intercoop.hub.accounting.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.accounting.entity.InvalidReportException;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.entity.Membership;
import coop.intercoop.hub.tenancy.entity.Role;

/** The organisations a consolidated trial balance may sum, whatever a request names. */
class ConsolidatedTrialBalancePageTest {

    private static final long USER = 7;

    private final List<Membership> mine = List.of(new Membership(1, USER, Set.of(Role.ACCOUNTANT), null),
            new Membership(2, USER, Set.of(Role.AUDITOR), null),
            new Membership(3, USER, Set.of(Role.ORG_ADMIN, Role.STAFF), null),
            new Membership(4, USER, Set.of(Role.STAFF), null));

    @Test
    void organisationsWhereTheCallerReadsTheBooksAreSummed() {
        assertEquals(Set.of(1L, 2L, 3L), ConsolidatedTrialBalancePage.readable(mine, 1L, 2L, 3L));
    }

    @Test
    void anOrganisationTheCallerIsNotAMemberOfIsRefusedAsUnknown() {
        assertThrows(NotFoundException.class, () -> ConsolidatedTrialBalancePage.readable(mine, 1L, 99L));
    }

    @Test
    void anOrganisationWhereTheCallerIsOnlyStaffIsRefusedAsUnknown() {
        assertThrows(NotFoundException.class, () -> ConsolidatedTrialBalancePage.readable(mine, 1L, 4L));
    }

    @Test
    void noOrganisationIsRefused() {
        assertThrows(InvalidReportException.class, () -> ConsolidatedTrialBalancePage.readable(mine));
        assertThrows(InvalidReportException.class, () -> ConsolidatedTrialBalancePage.readable(mine, (Long[]) null));
    }
}
