package coop.intercoop.hub.payroll.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import coop.intercoop.hub.payroll.control.MonthlyPay.Overtime;
import coop.intercoop.hub.payroll.control.MonthlyPay.OvertimeKind;
import coop.intercoop.hub.payroll.control.PayrollRuns.Warning;
import coop.intercoop.hub.payroll.entity.OvertimeLimits;
import coop.intercoop.hub.payroll.entity.PayrollRulesFileException;

/**
 * The overtime of a month against ET (BOE-A-2015-11430) art. 35.2 (eighty hours a year, in proportion for a shorter
 * working year; force majeure of art. 35.3 not counted) and art. 12.4.c (no overtime for part-time workers but that of
 * art. 35.3): warnings, never refusals.
 */
class OvertimeWarningsTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final LocalDate YEAR_START = LocalDate.of(2026, 1, 1);
    private static final Optional<OvertimeLimits.Limit> LIMIT = new PayrollTables("config/payroll").overtimeLimits()
            .on(MARCH.atEndOfMonth());

    private static Overtime other(String hours) {
        return new Overtime(OvertimeKind.OTHER, new BigDecimal(hours), new BigDecimal("20.00"));
    }

    private static Overtime forceMajeure(String hours) {
        return new Overtime(OvertimeKind.FORCE_MAJEURE, new BigDecimal(hours), new BigDecimal("20.00"));
    }

    @Test
    void theInstalledLimitIsEightyHoursOfArticle35Point2Verified() {
        OvertimeLimits.Limit limit = LIMIT.orElseThrow();
        assertEquals(new BigDecimal("80"), limit.annualHours());
        assertEquals("BOE-A-2015-11430 art. 35.2", limit.source().citation());
        assertEquals("VERIFIED", limit.source().status().name());
    }

    @Test
    void aFullYearContractIsWarnedOnlyAboveEightyHoursAndForceMajeureIsNotCounted() {
        // 70 before, 10 this month: 80, the limit itself, not above it; 25 hours of force majeure do not count
        assertEquals(List.of(), OvertimeWarnings.of(LIMIT, MARCH, LocalDate.of(2020, 1, 1), Optional.empty(), false,
                List.of(other("10"), forceMajeure("25")), new BigDecimal("70")));
        List<Warning> above = OvertimeWarnings.of(LIMIT, MARCH, LocalDate.of(2020, 1, 1), Optional.empty(), false,
                List.of(other("12.5")), new BigDecimal("70"));
        assertEquals(List.of(new Warning(OvertimeWarnings.LIMIT,
                List.of("82.5", "2026-03", "80", "80", "BOE-A-2015-11430 art. 35.2"))), above);
        assertEquals("82,5 horas extraordinarias en el año hasta 2026-03 (sin las de fuerza mayor), por encima de las "
                + "80 horas permitidas: 80 horas al año (BOE-A-2015-11430 art. 35.2), en proporción a los días del "
                + "contrato en el año si no lo cubre entero. Se pagan como constan.",
                PayrollRuns.message(above.get(0), Locale.forLanguageTag("es")));
        assertEquals("82.5 hours of overtime in the year up to 2026-03 (force majeure left out), above the 80 hours "
                + "allowed: 80 hours a year (BOE-A-2015-11430 art. 35.2), in proportion to the contract's days in the "
                + "year when it does not cover the whole year. They are paid as recorded.",
                PayrollRuns.message(above.get(0), Locale.ENGLISH));
    }

    @Test
    void aMonthWithoutOtherOvertimeIsNotWarnedWhateverTheYearSoFar() {
        assertEquals(List.of(), OvertimeWarnings.of(LIMIT, MARCH, YEAR_START, Optional.empty(), false,
                List.of(forceMajeure("8")), new BigDecimal("95")));
    }

    @Test
    void aContractOfPartOfTheYearHasTheLimitInProportionToItsDays() {
        // 1 July to 31 December: 184 of 365 days, 80 x 184 / 365 = 40.3288 -> 40.33 hours
        assertEquals(new BigDecimal("40.33"),
                OvertimeWarnings.allowed(new BigDecimal("80"), 2026, LocalDate.of(2026, 7, 1), Optional.empty()));
        // from 2020 to 31 March 2026: 90 days, 19.73 hours
        assertEquals(new BigDecimal("19.73"), OvertimeWarnings.allowed(new BigDecimal("80"), 2026,
                LocalDate.of(2020, 1, 1), Optional.of(LocalDate.of(2026, 3, 31))));
        assertEquals(new BigDecimal("80"), OvertimeWarnings.allowed(new BigDecimal("80"), 2026,
                LocalDate.of(2020, 1, 1), Optional.of(LocalDate.of(2027, 3, 31))));
        YearMonth july = YearMonth.of(2026, 7);
        assertEquals(List.of(), OvertimeWarnings.of(LIMIT, july, LocalDate.of(2026, 7, 1), Optional.empty(), false,
                List.of(other("40")), BigDecimal.ZERO));
        assertEquals(
                List.of(new Warning(OvertimeWarnings.LIMIT,
                        List.of("41", "2026-07", "40.33", "80", "BOE-A-2015-11430 art. 35.2"))),
                OvertimeWarnings.of(LIMIT, july, LocalDate.of(2026, 7, 1), Optional.empty(), false,
                        List.of(other("41")), BigDecimal.ZERO));
    }

    @Test
    void aPartTimeContractIsWarnedOfAnyOvertimeButForceMajeure() {
        assertEquals(List.of(), OvertimeWarnings.of(LIMIT, MARCH, YEAR_START, Optional.empty(), true,
                List.of(forceMajeure("3")), BigDecimal.ZERO));
        List<Warning> warned = OvertimeWarnings.of(LIMIT, MARCH, YEAR_START, Optional.empty(), true,
                List.of(other("2"), forceMajeure("3")), BigDecimal.ZERO);
        assertEquals(List.of(new Warning(OvertimeWarnings.PART_TIME, List.of("2", "2026-03"))), warned);
        assertEquals("ET art. 12.4.c: a part-time worker may not work overtime other than that of art. 35.3 (force "
                + "majeure), and 2 hours of other overtime are recorded in 2026-03. They are paid as recorded; check "
                + "the contract or the items.", PayrollRuns.message(warned.get(0), Locale.ENGLISH));
    }

    @Test
    void withoutALimitInForceOnlyThePartTimeRuleIsChecked() {
        assertEquals(List.of(), OvertimeWarnings.of(Optional.empty(), MARCH, YEAR_START, Optional.empty(), false,
                List.of(other("200")), BigDecimal.ZERO));
    }

    @Test
    void aMalformedOrOverlappingLimitFileIsRefusedNamingItsLine(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve(OvertimeLimits.FILE),
                List.of(OvertimeLimits.HEADER, "2015-11-13;;eighty;verified;BOE-A-2015-11430 art. 35.2"));
        assertEquals("overtime-limits.csv:2: the annual hours are a whole number from 1, such as 80, not 'eighty'",
                assertThrows(PayrollRulesFileException.class, () -> new PayrollTables(dir.toString()).overtimeLimits())
                        .getMessage());
        Files.write(dir.resolve(OvertimeLimits.FILE), List.of(OvertimeLimits.HEADER,
                "2015-11-13;;80;verified;BOE-A-2015-11430 art. 35.2", "2026-01-01;;60;derived;a later rule"));
        assertEquals("overtime-limits.csv:3: is in force on days the row at overtime-limits.csv:2 is in force too",
                assertThrows(PayrollRulesFileException.class, () -> new PayrollTables(dir.toString()).overtimeLimits())
                        .getMessage());
    }
}
