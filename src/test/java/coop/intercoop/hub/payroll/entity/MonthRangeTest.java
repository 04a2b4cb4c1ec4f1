package coop.intercoop.hub.payroll.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The months a salary item applies in: both ends included, either open. */
class MonthRangeTest {

    private static MonthRange range(String from, String until) {
        return new MonthRange(MonthRange.month(from), MonthRange.month(until));
    }

    @Test
    void aRangeCoversItsFirstAndLastMonthsAndAnOpenEndEveryMonthBeyond() {
        MonthRange spring = range("2026-03", "2026-05");
        assertFalse(spring.covers(YearMonth.of(2026, 2)));
        assertTrue(spring.covers(YearMonth.of(2026, 3)));
        assertTrue(spring.covers(YearMonth.of(2026, 5)));
        assertFalse(spring.covers(YearMonth.of(2026, 6)));
        assertTrue(range("", "2026-05").covers(YearMonth.of(1999, 1)));
        assertTrue(range("2026-03", null).covers(YearMonth.of(2099, 12)));
        assertTrue(MonthRange.ALWAYS.covers(YearMonth.of(2026, 1)));
    }

    @Test
    void twoRangesOverlapWhenTheyShareAMonthEvenAnEnd() {
        assertTrue(range(null, "2026-05").overlaps(range("2026-05", null)));
        assertFalse(range(null, "2026-05").overlaps(range("2026-06", null)));
        assertFalse(range("2026-06", null).overlaps(range(null, "2026-05")));
        assertTrue(range("2026-01", "2026-12").overlaps(range("2026-06", "2026-06")));
        assertFalse(range("2026-01", "2026-02").overlaps(range("2026-03", "2026-04")));
        assertTrue(MonthRange.ALWAYS.overlaps(range("2026-03", "2026-03")));
        assertTrue(MonthRange.ALWAYS.overlaps(MonthRange.ALWAYS));
    }

    @Test
    void aMonthReadsAsYearDashMonthAndALastMonthBeforeTheFirstIsRefused() {
        assertEquals(Optional.of(YearMonth.of(2026, 3)), MonthRange.month(" 2026-03 "));
        assertEquals(Optional.empty(), MonthRange.month(" "));
        assertThrows(DateTimeParseException.class, () -> MonthRange.month("03/2026"));
        assertThrows(IllegalArgumentException.class, () -> range("2026-03", "2026-02"));
        assertEquals("2026-03 – …", range("2026-03", null).toString());
    }
}
