package coop.intercoop.hub.payroll.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.control.PayrollTables;
import coop.intercoop.hub.platform.ConfigCsv;

class SickLeaveRulesTest {

    private static final String SOURCE = ";common;verified;BOE-A-1966-21116 art. 2.1";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private static SickLeaveRules parse(String... rows) {
        String[] lines = new String[rows.length + 1];
        lines[0] = SickLeaveRules.HEADER;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        return SickLeaveRules.parse(ConfigCsv.rows(SickLeaveRules.FILE, List.of(lines), SickLeaveRules.HEADER,
                PayrollRulesFileException::new));
    }

    private static String refusal(String... rows) {
        return assertThrows(PayrollRulesFileException.class, () -> parse(rows)).getMessage();
    }

    @Test
    void theInstalledTablePaysNothingOnDays1To3AndThenByTheBandsOfTheTexts() {
        // LGSS (BOE-A-2015-11724) art. 173.1: from the fourth day, days 4 to 15 at the employer's charge; Decreto
        // 3158/1966 (BOE-A-1966-21116) art. 2.1: 75 %; Real Decreto 53/1980: 60 % from day 4 to day 20.
        SickLeaveRules rules = new PayrollTables("config/payroll").sickLeave();
        for (LocalDate day : List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31))) {
            for (int dayOfLeave = 1; dayOfLeave <= 3; dayOfLeave++) {
                assertTrue(rules.band(dayOfLeave, day, SickLeaveRules.Contingency.COMMON).isEmpty(),
                        "day " + dayOfLeave);
            }
            assertBand(common(rules, 4, day), "60.00", SickLeaveRules.Payer.EMPLOYER);
            assertBand(common(rules, 15, day), "60.00", SickLeaveRules.Payer.EMPLOYER);
            assertBand(common(rules, 16, day), "60.00", SickLeaveRules.Payer.DELEGATED);
            assertBand(common(rules, 20, day), "60.00", SickLeaveRules.Payer.DELEGATED);
            assertBand(common(rules, 21, day), "75.00", SickLeaveRules.Payer.DELEGATED);
            assertBand(common(rules, 545, day), "75.00", SickLeaveRules.Payer.DELEGATED);
        }
        // the 60 % was not read in the amending decree's article: the file says so
        assertEquals(Source.Status.DERIVED,
                rules.band(4, DAY, SickLeaveRules.Contingency.COMMON).orElseThrow().source().status());
        assertEquals(Source.Status.VERIFIED,
                rules.band(21, DAY, SickLeaveRules.Contingency.COMMON).orElseThrow().source().status());
    }

    /** The band of the installed common-contingency rules covering a day of leave. */
    private static SickLeaveRules.Band common(SickLeaveRules rules, int dayOfLeave, LocalDate day) {
        return rules.band(dayOfLeave, day, SickLeaveRules.Contingency.COMMON).orElseThrow();
    }

    private static void assertBand(SickLeaveRules.Band band, String percent, SickLeaveRules.Payer payer) {
        assertEquals(new BigDecimal(percent), band.percent());
        assertEquals(payer, band.payer());
    }

    @Test
    void aDayBeforeAnyRowIsNoRuleInForce() {
        SickLeaveRules rules = parse("2025-01-01;;21;;75.00;delegated" + SOURCE);
        assertThrows(NoRuleInForceException.class,
                () -> rules.band(21, LocalDate.of(2024, 12, 31), SickLeaveRules.Contingency.COMMON));
    }

    @Test
    void aDayOfLeaveThatIsNotAWholeNumberFromOneIsRefusedNamingTheLine() {
        assertEquals("sick-leave.csv:2: a day of leave is a whole number from 1, such as 4, not '0'",
                refusal("2025-01-01;;0;3;60.00;employer" + SOURCE));
        assertEquals("sick-leave.csv:2: a day of leave is a whole number from 1, such as 4, not 'x'",
                refusal("2025-01-01;;4;x;60.00;employer" + SOURCE));
    }

    @Test
    void aLastDayBeforeTheFirstIsRefused() {
        assertEquals("sick-leave.csv:2: the last day of leave 3 is before the first 4",
                refusal("2025-01-01;;4;3;60.00;employer" + SOURCE));
    }

    @Test
    void aPercentThatIsNotTwoDecimalsOrAboveAHundredIsRefused() {
        assertEquals("sick-leave.csv:2: the percent is a number with . and two decimals, such as 60.00, not '60'",
                refusal("2025-01-01;;4;15;60;employer" + SOURCE));
        assertEquals("sick-leave.csv:2: the percent is at most 100.00, not 100.01",
                refusal("2025-01-01;;4;15;100.01;employer" + SOURCE));
    }

    @Test
    void anUnknownPayerIsRefused() {
        assertEquals("sick-leave.csv:2: the payer is employer or delegated, not 'inss'",
                refusal("2025-01-01;;4;15;60.00;inss" + SOURCE));
    }

    @Test
    void aRowWithoutItsFieldsOrSourceIsRefused() {
        assertEquals("sick-leave.csv:2: needs the fields " + SickLeaveRules.HEADER,
                refusal("2025-01-01;;4;15;60.00;employer"));
        assertEquals("sick-leave.csv:2: each value cites its source",
                refusal("2025-01-01;;4;15;60.00;employer;common;verified;"));
    }

    @Test
    void theInstalledOccupationalBandPaysSeventyFivePerCentDelegatedFromTheDayAfterTheBaja() {
        // LGSS art. 173.1 (from the day after the baja), Decreto 3158/1966 art. 2.1 (75 %), Orden de 25-11-1966 art.
        // 16.1.b (delegated payment)
        SickLeaveRules rules = new PayrollTables("config/payroll").sickLeave();
        assertTrue(rules.band(1, DAY, SickLeaveRules.Contingency.OCCUPATIONAL).isEmpty());
        for (int dayOfLeave : List.of(2, 3, 15, 21, 545)) {
            SickLeaveRules.Band band = rules.band(dayOfLeave, DAY, SickLeaveRules.Contingency.OCCUPATIONAL)
                    .orElseThrow();
            assertBand(band, "75.00", SickLeaveRules.Payer.DELEGATED);
            assertEquals(Source.Status.VERIFIED, band.source().status());
        }
        // a common band and an occupational one cover the same days without contradiction; a contingency that is
        // neither is refused naming the line
        SickLeaveRules both = parse("2025-01-01;;4;15;60.00;employer" + SOURCE,
                "2025-01-01;;2;;75.00;delegated;occupational;verified;BOE-A-1966-21116 art. 2.1");
        assertEquals(new BigDecimal("60.00"),
                both.band(4, DAY, SickLeaveRules.Contingency.COMMON).orElseThrow().percent());
        assertEquals("sick-leave.csv:2: the contingency is common or occupational, not 'accident'",
                refusal("2025-01-01;;2;;75.00;delegated;accident;verified;BOE-A-1966-21116 art. 2.1"));
    }

    @Test
    void twoRowsSharingADayOfLeaveOnASameDayAreRefusedNamingBothLines() {
        assertEquals(
                "sick-leave.csv:3: the days 15-20 of leave share days with the row at sick-leave.csv:2 on some of"
                        + " its days",
                refusal("2025-01-01;;4;15;60.00;employer" + SOURCE, "2025-06-01;;15;20;60.00;delegated" + SOURCE));
        // the same days in force on different days are a change of the rule, not a contradiction
        SickLeaveRules changed = parse("2025-01-01;2025-12-31;4;15;60.00;employer" + SOURCE,
                "2026-01-01;;4;15;70.00;employer" + SOURCE);
        assertEquals(new BigDecimal("70.00"),
                changed.band(4, DAY, SickLeaveRules.Contingency.COMMON).orElseThrow().percent());
    }
}
