package coop.intercoop.hub.payroll.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The range of months a complementary run recalculates, and the year of the arrears it pays. */
class PayrollRunTest {

    private static final YearMonth APRIL_2026 = YearMonth.of(2026, 4);

    private static RunDataException refused(String from, String to) {
        return assertThrows(RunDataException.class,
                () -> PayrollRun.complementary(APRIL_2026, YearMonth.parse(from), YearMonth.parse(to), 1, "en"));
    }

    @Test
    void aRangeIsRefusedReversedAfterTheMonthPaidOrAcrossTwoYearsNamingItsField() {
        RunDataException reversed = refused("2026-03", "2026-02");
        assertEquals("from run.range.order", reversed.field() + " " + reversed.key());
        RunDataException later = refused("2026-03", "2026-05");
        assertEquals("to run.range.after", later.field() + " " + later.key());
        // each year's arrears are withheld and declared by their own year: one run each
        RunDataException years = refused("2025-11", "2026-02");
        assertEquals("to run.range.years", years.field() + " " + years.key());
        assertEquals("A complementary run recalculates the months of one year: 2025-11 and 2026-02 are of different"
                + " years. Start one run for each year's months (they may be paid in the same month): arrears of an"
                + " earlier year are withheld at their own rate and declared as accrued in that year.",
                years.message(Locale.ENGLISH));
    }

    @Test
    void aRunOfAnEarlierYearsMonthsPaysThatYearsArrears() {
        PayrollRun earlier = PayrollRun.complementary(APRIL_2026, YearMonth.of(2025, 11), YearMonth.of(2025, 12), 1,
                "es");
        assertEquals(Optional.of(2025), earlier.getAccrualYear());
        assertEquals(Optional.of(YearMonth.of(2025, 11)), earlier.getArrearsFrom());
        PayrollRun own = PayrollRun.complementary(APRIL_2026, YearMonth.of(2026, 1), YearMonth.of(2026, 3), 1, "es");
        assertEquals(Optional.empty(), own.getAccrualYear());
        assertEquals(Optional.empty(), PayrollRun.regular(APRIL_2026, 1, "es").getAccrualYear());
    }
}
