package coop.intercoop.hub.payroll.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.control.Contributions.AtEpPremium;
import coop.intercoop.hub.payroll.control.Contributions.ContractKind;
import coop.intercoop.hub.payroll.control.Contributions.Input;
import coop.intercoop.hub.payroll.control.Contributions.Payer;
import coop.intercoop.hub.payroll.control.Contributions.Result;
import coop.intercoop.hub.payroll.entity.ContributionRules;
import coop.intercoop.hub.payroll.entity.Source;

/**
 * The calculator on the installed tables of {@code config/payroll}. Texts cited: LGSS (BOE-A-2015-11724), Orden
 * PJC/178/2025 (BOE-A-2025-3780), Orden PJC/297/2026 (BOE-A-2026-7296), Real Decreto-ley 3/2026 (BOE-A-2026-2548).
 */
class ContributionsTest {

    private static final ContributionRules RULES = new PayrollTables("config/payroll").contributions();
    private static final YearMonth MARCH_2026 = YearMonth.of(2026, 3);
    private static final AtEpPremium NO_PREMIUM = new AtEpPremium(BigDecimal.ZERO, BigDecimal.ZERO,
            new Source("none", Source.Status.VERIFIED));

    @Test
    void issue19FirstExampleGroup5Base2000In2026() {
        // Orden PJC/297/2026 arts. 4.a, 16 and 33.2; issue 19's first worked example
        Result result = Contributions.of(RULES, fullTime(MARCH_2026, 5, ContractKind.OPEN_ENDED, "2000.00"));
        assertEquals(new BigDecimal("2000.00"), result.common().amount());
        assertEquals(new BigDecimal("2000.00"), result.professional().amount());
        assertAmount(result, "common", Payer.EMPLOYER, "472.00");
        assertAmount(result, "unemployment-open-ended", Payer.EMPLOYER, "110.00");
        assertAmount(result, "fogasa", Payer.EMPLOYER, "4.00");
        assertAmount(result, "training", Payer.EMPLOYER, "12.00");
        assertAmount(result, "mei", Payer.EMPLOYER, "15.00");
        assertAmount(result, "common", Payer.EMPLOYEE, "94.00");
        assertAmount(result, "unemployment-open-ended", Payer.EMPLOYEE, "31.00");
        assertAmount(result, "training", Payer.EMPLOYEE, "2.00");
        assertAmount(result, "mei", Payer.EMPLOYEE, "3.00");
        assertFalse(result.line("fogasa", Payer.EMPLOYEE).isPresent(), "FOGASA is the employer's only");
        assertEquals(new BigDecimal("613.00"), result.employer());
        assertEquals(new BigDecimal("130.00"), result.employee(), "6,50 % of 2.000,00");
        assertEquals("BOE-A-2026-7296 art. 4.a",
                result.line("common", Payer.EMPLOYER).orElseThrow().source().citation());
    }

    /**
     * Five days of unpaid leave in a month of 2.000,00: RD 2064/1995 (BOE-A-1996-1579) art. 69.1 keeps the obligation
     * to contribute during leave that is no excedencia, art. 69.2 bases those days at the group's minimum and the AT/EP
     * floor, and Orden PJC/297/2026 art. 7.1 applies them "de forma proporcional al número de días". The 25 days paid
     * give 1.666,67 (bounds 1.424,40 x 25 / 30 = 1.187,00 and 5.101,20 x 25 / 30 = 4.251,00), the 5 days 1.424,40 x 5 /
     * 30 = 237,40 for both bases: 1.904,07. Before, the month was based at its pay, 1.666,67.
     */
    @Test
    void daysOfUnpaidLeaveAreBasedAtTheGroupsMinimumForThoseDays() {
        Input paid = fullTime(MARCH_2026, 5, ContractKind.OPEN_ENDED, "1666.67");
        Input leave = new Input(paid.month(), paid.group(), paid.kind(), paid.disabled(), paid.start(), paid.end(),
                paid.partTimeHours(), paid.pay(), paid.proratedExtras(), paid.overtimeForceMajeure(),
                paid.overtimeOther(), paid.atEp(), 5);
        Result result = Contributions.of(RULES, leave);
        assertEquals(new BigDecimal("1904.07"), result.common().amount());
        assertEquals(new BigDecimal("1904.07"), result.professional().amount());
        assertEquals(new BigDecimal("1424.40"), result.common().minimum(), "1.187,00 + 237,40");
        // employee: 4,70 % 89,49; 1,55 % 29,51; 0,10 % 1,90; 0,15 % 2,86
        assertAmount(result, "common", Payer.EMPLOYEE, "89.49");
        assertAmount(result, "unemployment-open-ended", Payer.EMPLOYEE, "29.51");
        assertEquals(new BigDecimal("123.76"), result.employee());
        assertTrue(result.line("common", Payer.EMPLOYER).orElseThrow().source().citation()
                .contains("base with 5 days in alta without pay"));
        assertEquals(new BigDecimal("1666.67"), Contributions.of(RULES, paid).common().amount());

        // pay above the bounds of the days paid is clamped to them: 4.251,00 + 237,40
        Input rich = new Input(paid.month(), paid.group(), paid.kind(), paid.disabled(), paid.start(), paid.end(),
                paid.partTimeHours(), new BigDecimal("5000.00"), paid.proratedExtras(), paid.overtimeForceMajeure(),
                paid.overtimeOther(), paid.atEp(), 5);
        assertEquals(new BigDecimal("4488.40"), Contributions.of(RULES, rich).common().amount());
        // a group paid by the day (8 to 11): 47,48 a day, 31 days of March, 10 unpaid: 47,48 x 21 + 47,48 x 10
        Input daily = new Input(paid.month(), 9, paid.kind(), paid.disabled(), paid.start(), paid.end(),
                paid.partTimeHours(), new BigDecimal("900.00"), paid.proratedExtras(), paid.overtimeForceMajeure(),
                paid.overtimeOther(), paid.atEp(), 10);
        assertEquals(new BigDecimal("1471.88"), Contributions.of(RULES, daily).common().amount());
        assertThrows(IllegalArgumentException.class,
                () -> new Input(paid.month(), paid.group(), paid.kind(), paid.disabled(), paid.start(), paid.end(),
                        paid.partTimeHours(), paid.pay(), paid.proratedExtras(), paid.overtimeForceMajeure(),
                        paid.overtimeOther(), paid.atEp(), 32));
    }

    @Test
    void issue19SecondExamplePay6000IsClampedAndPaysSolidarityInTwoBands() {
        // RDL 3/2026 art. 3.1 (maximum 5.101,20) and 3.3: band 1 from 5.101,21 to 5.611,32, band 2 up to 7.651,80
        Result result = Contributions.of(RULES, fullTime(MARCH_2026, 5, ContractKind.OPEN_ENDED, "6000.00"));
        assertEquals(new BigDecimal("5101.20"), result.common().amount());
        assertEquals(new BigDecimal("5101.20"), result.professional().amount());
        assertBase(result, "solidarity-1", "510.12");
        assertBase(result, "solidarity-2", "388.68");
        assertFalse(result.line("solidarity-3", Payer.EMPLOYER).isPresent());
        // 510,12 x 0,96 % = 4,897 -> 4,90; x 0,19 % = 0,969 -> 0,97; 388,68 x 1,04 % = 4,042 -> 4,04; x 0,21 % -> 0,82
        assertAmount(result, "solidarity-1", Payer.EMPLOYER, "4.90");
        assertAmount(result, "solidarity-1", Payer.EMPLOYEE, "0.97");
        assertAmount(result, "solidarity-2", Payer.EMPLOYER, "4.04");
        assertAmount(result, "solidarity-2", Payer.EMPLOYEE, "0.82");
        assertAmount(result, "common", Payer.EMPLOYER, "1203.88");
    }

    @Test
    void payBeyondHalfAboveTheMaximumBaseReachesTheThirdBand() {
        // LGSS art. 19 bis: beyond 50 % above the base; 2026: 7.651,80. Pay 8.000,00: 2.040,48 in band 2, 348,20 in 3
        Result result = Contributions.of(RULES, fullTime(MARCH_2026, 1, ContractKind.OPEN_ENDED, "8000.00"));
        assertBase(result, "solidarity-1", "510.12");
        assertBase(result, "solidarity-2", "2040.48");
        assertBase(result, "solidarity-3", "348.20");
        assertAmount(result, "solidarity-3", Payer.EMPLOYER, "4.25");
        assertAmount(result, "solidarity-3", Payer.EMPLOYEE, "0.84");
    }

    @Test
    void aBaseBelowTheGroupsMinimumIsRaisedToIt() {
        // Orden PJC/297/2026 art. 1.1 tercera and art. 3: group 5's minimum 1.424,40; art. 2.2: AT/EP floor 1.424,40
        Result result = Contributions.of(RULES, fullTime(MARCH_2026, 5, ContractKind.OPEN_ENDED, "1000.00"));
        assertEquals(new BigDecimal("1000.00"), result.common().computed());
        assertEquals(new BigDecimal("1424.40"), result.common().amount());
        assertEquals(new BigDecimal("1424.40"), result.professional().amount());
        assertAmount(result, "common", Payer.EMPLOYEE, "66.95");
    }

    @Test
    void theAtEpBaseOfAHighGroupIsFlooredByTheAtEpFloorNotByTheGroupsMinimum() {
        // order art. 1.2: the AT/EP base is pay plus extras within the topes of art. 2, "cualquiera que sea" the group
        Result result = Contributions.of(RULES, fullTime(MARCH_2026, 1, ContractKind.OPEN_ENDED, "1500.00"));
        assertEquals(new BigDecimal("1989.30"), result.common().amount());
        assertEquals(new BigDecimal("1500.00"), result.professional().amount());
        assertAmount(result, "unemployment-open-ended", Payer.EMPLOYER, "82.50");
    }

    @Test
    void aBaseAboveTheMaximumIsCutToItAndTheExtrasTwelfthCounts() {
        // LGSS art. 147.1: extra payments prorated over twelve months; 2025 maximum 4.909,50 (Orden PJC/178/2025 art.
        // 3)
        Input input = new Input(YearMonth.of(2025, 10), 3, ContractKind.OPEN_ENDED, false, LocalDate.of(2020, 1, 1),
                Optional.empty(), Optional.empty(), new BigDecimal("4500.00"), new BigDecimal("750.00"),
                BigDecimal.ZERO, BigDecimal.ZERO, NO_PREMIUM);
        Result result = Contributions.of(RULES, input);
        assertEquals(new BigDecimal("5250.00"), result.common().computed());
        assertEquals(new BigDecimal("4909.50"), result.common().amount());
        // 2025 MEI 0,67 + 0,13 (art. 16); solidarity 0,77 + 0,15 on 340,50 (art. 17.1.a)
        assertAmount(result, "mei", Payer.EMPLOYER, "32.89");
        assertAmount(result, "mei", Payer.EMPLOYEE, "6.38");
        assertBase(result, "solidarity-1", "340.50");
        assertAmount(result, "solidarity-1", Payer.EMPLOYER, "2.62");
        assertAmount(result, "solidarity-1", Payer.EMPLOYEE, "0.51");
    }

    @Test
    void aDailyGroupsBoundsAreTheDailyAmountsTimesTheDaysOfTheMonth() {
        // Orden PJC/297/2026 art. 3, second table: group 9 47,48 to 170,04 a day; March has 31 days
        Result result = Contributions.of(RULES, fullTime(MARCH_2026, 9, ContractKind.OPEN_ENDED, "1300.00"));
        assertEquals(new BigDecimal("1471.88"), result.common().minimum());
        assertEquals(new BigDecimal("5271.24"), result.common().maximum());
        assertEquals(new BigDecimal("1471.88"), result.common().amount());
    }

    @Test
    void aPartTimeMonthsMinimumIsTheHourlyMinimumTimesTheHoursWorked() {
        // Orden PJC/297/2026 art. 39: group 5 8,58 EUR an hour worked; art. 38.3: AT/EP floor 8,58 an hour
        Input low = partTime("80", "600.00");
        Result result = Contributions.of(RULES, low);
        assertEquals(new BigDecimal("686.40"), result.common().minimum());
        assertEquals(new BigDecimal("686.40"), result.common().amount());
        assertEquals(new BigDecimal("686.40"), result.professional().amount());
        assertEquals("BOE-A-2026-7296 art. 39.1", result.common().minimumSource().citation());
        assertAmount(result, "common", Payer.EMPLOYER, "161.99");
        // above the hourly minimum, the pay is the base; the maximum stays the group's (art. 38.2 tercera)
        Result paid = Contributions.of(RULES, partTime("80", "900.00"));
        assertEquals(new BigDecimal("900.00"), paid.common().amount());
        assertEquals(new BigDecimal("5101.20"), paid.common().maximum());
    }

    @Test
    void aPartialMonthsBoundsAreInProportionToItsDaysOverThirty() {
        // alta from 17 March: 15 days; 1.424,40 x 15 / 30 = 712,20, 5.101,20 x 15 / 30 = 2.550,60 (order art. 6.2
        // segunda)
        Input input = new Input(MARCH_2026, 5, ContractKind.OPEN_ENDED, false, LocalDate.of(2026, 3, 17),
                Optional.empty(), Optional.empty(), new BigDecimal("700.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, NO_PREMIUM);
        assertEquals(15, input.days());
        Result result = Contributions.of(RULES, input);
        assertEquals(new BigDecimal("712.20"), result.common().minimum());
        assertEquals(new BigDecimal("2550.60"), result.common().maximum());
        assertEquals(new BigDecimal("712.20"), result.common().amount());
        assertEquals(new BigDecimal("712.20"), result.professional().amount());
    }

    @Test
    void aWholeFebruaryIsAWholeMonth() {
        Input input = fullTime(YearMonth.of(2026, 2), 5, ContractKind.OPEN_ENDED, "1000.00");
        assertEquals(new BigDecimal("1424.40"), Contributions.of(RULES, input).common().amount());
    }

    @Test
    void solidarityOfAPartialMonthStartsAtTheMaximumBaseOfItsDays() {
        // order art. 17.2: the monthly maximum base in proportion to the days in alta; 15 days: 2.550,60, band 1 to
        // 10 % above it (255,06), band 2 beyond
        Input input = new Input(MARCH_2026, 1, ContractKind.OPEN_ENDED, false, LocalDate.of(2026, 3, 17),
                Optional.empty(), Optional.empty(), new BigDecimal("3000.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, NO_PREMIUM);
        Result result = Contributions.of(RULES, input);
        assertEquals(new BigDecimal("2550.60"), result.common().amount());
        assertBase(result, "solidarity-1", "255.06");
        assertBase(result, "solidarity-2", "194.34");
    }

    @Test
    void aFixedTermContractPaysTheFixedTermUnemploymentRate() {
        // Orden PJC/297/2026 art. 33.2.a.2.º: 6,70 + 1,60
        Result result = Contributions.of(RULES, fullTime(MARCH_2026, 5, ContractKind.FIXED_TERM, "2000.00"));
        assertAmount(result, "unemployment-fixed-term", Payer.EMPLOYER, "134.00");
        assertAmount(result, "unemployment-fixed-term", Payer.EMPLOYEE, "32.00");
        assertFalse(result.line("unemployment-open-ended", Payer.EMPLOYER).isPresent());
    }

    @Test
    void aFixedTermContractOfADisabledWorkerOrOfReliefPaysTheOpenEndedRate() {
        // art. 33.2.a.1.º: "contratos, cualquiera que sea la modalidad utilizada, realizados con personas trabajadoras
        // que tengan reconocido un grado de discapacidad no inferior al 33 por ciento", and relevo, sustitución
        Input disabled = new Input(MARCH_2026, 5, ContractKind.FIXED_TERM, true, LocalDate.of(2026, 1, 1),
                Optional.of(LocalDate.of(2026, 6, 30)), Optional.empty(), new BigDecimal("2000.00"), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, NO_PREMIUM);
        assertAmount(Contributions.of(RULES, disabled), "unemployment-open-ended", Payer.EMPLOYER, "110.00");
        assertAmount(Contributions.of(RULES, disabled), "unemployment-open-ended", Payer.EMPLOYEE, "31.00");
        for (ContractKind kind : new ContractKind[] { ContractKind.RELIEF, ContractKind.SUBSTITUTION,
                ContractKind.PRACTICE }) {
            assertAmount(Contributions.of(RULES, fullTime(MARCH_2026, 5, kind, "2000.00")), "unemployment-open-ended",
                    Payer.EMPLOYER, "110.00");
        }
    }

    @Test
    void aFixedTermContractUnder30DaysAddsTheSurchargeInTheMonthItEnds() {
        // LGSS art. 151; Orden PJC/297/2026 art. 28.1: 33,62 EUR at the employer's charge
        Result result = Contributions.of(RULES,
                shortContract(ContractKind.FIXED_TERM, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 20)));
        assertAmount(result, "short-contract", Payer.EMPLOYER, "33.62");
        assertEquals(Optional.empty(), result.line("short-contract", Payer.EMPLOYER).orElseThrow().base());
        assertEquals("BOE-A-2026-7296 art. 28; BOE-A-2015-11724 art. 151",
                result.line("short-contract", Payer.EMPLOYER).orElseThrow().source().citation());
        // 2025: Orden PJC/178/2025 art. 28.1, 32,60 EUR
        Input in2025 = new Input(YearMonth.of(2025, 7), 10, ContractKind.FIXED_TERM, false, LocalDate.of(2025, 7, 1),
                Optional.of(LocalDate.of(2025, 7, 10)), Optional.empty(), new BigDecimal("500.00"), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, NO_PREMIUM);
        assertAmount(Contributions.of(RULES, in2025), "short-contract", Payer.EMPLOYER, "32.60");
    }

    @Test
    void noSurchargeForSubstitutionForThirtyDaysOrBeforeTheContractEnds() {
        // art. 151.3 and order art. 28.2: not for contratos por sustitución
        assertNoSurcharge(
                shortContract(ContractKind.SUBSTITUTION, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 20)));
        // 1 to 30 March is 30 days: not "inferior a 30 días"
        assertNoSurcharge(shortContract(ContractKind.FIXED_TERM, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 30)));
        // it ends in April: March owes nothing yet
        assertNoSurcharge(shortContract(ContractKind.FIXED_TERM, LocalDate.of(2026, 3, 20), LocalDate.of(2026, 4, 5)));
        // 29 days, the longest one that pays it
        assertTrue(Contributions
                .of(RULES, shortContract(ContractKind.FIXED_TERM, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 29)))
                .line("short-contract", Payer.EMPLOYER).isPresent());
    }

    @Test
    void overtimeEntersTheAtEpBaseAndPaysItsAdditionalContribution() {
        // LGSS art. 147.2.e (not in the common base), art. 149; Orden PJC/297/2026 art. 5: 12,00 + 2,00 for force
        // majeure, 23,60 + 4,70 for other overtime; art. 33.1: unemployment on the AT/EP base
        Input input = new Input(MARCH_2026, 5, ContractKind.OPEN_ENDED, false, LocalDate.of(2020, 1, 1),
                Optional.empty(), Optional.empty(), new BigDecimal("2000.00"), BigDecimal.ZERO,
                new BigDecimal("100.00"), new BigDecimal("50.00"), NO_PREMIUM);
        Result result = Contributions.of(RULES, input);
        assertEquals(new BigDecimal("2000.00"), result.common().amount());
        assertEquals(new BigDecimal("2150.00"), result.professional().amount());
        assertAmount(result, "unemployment-open-ended", Payer.EMPLOYER, "118.25");
        assertAmount(result, "overtime-force-majeure", Payer.EMPLOYER, "12.00");
        assertAmount(result, "overtime-force-majeure", Payer.EMPLOYEE, "2.00");
        assertAmount(result, "overtime-other", Payer.EMPLOYER, "11.80");
        assertAmount(result, "overtime-other", Payer.EMPLOYEE, "2.35");
    }

    @Test
    void theAtEpPremiumIsTheEmployersOnTheAtEpBaseWithItsOwnSource() {
        // LGSS additional provision 61, Cuadro I (RDL 3/2026 final provision 1.3): CNAE-2025 01, IT 1,50 and IMS 1,10
        Source cuadroI = new Source("BOE-A-2026-2548 DA 61 Cuadro I, CNAE 01", Source.Status.VERIFIED);
        Input input = new Input(MARCH_2026, 5, ContractKind.OPEN_ENDED, false, LocalDate.of(2020, 1, 1),
                Optional.empty(), Optional.empty(), new BigDecimal("2000.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, new AtEpPremium(new BigDecimal("1.50"), new BigDecimal("1.10"), cuadroI));
        Result result = Contributions.of(RULES, input);
        assertAmount(result, "at-ep-it", Payer.EMPLOYER, "30.00");
        assertAmount(result, "at-ep-ims", Payer.EMPLOYER, "22.00");
        assertEquals(cuadroI, result.line("at-ep-it", Payer.EMPLOYER).orElseThrow().source());
        assertEquals(new BigDecimal("665.00"), result.employer());
        assertEquals(new BigDecimal("130.00"), result.employee());
    }

    @Test
    void aMonthTheTablesDoNotCoverIsRefusedNamingTheFile() {
        Input input = fullTime(YearMonth.of(2024, 12), 5, ContractKind.OPEN_ENDED, "2000.00");
        assertThrows(coop.intercoop.hub.payroll.entity.PayrollRulesFileException.class,
                () -> Contributions.of(RULES, input));
    }

    @Test
    void anInputOutsideItsMonthOrWithoutHoursIsNotOne() {
        assertThrows(IllegalArgumentException.class,
                () -> new Input(MARCH_2026, 5, ContractKind.OPEN_ENDED, false, LocalDate.of(2026, 4, 1),
                        Optional.empty(), Optional.empty(), BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, NO_PREMIUM));
        assertThrows(IllegalArgumentException.class, () -> partTime("0", "100.00"));
        assertThrows(IllegalArgumentException.class, () -> fullTime(MARCH_2026, 12, ContractKind.OPEN_ENDED, "100.00"));
    }

    private static Input fullTime(YearMonth month, int group, ContractKind kind, String pay) {
        return new Input(month, group, kind, false, LocalDate.of(2020, 1, 1), Optional.empty(), Optional.empty(),
                new BigDecimal(pay), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, NO_PREMIUM);
    }

    private static Input partTime(String hours, String pay) {
        return new Input(MARCH_2026, 5, ContractKind.OPEN_ENDED, false, LocalDate.of(2020, 1, 1), Optional.empty(),
                Optional.of(new BigDecimal(hours)), new BigDecimal(pay), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, NO_PREMIUM);
    }

    private static Input shortContract(ContractKind kind, LocalDate start, LocalDate end) {
        return new Input(MARCH_2026, 10, kind, false, start, Optional.of(end), Optional.empty(),
                new BigDecimal("900.00"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, NO_PREMIUM);
    }

    private static void assertNoSurcharge(Input input) {
        assertFalse(Contributions.of(RULES, input).line("short-contract", Payer.EMPLOYER).isPresent());
    }

    private static void assertAmount(Result result, String concept, Payer payer, String amount) {
        assertEquals(new BigDecimal(amount), result.line(concept, payer).orElseThrow().amount(), concept + " " + payer);
    }

    private static void assertBase(Result result, String concept, String base) {
        assertEquals(new BigDecimal(base), result.line(concept, Payer.EMPLOYER).orElseThrow().base().orElseThrow(),
                concept);
        assertEquals(new BigDecimal(base), result.line(concept, Payer.EMPLOYEE).orElseThrow().base().orElseThrow(),
                concept);
    }
}
