package coop.intercoop.hub.tenancy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.tenancy.entity.Membership.NoRoleException;
import coop.intercoop.hub.tenancy.entity.Membership.RolesConverter;

class MembershipTest {

    private final RolesConverter converter = new RolesConverter();

    @Test
    void membershipWithoutRolesIsRefused() {
        assertThrows(NoRoleException.class, () -> new Membership(1, 2, Set.of(), null));
    }

    @Test
    void membershipWithNullRolesIsRefused() {
        assertThrows(NoRoleException.class, () -> new Membership(1, 2, null, null));
    }

    @Test
    void changingToNoRoleIsRefusedAndKeepsTheRoles() {
        Membership membership = new Membership(1, 2, Set.of(Role.ACCOUNTANT), 5L);
        assertThrows(NoRoleException.class, () -> membership.change(Set.of(), null));
        assertEquals(Set.of(Role.ACCOUNTANT), membership.getRoles());
        assertEquals(5L, membership.getWorkCentreId());
    }

    @Test
    void membershipWithOneRoleHasOnlyThatRole() {
        Membership membership = new Membership(1, 2, Set.of(Role.STAFF), null);
        assertTrue(membership.has(Role.STAFF));
        assertFalse(membership.has(Role.ORG_ADMIN));
    }

    @Test
    void rolesAreACopyOfTheGivenSet() {
        Set<Role> given = EnumSet.of(Role.STAFF);
        Membership membership = new Membership(1, 2, given, null);
        given.add(Role.ORG_ADMIN);
        assertFalse(membership.has(Role.ORG_ADMIN));
    }

    @Test
    void rolesCannotBeChangedThroughTheGetter() {
        Membership membership = new Membership(1, 2, Set.of(Role.STAFF), null);
        assertThrows(UnsupportedOperationException.class, () -> membership.getRoles().add(Role.ORG_ADMIN));
    }

    @Test
    void rolesAreStoredAsSortedCommaSeparatedCodes() {
        assertEquals("accountant,org-admin",
                converter.convertToDatabaseColumn(EnumSet.of(Role.ORG_ADMIN, Role.ACCOUNTANT)));
    }

    @Test
    void storedCodesAreReadBackAsRoles() {
        assertEquals(EnumSet.of(Role.ACCOUNTANT, Role.ORG_ADMIN),
                converter.convertToEntityAttribute("accountant,org-admin"));
    }

    @Test
    void everyRoleSurvivesTheRoundTrip() {
        Set<Role> all = EnumSet.allOf(Role.class);
        assertEquals(all, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(all)));
    }

    @Test
    void unknownStoredRoleCodeIsRefused() {
        assertThrows(UnknownRoleException.class, () -> converter.convertToEntityAttribute("accountant,admin"));
    }

    @Test
    void unknownRoleCodeIsRefusedNamingTheValidRoles() {
        UnknownRoleException e = assertThrows(UnknownRoleException.class, () -> Role.of("admin"));
        assertEquals("Unknown role 'admin'; the roles are org-admin, staff, accountant, prevention-technician, "
                + "health-staff, tender-manager, auditor.", e.getMessage());
        assertEquals("roles", e.field());
    }

    @Test
    void roleCodesAreCaseSensitive() {
        assertThrows(UnknownRoleException.class, () -> Role.of("Accountant"));
    }

    @Test
    void eachRoleIsFoundByItsCode() {
        for (Role role : Role.values()) {
            assertEquals(role, Role.of(role.code()));
        }
    }
}
