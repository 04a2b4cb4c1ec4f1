package coop.intercoop.hub.tenders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The default solvency of Ley 9/2017 arts. 87.3.a and 90.2, and the services that count towards it. */
class SolvencyRulesTest {

    private static final SolvencyRules LAW = new SolvencyRules(new BigDecimal("1.5"), new BigDecimal("70"), 3, 3);

    private static Optional<Tender.Term> months(int months) {
        return Optional.of(new Tender.Term(BigDecimal.valueOf(months), Tender.Term.Unit.MON));
    }

    @Test
    void aContractOfFourYearsAsksForOneAndAHalfTimesItsYearlyValueInTurnoverAndSeventyPercentInServices() {
        SolvencyRules.Requirements r = LAW.requirements(Optional.of(new BigDecimal("480000.00")), months(48));
        assertEquals(Optional.of(new BigDecimal("120000.00")), r.yearlyValue());
        assertEquals(Optional.of(new BigDecimal("180000.00")), r.turnover());
        assertEquals(Optional.of(new BigDecimal("84000.00")), r.services());
        assertEquals(Optional.empty(), r.missing());
    }

    @Test
    void aContractOfAYearOrLessIsMeasuredByItsWholeValue() {
        SolvencyRules.Requirements r = LAW.requirements(Optional.of(new BigDecimal("50000.00")), months(12));
        assertEquals(Optional.of(new BigDecimal("50000.00")), r.yearlyValue());
        assertEquals(Optional.of(new BigDecimal("75000.00")), r.turnover());
        assertEquals(Optional.of(new BigDecimal("35000.00")), r.services());
        SolvencyRules.Requirements days = LAW.requirements(Optional.of(new BigDecimal("9999.99")),
                Optional.of(new Tender.Term(new BigDecimal("120"), Tender.Term.Unit.DAY)));
        assertEquals(Optional.of(new BigDecimal("14999.99")), days.turnover(), "half-up to the cent");
        assertEquals(Optional.of(new BigDecimal("6999.99")), days.services());
    }

    @Test
    void aContractOfAnOddLengthIsDividedToTheCent() {
        // 100.000,00 over 18 months: 66.666,67 a year
        SolvencyRules.Requirements r = LAW.requirements(Optional.of(new BigDecimal("100000.00")), months(18));
        assertEquals(Optional.of(new BigDecimal("66666.67")), r.yearlyValue());
        assertEquals(Optional.of(new BigDecimal("100000.01")), r.turnover());
        assertEquals(Optional.of(new BigDecimal("46666.67")), r.services());
    }

    @Test
    void withoutValueOrDurationNothingIsRequiredAndTheReasonIsNamed() {
        assertEquals(Optional.of("value"), LAW.requirements(Optional.empty(), months(12)).missing());
        SolvencyRules.Requirements noTerm = LAW.requirements(Optional.of(BigDecimal.TEN), Optional.empty());
        assertEquals(Optional.of("duration"), noTerm.missing());
        assertEquals(Optional.empty(), noTerm.turnover());
        assertEquals(Optional.empty(), noTerm.services());
    }

    @Test
    void aServiceIsSimilarWhenACodeSharesItsFirstThreeDigits() {
        // 85311000 social work with accommodation, 85312000 without: group 853
        assertTrue(LAW.similar(List.of("85312000"), List.of("85311000-2")));
        assertFalse(LAW.similar(List.of("85100000"), List.of("85311000")), "852/851 is another group");
        assertTrue(LAW.similar(List.of("90910000", "85320000"), List.of("85311000")));
        assertFalse(new SolvencyRules(BigDecimal.ONE, BigDecimal.ONE, 3, 5).similar(List.of("85312000"),
                List.of("85311000")), "five digits tell them apart");
    }

    @Test
    void theServicesPeriodCountsBackTheYearsFromTheDeadline() {
        assertEquals(LocalDate.of(2023, 9, 16), LAW.servicesFrom(LocalDate.of(2026, 9, 15)));
    }

    @Test
    void aServiceIsSpreadOverItsDaysAndOnlyItsDaysInThePeriodCount() {
        LocalDate from = LocalDate.of(2023, 9, 16);
        LocalDate to = LocalDate.of(2026, 9, 15);
        // 365 days from 1 July 2024 to 30 June 2025: 184 days in 2024, 181 in 2025
        SolvencyRules.Performed year = new SolvencyRules.Performed(LocalDate.of(2024, 7, 1),
                Optional.of(LocalDate.of(2025, 6, 30)), new BigDecimal("36500.00"));
        // all of 2023, of which 107 days (16 September to 31 December) fall in the period
        SolvencyRules.Performed before = new SolvencyRules.Performed(LocalDate.of(2023, 1, 1),
                Optional.of(LocalDate.of(2023, 12, 31)), new BigDecimal("365.00"));
        // still going since 1 January 2026: counted to the deadline, 258 days, all of it
        SolvencyRules.Performed going = new SolvencyRules.Performed(LocalDate.of(2026, 1, 1), Optional.empty(),
                new BigDecimal("1000.00"));
        // ended before the period: nothing
        SolvencyRules.Performed old = new SolvencyRules.Performed(LocalDate.of(2020, 1, 1),
                Optional.of(LocalDate.of(2022, 12, 31)), new BigDecimal("99999.00"));
        assertEquals(
                Map.of(2023, new BigDecimal("107.00"), 2024, new BigDecimal("18400.00"), 2025,
                        new BigDecimal("18100.00"), 2026, new BigDecimal("1000.00")),
                SolvencyRules.byYear(List.of(year, before, going, old), from, to));
    }

    @Test
    void aServiceEndingAfterTheDeadlineCountsItsDaysToTheDeadlineOnly() {
        // 1 January to 31 December 2026 (365 days), the deadline on 15 September: 258 days of it
        SolvencyRules.Performed running = new SolvencyRules.Performed(LocalDate.of(2026, 1, 1),
                Optional.of(LocalDate.of(2026, 12, 31)), new BigDecimal("365.00"));
        assertEquals(Map.of(2026, new BigDecimal("258.00")),
                SolvencyRules.byYear(List.of(running), LocalDate.of(2023, 9, 16), LocalDate.of(2026, 9, 15)));
    }
}
