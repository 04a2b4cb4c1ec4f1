package coop.intercoop.hub.accounting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The range a results account is compared with: the same range one year earlier. */
class FinancialStatementsTest {

    @Test
    void aRangeEndingOnAMonthsLastDayIsComparedWithOneEndingOnThatMonthsLastDay() {
        assertEquals(LocalDate.of(2024, 12, 31), FinancialStatements.aYearEarlier(LocalDate.of(2025, 12, 31)));
        assertEquals(LocalDate.of(2024, 2, 29), FinancialStatements.aYearEarlier(LocalDate.of(2025, 2, 28)));
        assertEquals(LocalDate.of(2023, 2, 28), FinancialStatements.aYearEarlier(LocalDate.of(2024, 2, 29)));
        assertEquals(LocalDate.of(2024, 3, 15), FinancialStatements.aYearEarlier(LocalDate.of(2025, 3, 15)));
    }
}
