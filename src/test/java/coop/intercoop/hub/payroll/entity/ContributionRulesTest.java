package coop.intercoop.hub.payroll.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.control.PayrollTables;
import coop.intercoop.hub.payroll.entity.ContributionRules.Item;
import coop.intercoop.hub.payroll.entity.ContributionRules.Unit;
import coop.intercoop.hub.platform.ConfigCsv;

class ContributionRulesTest {

    private static final LocalDate IN_2025 = LocalDate.of(2025, 6, 1);
    private static final LocalDate IN_2026 = LocalDate.of(2026, 6, 1);

    private static final ContributionRules INSTALLED = new PayrollTables("config/payroll").contributions();

    @Test
    void theInstalledBasesAreThoseOfEachYearsOrder() {
        // Orden PJC/297/2026 (BOE-A-2026-7296) art. 3: group 1 1.989,30-5.101,20 a month; groups 8-11 47,48-170,04 a
        // day
        assertBase("1", Unit.MONTH, IN_2026, "1989.30", "5101.20");
        assertBase("3", Unit.MONTH, IN_2026, "1435.20", "5101.20");
        assertBase("7", Unit.MONTH, IN_2026, "1424.40", "5101.20");
        assertBase("10", Unit.DAY, IN_2026, "47.48", "170.04");
        // art. 39.1: part-time hourly minimums; art. 2: AT/EP floor and ceiling; art. 38.3: AT/EP floor per hour
        assertEquals(new BigDecimal("8.65"), INSTALLED.base("3", Unit.HOUR, IN_2026).minimum());
        assertEquals(new BigDecimal("11.98"), INSTALLED.base("1", Unit.HOUR, IN_2026).minimum());
        assertBase(ContributionRules.AT_EP, Unit.MONTH, IN_2026, "1424.40", "5101.20");
        assertEquals(new BigDecimal("8.58"), INSTALLED.base(ContributionRules.AT_EP, Unit.HOUR, IN_2026).minimum());
        // Orden PJC/178/2025 (BOE-A-2025-3780) art. 3, art. 39.1
        assertBase("5", Unit.MONTH, IN_2025, "1381.20", "4909.50");
        assertBase("2", Unit.MONTH, IN_2025, "1599.60", "4909.50");
        assertBase("11", Unit.DAY, IN_2025, "46.04", "163.65");
        assertEquals(new BigDecimal("9.64"), INSTALLED.base("2", Unit.HOUR, IN_2025).minimum());
        assertEquals(Source.Status.VERIFIED, INSTALLED.base(1, IN_2026).source().status());
        // Real Decreto-ley 3/2026 (BOE-A-2026-2548) art. 3.1 has effect from 1 January 2026
        assertEquals(new BigDecimal("5101.20"), INSTALLED.base(5, LocalDate.of(2026, 1, 1)).maximum().orElseThrow());
        assertEquals(new BigDecimal("4909.50"), INSTALLED.base(5, LocalDate.of(2025, 12, 31)).maximum().orElseThrow());
    }

    @Test
    void theInstalledRatesAreThoseOfEachYearsOrder() {
        // Orden PJC/297/2026 arts. 4.a, 16, 33.2; Real Decreto-ley 3/2026 art. 3.2 (MEI 0,75 + 0,15)
        assertRate(Item.COMMON, IN_2026, "23.60", "4.70");
        assertRate(Item.MEI, IN_2026, "0.75", "0.15");
        assertRate(Item.UNEMPLOYMENT_OPEN_ENDED, IN_2026, "5.50", "1.55");
        assertRate(Item.UNEMPLOYMENT_FIXED_TERM, IN_2026, "6.70", "1.60");
        assertRate(Item.FOGASA, IN_2026, "0.20", "0.00");
        assertRate(Item.TRAINING, IN_2026, "0.60", "0.10");
        // art. 5: overtime
        assertRate(Item.OVERTIME_FORCE_MAJEURE, IN_2026, "12.00", "2.00");
        assertRate(Item.OVERTIME_OTHER, IN_2026, "23.60", "4.70");
        // Orden PJC/178/2025 art. 16: MEI 0,67 + 0,13
        assertRate(Item.MEI, IN_2025, "0.67", "0.13");
    }

    @Test
    void theInstalledSolidarityBandsAreThoseOfLgssArt19BisAndEachYearsRates() {
        // Real Decreto-ley 3/2026 art. 3.3: 0,96 + 0,19; 1,04 + 0,21; 1,22 + 0,24, bands at 10 % and 50 % above the
        // base
        List<ContributionRules.SolidarityBand> bands2026 = INSTALLED.solidarity(IN_2026);
        assertEquals(3, bands2026.size());
        assertEquals(new BigDecimal("10"), bands2026.get(0).upTo().orElseThrow());
        assertEquals(new BigDecimal("0.96"), bands2026.get(0).employer());
        assertEquals(new BigDecimal("0.21"), bands2026.get(1).employee());
        assertEquals(Optional.empty(), bands2026.get(2).upTo());
        assertEquals(new BigDecimal("1.22"), bands2026.get(2).employer());
        // Orden PJC/178/2025 art. 17.1: 0,92 / 1 / 1,17 % in total
        List<ContributionRules.SolidarityBand> bands2025 = INSTALLED.solidarity(IN_2025);
        assertEquals(new BigDecimal("0.92"), bands2025.get(0).employer().add(bands2025.get(0).employee()));
        assertEquals(new BigDecimal("1.00"), bands2025.get(1).employer().add(bands2025.get(1).employee()));
        assertEquals(new BigDecimal("1.17"), bands2025.get(2).employer().add(bands2025.get(2).employee()));
    }

    @Test
    void theInstalledSurchargeIsThreeTimesTheGroup8DailyMinimumAtTheEmployersCommonRate() {
        // LGSS art. 151.2 sets how; Orden PJC/178/2025 art. 28 (32,60) and Orden PJC/297/2026 art. 28 (33,62) state it
        assertEquals(new BigDecimal("32.60"), INSTALLED.surcharge(IN_2025).amount());
        assertEquals(new BigDecimal("33.62"), INSTALLED.surcharge(IN_2026).amount());
        for (LocalDate day : List.of(IN_2025, IN_2026)) {
            BigDecimal derived = INSTALLED.base(8, day).minimum().multiply(BigDecimal.valueOf(3))
                    .multiply(INSTALLED.rate(Item.COMMON, day).employer()).divide(BigDecimal.valueOf(100))
                    .setScale(2, RoundingMode.HALF_UP);
            assertEquals(INSTALLED.surcharge(day).amount(), derived, "art. 151.2 on " + day);
        }
        assertTrue(INSTALLED.surcharge(IN_2026).excluded().contains("substitution"));
    }

    @Test
    void aDayNoRowCoversIsRefusedNamingTheFile() {
        assertEquals("contribution-rates.csv: no rate of common is in force on 2024-12-31",
                assertThrows(PayrollRulesFileException.class,
                        () -> INSTALLED.rate(Item.COMMON, LocalDate.of(2024, 12, 31))).getMessage());
        assertEquals("contribution-groups.csv: no row of group 5 per month or day is in force on 2024-12-31",
                assertThrows(PayrollRulesFileException.class, () -> INSTALLED.base(5, LocalDate.of(2024, 12, 31)))
                        .getMessage());
    }

    @Test
    void aMalformedBaseRowIsRefusedNamingItsLine() {
        assertGroupsRefused("2026-01-01;;12;month;1424.40;5101.20;verified;x",
                "g.csv:2: the group is 1 to 11 or at-ep, not '12'");
        assertGroupsRefused("2026-01-01;;5;week;1424.40;5101.20;verified;x",
                "g.csv:2: the unit is month, day or hour, not 'week'");
        assertGroupsRefused("2026-01-01;;5;month;1.424,40;5101.20;verified;x",
                "g.csv:2: the minimum is euros with . and two decimals, such as 1424.40, not '1.424,40'");
        assertGroupsRefused("2026-01-01;;5;month;1424.4;5101.20;verified;x",
                "g.csv:2: the minimum is euros with . and two decimals, such as 1424.40, not '1424.4'");
        assertGroupsRefused("2026-01-01;;5;month;5101.20;1424.40;verified;x",
                "g.csv:2: the maximum 1424.40 is below the minimum 5101.20");
        assertGroupsRefused("2026-01-01;;5;hour;8.58;5101.20;verified;x",
                "g.csv:2: an hour row has no maximum: the month's or day's maximum applies");
        assertGroupsRefused("2026-01-01;;5;month;1424.40;verified;x",
                "g.csv:2: has 7 fields, not the 8 of " + ContributionRules.GROUPS_HEADER);
        assertGroupsRefused("2026-01-01;;5;month;1424.40;5101.20;checked;x",
                "g.csv:2: the status is verified or derived, not 'checked'");
        assertGroupsRefused("2026-01-01;;5;month;1424.40;5101.20;verified; ", "g.csv:2: each value cites its source");
        assertGroupsRefused("2026-02-30;;5;month;1424.40;5101.20;verified;x",
                "g.csv:2: the days are yyyy-mm-dd, not '2026-02-30' and ''");
    }

    @Test
    void aMalformedRateBandOrSurchargeRowIsRefusedNamingItsLine() {
        assertEquals("r.csv:2: the employer rate is a percent with . and two decimals, such as 23.60, not '23.6'",
                refused(() -> parse(List.of(),
                        rows("r.csv", ContributionRules.RATES_HEADER, "2026-01-01;;common;23.6;4.70;verified;x"),
                        List.of(), List.of())));
        assertEquals(
                "r.csv:2: the item is one of common, mei, unemployment-open-ended, unemployment-fixed-term, "
                        + "fogasa, training, overtime-force-majeure, overtime-other, not 'pension'",
                refused(() -> parse(List.of(),
                        rows("r.csv", ContributionRules.RATES_HEADER, "2026-01-01;;pension;23.60;4.70;verified;x"),
                        List.of(), List.of())));
        assertEquals("s.csv:2: the band's upper bound 10 is not above its lower bound 50",
                refused(() -> parse(List.of(), List.of(),
                        rows("s.csv", ContributionRules.SOLIDARITY_HEADER, "2026-01-01;;2;50;10;1.04;0.21;verified;x"),
                        List.of())));
        assertEquals("s.csv:2: the band is a number 1 to 9, not 'first'", refused(() -> parse(List.of(), List.of(),
                rows("s.csv", ContributionRules.SOLIDARITY_HEADER, "2026-01-01;;first;0;10;0.96;0.19;verified;x"),
                List.of())));
        assertEquals("s.csv:2: the above bound is a percent of the maximum base, such as 10, not '10%'",
                refused(() -> parse(List.of(), List.of(),
                        rows("s.csv", ContributionRules.SOLIDARITY_HEADER, "2026-01-01;;2;10%;50;1.04;0.21;verified;x"),
                        List.of())));
        assertEquals("c.csv:2: the amount is euros with . and two decimals, such as 1424.40, not '33,62'",
                refused(() -> parse(List.of(), List.of(), List.of(), rows("c.csv", ContributionRules.SURCHARGE_HEADER,
                        "2026-01-01;;33,62;substitution;verified;x"))));
    }

    @Test
    void twoRowsOfOneKeyInForceOnASameDayAreRefusedNamingBothLines() {
        assertGroupsRefused(
                List.of("2025-01-01;2025-12-31;5;month;1381.20;4909.50;verified;x",
                        "2025-12-01;;5;month;1424.40;5101.20;verified;x"),
                "g.csv:3: the group 5 per month or day (which count as one) is already in force on some of these days at g.csv:2");
        assertGroupsRefused(
                List.of("2026-01-01;;8;day;47.48;170.04;verified;x", "2026-01-01;;8;month;1424.40;5101.20;verified;x"),
                "g.csv:3: the group 8 per month or day (which count as one) is already in force on some of these days at g.csv:2");
        assertEquals("r.csv:3: the item mei is already in force on some of these days at r.csv:2",
                refused(() -> parse(List.of(), rows("r.csv", ContributionRules.RATES_HEADER,
                        "2026-01-01;;mei;0.75;0.15;verified;x", "2026-06-01;2026-12-31;mei;0.80;0.16;verified;x"),
                        List.of(), List.of())));
        // a month row and an hour row of one group, or two groups, may share their days
        ContributionRules rules = parse(
                rows("g.csv", ContributionRules.GROUPS_HEADER, "2026-01-01;;5;month;1424.40;5101.20;verified;x",
                        "2026-01-01;;5;hour;8.58;;verified;x", "2026-01-01;;6;month;1424.40;5101.20;verified;x"),
                List.of(), List.of(), List.of());
        assertEquals(3, rules.bases().size());
    }

    @Test
    void solidarityBandsWithAGapAreRefusedWhenLookedUp() {
        ContributionRules rules = parse(
                List.of(), List.of(), rows("s.csv", ContributionRules.SOLIDARITY_HEADER,
                        "2026-01-01;;1;0;10;0.96;0.19;verified;x", "2026-01-01;;3;50;;1.22;0.24;verified;x"),
                List.of());
        assertEquals("solidarity.csv: the bands in force on 2026-06-01 do not follow each other from 0 % without a gap",
                refused(() -> rules.solidarity(IN_2026)));
    }

    @Test
    void solidarityBandsThatStopAtABoundAreRefusedWhenLookedUp() {
        ContributionRules rules = parse(
                List.of(), List.of(), rows("s.csv", ContributionRules.SOLIDARITY_HEADER,
                        "2026-01-01;;1;0;10;0.96;0.19;verified;x", "2026-01-01;;2;10;50;1.04;0.21;verified;x"),
                List.of());
        assertEquals("solidarity.csv: the bands in force on 2026-06-01 do not end with one without upper bound",
                refused(() -> rules.solidarity(IN_2026)));
    }

    private static void assertBase(String group, Unit unit, LocalDate day, String minimum, String maximum) {
        ContributionRules.GroupBase base = INSTALLED.base(group, unit, day);
        assertEquals(new BigDecimal(minimum), base.minimum(), group + " " + unit + " on " + day);
        assertEquals(new BigDecimal(maximum), base.maximum().orElseThrow(), group + " " + unit + " on " + day);
    }

    private static void assertRate(Item item, LocalDate day, String employer, String employee) {
        ContributionRules.Rate rate = INSTALLED.rate(item, day);
        assertEquals(new BigDecimal(employer), rate.employer(), item + " on " + day);
        assertEquals(new BigDecimal(employee), rate.employee(), item + " on " + day);
    }

    private static void assertGroupsRefused(String row, String message) {
        assertGroupsRefused(List.of(row), message);
    }

    private static void assertGroupsRefused(List<String> lines, String message) {
        assertEquals(message,
                refused(() -> parse(rows("g.csv", ContributionRules.GROUPS_HEADER, lines.toArray(String[]::new)),
                        List.of(), List.of(), List.of())));
    }

    private static String refused(Runnable action) {
        return assertThrows(PayrollRulesFileException.class, action::run).getMessage();
    }

    private static ContributionRules parse(List<ConfigCsv.Row> groups, List<ConfigCsv.Row> rates,
            List<ConfigCsv.Row> solidarity, List<ConfigCsv.Row> surcharges) {
        return ContributionRules.parse(groups, rates, solidarity, surcharges);
    }

    private static List<ConfigCsv.Row> rows(String file, String header, String... lines) {
        List<String> text = new ArrayList<>();
        text.add(header);
        text.addAll(List.of(lines));
        return ConfigCsv.rows(file, text, header, PayrollRulesFileException::new);
    }
}
