package coop.intercoop.hub.accounting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class FiscalYearTest {

    @Test
    void aYearIsClosedOnceAndALegalisedYearIsNeitherRenumberedNorLegalisedAgain() {
        FiscalYear year = FiscalYear.calendar(2025);
        assertFalse(year.isClosed());
        year.close(java.time.Instant.parse("2026-03-31T10:00:00Z"));
        assertTrue(year.isClosed());
        assertThrows(IllegalStateException.class, () -> year.close(java.time.Instant.now()));
        year.renumbered(7);
        year.legalise(java.time.Instant.parse("2026-04-30T10:00:00Z"), 3);
        assertTrue(year.isLegalised());
        assertThrows(IllegalStateException.class, () -> year.renumbered(8));
        assertThrows(IllegalStateException.class, () -> year.legalise(java.time.Instant.now(), 3));
    }

    @Test
    void aCalendarYearHasTwelveMonthlyPeriods() {
        FiscalYear year = FiscalYear.calendar(2024);
        assertEquals(LocalDate.of(2024, 1, 1), year.getStartDate());
        assertEquals(LocalDate.of(2024, 12, 31), year.getEndDate());
        List<Period> periods = year.getPeriods();
        assertEquals(12, periods.size());
        for (int i = 0; i < 12; i++) {
            Period p = periods.get(i);
            assertEquals(i + 1, p.getNumber());
            assertEquals(LocalDate.of(2024, i + 1, 1), p.getStartDate());
            assertEquals(LocalDate.of(2024, i + 1, 1).plusMonths(1).minusDays(1), p.getEndDate());
            assertEquals(year, p.getFiscalYear());
        }
        assertEquals(LocalDate.of(2024, 2, 29), periods.get(1).getEndDate());
    }

    @Test
    void periodsFollowEachOtherWithoutGapOrOverlap() {
        List<Period> periods = FiscalYear.startingOn(2025, LocalDate.of(2025, 7, 1)).getPeriods();
        for (int i = 1; i < periods.size(); i++) {
            assertEquals(periods.get(i - 1).getEndDate().plusDays(1), periods.get(i).getStartDate());
        }
    }

    @Test
    void aYearStartingInJulyEndsOnThirtiethOfJune() {
        FiscalYear year = FiscalYear.startingOn(2025, LocalDate.of(2025, 7, 1));
        assertEquals(LocalDate.of(2026, 6, 30), year.getEndDate());
        assertEquals(7, year.periodOf(LocalDate.of(2026, 1, 15)).orElseThrow().getNumber());
        assertEquals(12, year.periodOf(LocalDate.of(2026, 6, 30)).orElseThrow().getNumber());
    }

    @Test
    void withoutAStartDateTheYearIsTheCalendarYear() {
        assertEquals(LocalDate.of(2026, 1, 1), FiscalYear.startingOn(2026, null).getStartDate());
    }

    @Test
    void aDateOutsideTheYearHasNoPeriod() {
        FiscalYear year = FiscalYear.calendar(2024);
        assertFalse(year.contains(LocalDate.of(2025, 1, 1)));
        assertTrue(year.periodOf(LocalDate.of(2023, 12, 31)).isEmpty());
        assertTrue(year.contains(LocalDate.of(2024, 12, 31)));
    }

    @Test
    void aYearStartsOnTheFirstOfAMonthOfItsYear() {
        InvalidFiscalYearException notFirst = assertThrows(InvalidFiscalYearException.class,
                () -> FiscalYear.startingOn(2025, LocalDate.of(2025, 7, 2)));
        assertEquals("startDate", notFirst.field());
        InvalidFiscalYearException otherYear = assertThrows(InvalidFiscalYearException.class,
                () -> FiscalYear.startingOn(2025, LocalDate.of(2024, 7, 1)));
        assertEquals("startDate", otherYear.field());
        assertEquals("year", assertThrows(InvalidFiscalYearException.class, () -> FiscalYear.calendar(99)).field());
    }

    @Test
    void aShorterFirstYearRunsFromConstitutionToTheEndOfAMonth() {
        FiscalYear first = FiscalYear.of(2025, LocalDate.of(2025, 3, 17), null);
        assertEquals(LocalDate.of(2025, 12, 31), first.getEndDate());
        List<Period> periods = first.getPeriods();
        assertEquals(10, periods.size());
        assertEquals(LocalDate.of(2025, 3, 17), periods.get(0).getStartDate());
        assertEquals(LocalDate.of(2025, 3, 31), periods.get(0).getEndDate());
        assertEquals(LocalDate.of(2025, 12, 1), periods.get(9).getStartDate());
        assertEquals(5, FiscalYear.of(2025, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 5, 31)).getPeriods().size());
    }

    @Test
    void aYearEndsOnAMonthEndWithinTwelveMonths() {
        assertEquals("endDate", assertThrows(InvalidFiscalYearException.class,
                () -> FiscalYear.of(2025, LocalDate.of(2025, 3, 17), LocalDate.of(2025, 12, 30))).field());
        assertEquals("endDate", assertThrows(InvalidFiscalYearException.class,
                () -> FiscalYear.of(2025, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 31))).field());
        assertEquals("endDate", assertThrows(InvalidFiscalYearException.class,
                () -> FiscalYear.of(2025, LocalDate.of(2025, 3, 17), LocalDate.of(2026, 3, 31))).field());
        assertEquals("endDate", assertThrows(InvalidFiscalYearException.class,
                () -> FiscalYear.of(2025, LocalDate.of(2025, 3, 17), LocalDate.of(2025, 2, 28))).field());
    }
}
