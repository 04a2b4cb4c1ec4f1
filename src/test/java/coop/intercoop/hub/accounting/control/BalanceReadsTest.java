package coop.intercoop.hub.accounting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.accounting.control.BalanceReads.Cover;
import coop.intercoop.hub.accounting.control.BalanceReads.Days;
import coop.intercoop.hub.accounting.control.BalanceReads.PeriodSpan;

/** How a range of dates is read from the maintained balances. */
class BalanceReadsTest {

    private static List<PeriodSpan> months(LocalDate from, LocalDate to) {
        List<PeriodSpan> periods = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(2025, m);
            if (!month.atDay(1).isAfter(to) && !month.atEndOfMonth().isBefore(from)) {
                periods.add(new PeriodSpan(m, month.atDay(1), month.atEndOfMonth()));
            }
        }
        return periods;
    }

    private static Cover cover(String from, String to) {
        LocalDate start = LocalDate.parse(from);
        LocalDate end = LocalDate.parse(to);
        return BalanceReads.cover(months(start, end), start, end);
    }

    @Test
    void aPeriodEndIsReadFromWholePeriodsOnly() {
        Cover cover = cover("2025-01-01", "2025-03-31");
        assertEquals(List.of(1L, 2L, 3L), cover.wholePeriods());
        assertEquals(List.of(), cover.days());
    }

    @Test
    void aDateInsideAPeriodAddsItsDaysUpToTheDate() {
        Cover cover = cover("2025-01-01", "2025-03-10");
        assertEquals(List.of(1L, 2L), cover.wholePeriods());
        assertEquals(List.of(new Days(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 10))), cover.days());
    }

    @Test
    void aRangeCuttingTwoPeriodsReadsTheDaysOfBoth() {
        Cover cover = cover("2025-02-15", "2025-04-10");
        assertEquals(List.of(3L), cover.wholePeriods());
        assertEquals(List.of(new Days(LocalDate.of(2025, 2, 15), LocalDate.of(2025, 2, 28)),
                new Days(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 10))), cover.days());
    }

    @Test
    void aRangeInsideOnePeriodIsOnlyDays() {
        Cover cover = cover("2025-05-05", "2025-05-20");
        assertEquals(List.of(), cover.wholePeriods());
        assertEquals(List.of(new Days(LocalDate.of(2025, 5, 5), LocalDate.of(2025, 5, 20))), cover.days());
    }
}
