package coop.intercoop.hub.accounting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import coop.intercoop.hub.platform.HubTexts;
import org.junit.jupiter.api.Test;

class LockDatesTest {

    private static final LocalDate MARCH_31 = LocalDate.of(2025, 3, 31);

    @Test
    void nothingIsLockedAtFirst() {
        LockDates locks = new LockDates(1);
        assertFalse(locks.isHardLocked(LocalDate.of(1990, 1, 1)));
        assertFalse(locks.isSoftLocked(LocalDate.of(1990, 1, 1)));
    }

    @Test
    void theHardLockCoversItsOwnDayAndEverythingBefore() {
        LockDates locks = new LockDates(1);
        locks.hardLockOn(MARCH_31);
        assertTrue(locks.isHardLocked(MARCH_31));
        assertTrue(locks.isHardLocked(LocalDate.of(2024, 1, 1)));
        assertFalse(locks.isHardLocked(MARCH_31.plusDays(1)));
    }

    @Test
    void theHardLockMovesForward() {
        LockDates locks = new LockDates(1);
        locks.hardLockOn(MARCH_31);
        locks.hardLockOn(MARCH_31);
        locks.hardLockOn(LocalDate.of(2025, 6, 30));
        assertEquals(LocalDate.of(2025, 6, 30), locks.getHardLock());
    }

    @Test
    void movingTheHardLockBackIsRefused() {
        LockDates locks = new LockDates(1);
        locks.hardLockOn(MARCH_31);
        HardLockMovedBackException refused = assertThrows(HardLockMovedBackException.class,
                () -> locks.hardLockOn(MARCH_31.minusDays(1)));
        assertEquals("hardLock", refused.field());
        assertTrue(refused.getMessage().contains("31/03/2025"), refused.getMessage());
        assertEquals("El bloqueo definitivo es el 31/03/2025 y solo puede avanzar; el 30/03/2025 es anterior.",
                refused.message(HubTexts.SPANISH));
        assertEquals(MARCH_31, locks.getHardLock());
    }

    @Test
    void removingTheHardLockIsRefused() {
        LockDates locks = new LockDates(1);
        locks.hardLockOn(MARCH_31);
        assertThrows(HardLockMovedBackException.class, () -> locks.hardLockOn(null));
        assertEquals(MARCH_31, locks.getHardLock());
    }

    @Test
    void theSoftLockMovesEitherWayAndCanBeCleared() {
        LockDates locks = new LockDates(1);
        locks.softLockOn(LocalDate.of(2025, 6, 30));
        assertTrue(locks.isSoftLocked(LocalDate.of(2025, 6, 30)));
        locks.softLockOn(MARCH_31);
        assertFalse(locks.isSoftLocked(LocalDate.of(2025, 4, 1)));
        locks.softLockOn(null);
        assertFalse(locks.isSoftLocked(MARCH_31));
    }

    @Test
    void aHardLockedDateIsNotMerelySoftLocked() {
        LockDates locks = new LockDates(1);
        locks.softLockOn(LocalDate.of(2025, 6, 30));
        locks.hardLockOn(MARCH_31);
        assertFalse(locks.isSoftLocked(MARCH_31));
        assertTrue(locks.isSoftLocked(MARCH_31.plusDays(1)));
    }
}
