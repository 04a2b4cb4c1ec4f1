package coop.intercoop.hub.payroll.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.control.Contributions.ContractKind;
import coop.intercoop.hub.payroll.control.MonthlyPay.Arrears;
import coop.intercoop.hub.payroll.control.MonthlyPay.Contract;
import coop.intercoop.hub.payroll.control.MonthlyPay.Deduction;
import coop.intercoop.hub.payroll.control.MonthlyPay.ExtraPayment;
import coop.intercoop.hub.payroll.control.MonthlyPay.Input;
import coop.intercoop.hub.payroll.control.MonthlyPay.Item;
import coop.intercoop.hub.payroll.control.MonthlyPay.Kind;
import coop.intercoop.hub.payroll.control.MonthlyPay.Line;
import coop.intercoop.hub.payroll.control.MonthlyPay.Overtime;
import coop.intercoop.hub.payroll.control.MonthlyPay.OvertimeKind;
import coop.intercoop.hub.payroll.control.MonthlyPay.Period;
import coop.intercoop.hub.payroll.control.MonthlyPay.Result;
import coop.intercoop.hub.payroll.control.MonthlyPay.Rules;
import coop.intercoop.hub.payroll.control.MonthlyPay.SickLeave;
import coop.intercoop.hub.payroll.control.MonthlyPay.SoFar;
import coop.intercoop.hub.payroll.control.Withholding.Disability;
import coop.intercoop.hub.payroll.control.Withholding.Relationship;
import coop.intercoop.hub.payroll.control.Withholding.Step;
import coop.intercoop.hub.payroll.entity.AgreementSalaries;
import coop.intercoop.hub.payroll.entity.ContributionRules;
import coop.intercoop.hub.payroll.entity.MonthRange;
import coop.intercoop.hub.payroll.entity.Payslip;
import coop.intercoop.hub.payroll.entity.SickLeaveRules;
import coop.intercoop.hub.payroll.entity.Source;
import coop.intercoop.hub.payroll.entity.Validity;

/**
 * One employee's month on the installed tables of {@code config/payroll}. Texts cited: LGSS (BOE-A-2015-11724), Orden
 * PJC/297/2026 (BOE-A-2026-7296, "the order"), Orden PJC/178/2025 (BOE-A-2025-3780), RIRPF (BOE-A-2007-6820), Decreto
 * 3158/1966 (BOE-A-1966-21116). Every expected figure is worked by hand in the comments.
 */
class MonthlyPayTest {

    private static final PayrollTables TABLES = new PayrollTables("config/payroll");
    private static final YearMonth JANUARY = YearMonth.of(2026, 1);
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final Source CONTRACT = new Source("contract of employment, clause 4", Source.Status.VERIFIED);
    private static final Withholding.Employee SINGLE = new Withholding.Employee(3, 1990, Disability.NONE, List.of(),
            List.of(), false, false);
    private static final LocalDate HIRED = LocalDate.of(2020, 1, 1);

    private static BigDecimal euros(String amount) {
        return new BigDecimal(amount);
    }

    private static Item salary(String concept, String monthly) {
        return new Item(concept, euros(monthly), true, true, true, CONTRACT);
    }

    /** Open-ended, group 5, social services without accommodation (CNAE 88: AT/EP 0,80 + 0,70). */
    private static Contract contract(LocalDate start, List<Item> items, List<ExtraPayment> extras) {
        return new Contract(start, Optional.empty(), ContractKind.OPEN_ENDED, Relationship.COMMON, 5, false,
                Optional.of("88"), Optional.empty(), Optional.empty(), items, extras);
    }

    private static Contract plain(String monthly) {
        return contract(HIRED, List.of(salary("base-salary", monthly)), List.of());
    }

    private static Result month(Contract contract, Period period, SoFar soFar) {
        return MonthlyPay.of(Rules.of(TABLES, period.month()), new Input(SINGLE, contract, period, soFar));
    }

    private static BigDecimal amount(Result result, Kind kind, String concept) {
        return result.line(kind, concept).orElseThrow(() -> new AssertionError("no line " + kind + " " + concept))
                .amount();
    }

    /**
     * Net = gross - deductions, deductions = employee contributions + withholding + other deductions, and every line
     * names its source.
     */
    private static void assertBalanced(Result result, BigDecimal others) {
        result.lines().forEach(line -> assertFalse(line.source().citation().isBlank(), line.concept()));
        assertEquals(result.gross().subtract(result.deductions()), result.net());
        assertEquals(result.contributions().employee().add(result.withheld()).add(others), result.deductions());
        assertEquals(result.gross().add(result.employerContributions()).subtract(result.recovered()),
                result.employerCost());
    }

    /** The months of a year in order, each with the year so far of the months before it. */
    private static List<Result> year(Contract contract) {
        List<Result> months = new ArrayList<>();
        SoFar soFar = SoFar.NONE;
        for (int m = 1; m <= 12; m++) {
            Result result = month(contract, Period.ordinary(YearMonth.of(2026, m)), soFar);
            months.add(result);
            soFar = soFar.after(result);
        }
        return months;
    }

    @Test
    void aFullMonthOfGroup5On2000ReproducesTheIssuesFirstExampleAndWithholdsAt13_51() {
        // Issue 19's first example; order arts. 4.a, 16 and 33.2; LGSS disp. adic. 61 Cuadro I, CNAE 88: 0,80 + 0,70.
        Contract contract = contract(HIRED,
                List.of(salary("base-salary", "1500.00"), salary("post-complement", "500.00")), List.of());
        Result result = month(contract, Period.ordinary(JANUARY), SoFar.NONE);

        assertEquals(euros("2000.00"), result.gross());
        assertEquals(euros("2000.00"), result.contributions().common().amount());
        assertEquals(euros("472.00"), amount(result, Kind.EMPLOYER_CONTRIBUTION, "common"));
        assertEquals(euros("110.00"), amount(result, Kind.EMPLOYER_CONTRIBUTION, "unemployment-open-ended"));
        assertEquals(euros("4.00"), amount(result, Kind.EMPLOYER_CONTRIBUTION, "fogasa"));
        assertEquals(euros("12.00"), amount(result, Kind.EMPLOYER_CONTRIBUTION, "training"));
        assertEquals(euros("15.00"), amount(result, Kind.EMPLOYER_CONTRIBUTION, "mei"));
        assertEquals(euros("16.00"), amount(result, Kind.EMPLOYER_CONTRIBUTION, "at-ep-it"));
        assertEquals(euros("14.00"), amount(result, Kind.EMPLOYER_CONTRIBUTION, "at-ep-ims"));
        assertEquals(euros("94.00"), amount(result, Kind.DEDUCTION, "common"));
        assertEquals(euros("31.00"), amount(result, Kind.DEDUCTION, "unemployment-open-ended"));
        assertEquals(euros("2.00"), amount(result, Kind.DEDUCTION, "training"));
        assertEquals(euros("3.00"), amount(result, Kind.DEDUCTION, "mei"));
        assertEquals(euros("130.00"), result.contributions().employee(), "6,50 % of 2.000,00");
        assertEquals(euros("643.00"), result.employerContributions());
        Line common = result.line(Kind.EMPLOYER_CONTRIBUTION, "common").orElseThrow();
        assertEquals(euros("2000.00"), common.base().orElseThrow());
        assertEquals(euros("23.60"), common.rate().orElseThrow());
        assertEquals("BOE-A-2026-7296 art. 4.a", common.source().citation());

        // RIRPF art. 83.2: January, nothing paid yet: 12 x 2.000 = 24.000; contributions 12 x 130 = 1.560.
        // Art. 83.3: 24.000 - 1.560 - 2.000 = 20.440 (net 22.440 is above 19.747,50: no reduction). Art. 85.1: scale on
        // 20.440 = 4.225,50 + 240 x 30 % = 4.297,50; on the minimum 5.550 = 1.054,50; quota 3.243,00 (43 % of 24.000 -
        // 15.876 = 3.493,32 does not bind). Art. 86.1: 3.243 / 24.000 = 13,5125 % -> 13,51 %; on 2.000,00: 270,20.
        Withholding.Forecast forecast = result.forecast().orElseThrow();
        assertEquals(euros("24000.00"), forecast.pay());
        assertEquals(euros("1560.00"), forecast.contributions());
        assertEquals(euros("13.51"), result.withholding().orElseThrow().rate());
        assertEquals(euros("270.20"), amount(result, Kind.DEDUCTION, "irpf"));
        assertEquals(euros("1599.80"), result.net());
        assertEquals(euros("2643.00"), result.employerCost());
        assertBalanced(result, BigDecimal.ZERO);
    }

    @Test
    void extrasProratedOrPaidInTheirMonthsGiveTheSameYearlyBaseAndPay() {
        // LGSS art. 147.1 and order art. 1.1 segunda: the base carries a twelfth of the year's extras every month, paid
        // or not. 1.800,00 a month and two extras of 1.800,00 (June, December): 300,00 a month, base 2.100,00.
        Source agreement = new Source("agreement art. 30", Source.Status.VERIFIED);
        Contract prorated = contract(HIRED, List.of(salary("base-salary", "1800.00")),
                List.of(ExtraPayment.summerAndChristmas("extra-payment", euros("1800.00"), true, agreement)));
        Contract paid = contract(HIRED, List.of(salary("base-salary", "1800.00")),
                List.of(ExtraPayment.summerAndChristmas("extra-payment", euros("1800.00"), false, agreement)));
        List<Result> proratedYear = year(prorated);
        List<Result> paidYear = year(paid);

        for (int m = 0; m < 12; m++) {
            assertEquals(euros("2100.00"), proratedYear.get(m).contributions().common().amount());
            assertEquals(euros("2100.00"), paidYear.get(m).contributions().common().amount());
        }
        assertEquals(euros("25200.00"), total(proratedYear, Result::gross));
        assertEquals(euros("25200.00"), total(paidYear, Result::gross));
        assertEquals(total(proratedYear, r -> r.contributions().employee()),
                total(paidYear, r -> r.contributions().employee()));
        assertEquals(euros("2100.00"), proratedYear.get(5).gross());
        assertEquals(euros("3600.00"), paidYear.get(5).gross(), "June pays its extra whole");
        assertEquals(euros("1800.00"), paidYear.get(6).gross());
        // the same forecast all year, so the same rate, and no regularisation
        assertEquals(euros("25200.00"), paidYear.get(0).forecast().orElseThrow().pay());
        assertEquals(paidYear.get(0).withholding().orElseThrow().rate(),
                proratedYear.get(0).withholding().orElseThrow().rate());
        assertEquals(paidYear.get(0).withholding(), paidYear.get(11).withholding());
        paidYear.forEach(result -> assertBalanced(result, BigDecimal.ZERO));
    }

    private static BigDecimal total(List<Result> months, java.util.function.Function<Result, BigDecimal> figure) {
        return months.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aPartialMonthPaysItsDaysOverThirtyAndProratesTheBounds() {
        // Alta on 17 March: 15 days; 2.000,00 x 15 / 30 = 1.000,00 (order art. 6.2 segunda: the 30-day month); the
        // minimum 1.424,40 x 15 / 30 = 712,20 does not bind (order art. 3).
        Contract contract = contract(LocalDate.of(2026, 3, 17), List.of(salary("base-salary", "2000.00")), List.of());
        Result result = month(contract, Period.ordinary(MARCH), SoFar.NONE);

        Line salary = result.line(Kind.SALARY, "base-salary").orElseThrow();
        assertEquals(euros("1000.00"), salary.amount());
        assertEquals(euros("2000.00"), salary.base().orElseThrow());
        assertEquals(BigDecimal.valueOf(15), salary.units().orElseThrow());
        assertEquals(euros("712.20"), result.contributions().common().minimum());
        assertEquals(euros("1000.00"), result.contributions().common().amount());
        assertEquals(euros("236.00"), amount(result, Kind.EMPLOYER_CONTRIBUTION, "common"));
        assertEquals(euros("47.00"), amount(result, Kind.DEDUCTION, "common"));
        // RIRPF art. 83.2: the year's pay is this month's and April to December's: 1.000 + 9 x 2.000
        assertEquals(euros("19000.00"), result.forecast().orElseThrow().pay());
        assertBalanced(result, BigDecimal.ZERO);
    }

    @Test
    void partTimePaysInProportionToTheCoefficientAndTheMinimumIsPerHourWorked() {
        // Estatuto de los Trabajadores art. 12.4.d: 50 % of 2.000,00 = 1.000,00, and of two extras of 2.000,00
        // prorated: 2.000,00 / 12 = 166,67. Order art. 39: group 5 8,58 an hour x 80 hours = 686,40 does not bind.
        Contract contract = new Contract(HIRED, Optional.empty(), ContractKind.OPEN_ENDED, Relationship.COMMON, 5,
                false, Optional.of("88"), Optional.empty(), Optional.of(euros("0.50")),
                List.of(salary("base-salary", "2000.00")),
                List.of(ExtraPayment.summerAndChristmas("extra-payment", euros("2000.00"), true, CONTRACT)));
        Period period = new Period(MARCH, Optional.of(euros("80")), List.of(), List.of(), Optional.empty(), List.of());
        Result result = month(contract, period, SoFar.NONE);

        assertEquals(euros("1000.00"), amount(result, Kind.SALARY, "base-salary"));
        assertEquals(euros("166.67"), amount(result, Kind.SALARY, "extra-payment"));
        assertEquals(euros("686.40"), result.contributions().common().minimum());
        assertEquals(euros("1166.67"), result.contributions().common().amount());
        // 1.166,67 x 4,70 % = 54,833 -> 54,83
        assertEquals(euros("54.83"), amount(result, Kind.DEDUCTION, "common"));
        assertBalanced(result, BigDecimal.ZERO);

        // The hours set the minimum: a part-time month without them is refused, and a full-time month with them.
        assertThrows(IllegalArgumentException.class,
                () -> new Input(SINGLE, contract, Period.ordinary(MARCH), SoFar.NONE));
        assertThrows(IllegalArgumentException.class, () -> new Input(SINGLE, plain("2000.00"), period, SoFar.NONE));
    }

    @Test
    void sickLeaveCrossingDays3And15And20PaysTheBenefitByBandAndKeepsThePreviousBase() {
        // Leave from 2 March 2026 to 25 March: days of leave 1 to 24. Previous month's base 2.000,00 over 30: daily
        // regulatory base 66,67. LGSS art. 173.1 and sick-leave.csv: days 1-3 (2-4 March) nothing; days 4-15 (5-16
        // March, 12 days) 60 % at the employer's charge: 66,67 x 12 x 60 % = 480,024 -> 480,02; days 16-20 (17-21
        // March, 5 days) 60 % delegated: 200,01; days 21-24 (22-25 March, 4 days) 75 % (Decreto 3158/1966 art. 2.1)
        // delegated: 200,01.
        SickLeave leave = new SickLeave(LocalDate.of(2026, 3, 2), Optional.of(LocalDate.of(2026, 3, 25)),
                euros("2000.00"), 30);
        SoFar soFar = SoFar.NONE;
        for (YearMonth m = JANUARY; m.isBefore(MARCH); m = m.plusMonths(1)) {
            soFar = soFar.after(month(plain("2000.00"), Period.ordinary(m), soFar));
        }
        Period march = new Period(MARCH, Optional.empty(), List.of(), List.of(), Optional.of(leave), List.of());
        Result result = month(plain("2000.00"), march, soFar);

        assertEquals(euros("480.02"), amount(result, Kind.NON_SALARY, "sick-leave-employer-4-15"));
        assertEquals(euros("200.01"), amount(result, Kind.NON_SALARY, "sick-leave-delegated-16-20"));
        assertEquals(euros("200.01"), amount(result, Kind.NON_SALARY, "sick-leave-delegated-21-"));
        Line employerDays = result.line(Kind.NON_SALARY, "sick-leave-employer-4-15").orElseThrow();
        assertEquals(euros("66.67"), employerDays.base().orElseThrow());
        assertEquals(euros("60.00"), employerDays.rate().orElseThrow());
        assertEquals(BigDecimal.valueOf(12), employerDays.units().orElseThrow());
        assertEquals(Source.Status.VERIFIED,
                result.line(Kind.NON_SALARY, "sick-leave-delegated-21-").orElseThrow().source().status());
        // 7 days worked (1 March and 26-31 March): 2.000,00 x 7 / 30 = 466,67
        assertEquals(euros("466.67"), amount(result, Kind.SALARY, "base-salary"));
        // Order art. 6.2 segunda: 2.000,00 / 30 x (30 - 7) = 1.533,33, plus 466,67 worked: the base stays 2.000,00
        assertEquals(euros("2000.00"), result.contributions().common().amount());
        assertEquals(euros("130.00"), result.contributions().employee());
        assertEquals(euros("1346.71"), result.gross());
        // the delegated days are recovered from the contributions (LGSS art. 170.2)
        assertEquals(euros("400.02"), result.recovered());
        assertEquals(euros("1589.69"), result.employerCost(), "1.346,71 + 643,00 - 400,02");
        // RIRPF art. 87: the forecast fell from 24.000 to 4.000 + 1.346,71 + 9 x 2.000: the rate is regularised
        assertEquals(euros("23346.71"), result.forecast().orElseThrow().pay());
        assertTrue(result.withholding().orElseThrow().figure(Step.REGULARISED_RATE).isPresent());
        assertEquals(result.taxable().multiply(result.withholding().orElseThrow().rate()).movePointLeft(2).setScale(2,
                java.math.RoundingMode.HALF_UP), result.withheld());
        assertBalanced(result, BigDecimal.ZERO);

        // April wholly on leave, days 31 to 60: 66,67 x 30 x 75 % = 1.500,075 -> 1.500,08; no salary; base 2.000,00
        SickLeave open = new SickLeave(leave.first(), Optional.empty(), euros("2000.00"), 30);
        Result april = month(plain("2000.00"),
                new Period(YearMonth.of(2026, 4), Optional.empty(), List.of(), List.of(), Optional.of(open), List.of()),
                soFar.after(result));
        assertEquals(euros("1500.08"), april.gross());
        assertFalse(april.line(Kind.SALARY, "base-salary").isPresent());
        assertEquals(euros("2000.00"), april.contributions().common().amount());
        assertEquals(euros("1500.08"), april.recovered());
    }

    @Test
    void theLinesTheCalculationNamesItselfHaveTheirPayslipHeadingByConcept() {
        // Orden ESS/2098/2014's receipt: overtime under its own heading, the IT benefit among the Social Security's
        assertEquals(Optional.of(Payslip.EarningKind.OVERTIME), MonthlyPay.heading("overtime-force-majeure"));
        assertEquals(Optional.of(Payslip.EarningKind.SOCIAL_SECURITY_BENEFIT),
                MonthlyPay.heading("sick-leave-occupational-delegated-2-"));
        assertEquals(Optional.of(Payslip.EarningKind.SOCIAL_SECURITY_BENEFIT),
                MonthlyPay.heading("sick-leave-employer-4-15"));
        // a concept of the contract or the month's items takes the heading of its kind, not one of these
        assertEquals(Optional.empty(), MonthlyPay.heading("Salario base"));
        assertEquals(Optional.empty(), MonthlyPay.heading("overtime bonus"));
    }

    @Test
    void anOccupationalLeavePaysTheDayOfTheBajaAsSalaryAndSeventyFivePerCentDelegatedFromTheNextDay() {
        // A work accident on 2 March 2026, leave to 25 March. LGSS (BOE-A-2015-11724) art. 173.1: "el subsidio se
        // abonará desde el día siguiente al de la baja en el trabajo, estando a cargo del empresario el salario íntegro
        // correspondiente al día de la baja"; Decreto 3158/1966 art. 2.1: 75 %; Orden de 25-11-1966 arts. 16.1.b and
        // 20.1: paid by the employer in delegation and deducted from the contributions. Decreto 1646/1972 art. 13.1:
        // the AT/EP base of February, 2.000,00, over 30: 66,67 a day. Salary for 1 and 2 March and 26-31 March, 8
        // days: 2.000,00 x 8 / 30 = 533,33; the benefit for 3-25 March, 23 days: 66,67 x 23 x 75 % = 1.150,0575 ->
        // 1.150,06, all of it recovered.
        SickLeave accident = new SickLeave(LocalDate.of(2026, 3, 2), Optional.of(LocalDate.of(2026, 3, 25)),
                euros("2000.00"), 30, SickLeaveRules.Contingency.OCCUPATIONAL);
        Result result = month(plain("2000.00"),
                new Period(MARCH, Optional.empty(), List.of(), List.of(), Optional.of(accident), List.of()),
                SoFar.NONE);
        assertEquals(euros("533.33"), amount(result, Kind.SALARY, "base-salary"));
        Line benefit = result.line(Kind.NON_SALARY, "sick-leave-occupational-delegated-2-").orElseThrow();
        assertEquals(euros("1150.06"), benefit.amount());
        assertEquals(euros("66.67"), benefit.base().orElseThrow());
        assertEquals(euros("75.00"), benefit.rate().orElseThrow());
        assertEquals(BigDecimal.valueOf(23), benefit.units().orElseThrow());
        assertEquals(Source.Status.VERIFIED, benefit.source().status());
        assertEquals(euros("1150.06"), result.recovered());
        // no band of the common contingencies applies (nothing at the employer's charge, no days without benefit)
        assertFalse(result.line(Kind.NON_SALARY, "sick-leave-employer-4-15").isPresent());
        // order art. 6.2 segunda: 2.000,00 / 30 x (30 - 8) = 1.466,67, plus 533,33 worked: the base stays 2.000,00
        assertEquals(euros("2000.00"), result.contributions().common().amount());
        assertEquals(euros("1683.39"), result.gross());
        assertBalanced(result, BigDecimal.ZERO);

        // April wholly on leave: every day delegated at 75 %, 66,67 x 30 x 75 % = 1.500,08; no salary
        Result april = month(plain("2000.00"),
                new Period(YearMonth.of(2026, 4), Optional.empty(), List.of(), List.of(),
                        Optional.of(new SickLeave(accident.first(), Optional.empty(), euros("2000.00"), 30,
                                SickLeaveRules.Contingency.OCCUPATIONAL)),
                        List.of()),
                SoFar.NONE.after(result));
        assertEquals(euros("1500.08"), april.gross());
        assertFalse(april.line(Kind.SALARY, "base-salary").isPresent());
    }

    /**
     * Orden PJC/297/2026 art. 6.2: the leave's days contribute for common contingencies by the month before's base,
     * which has no overtime (RD 2064/1995 art. 23.2.E); art. 6.3: for AT/EP by the same base with the average of the
     * overtime of the year before the leave, a twelfth for monthly pay, instead of the month before's.
     */
    @Test
    void theLeavesDaysTakeTheYearsOvertimeInTheAtEpBaseAndNotTheMonthBeforesInTheCommonOne() {
        // a common leave, 2 to 25 March, 7 days worked: 1.200,00 of overtime in the year before, 100,00 a month;
        // common 466,67 + 2.000,00 x 23 / 30 = 2.000,00; AT/EP 466,67 + 2.100,00 x 23 / 30 = 466,67 + 1.610,00
        SickLeave common = new SickLeave(LocalDate.of(2026, 3, 2), Optional.of(LocalDate.of(2026, 3, 25)),
                euros("2000.00"), 30, SickLeaveRules.Contingency.COMMON, euros("150.00"), euros("1200.00"));
        Result month = month(plain("2000.00"),
                new Period(MARCH, Optional.empty(), List.of(), List.of(), Optional.of(common), List.of()), SoFar.NONE);
        assertEquals(euros("2000.00"), month.contributions().common().amount());
        assertEquals(euros("2076.67"), month.contributions().professional().amount());
        Line unemployment = month.line(Kind.DEDUCTION, "unemployment-open-ended").orElseThrow();
        assertEquals(euros("2076.67"), unemployment.base().orElseThrow());
        assertTrue(unemployment.source().citation().contains("twelfth of the overtime"),
                unemployment.source().citation());
        assertFalse(month.line(Kind.DEDUCTION, "common").orElseThrow().source().citation().contains("overtime"));
        // the benefit is still on the base given, 2.000,00 / 30
        assertEquals(euros("66.67"),
                month.line(Kind.NON_SALARY, "sick-leave-employer-4-15").orElseThrow().base().orElseThrow());

        // a work accident on 2 March, the AT/EP base of February 2.150,00 with 150,00 of February's overtime: common
        // 533,33 + 2.000,00 x 22 / 30 = 2.000,00; AT/EP 533,33 + 2.100,00 x 22 / 30 = 533,33 + 1.540,00; the benefit
        // on 2.150,00 / 30 = 71,67 a day (Decreto 1646/1972 art. 13.1)
        SickLeave accident = new SickLeave(LocalDate.of(2026, 3, 2), Optional.of(LocalDate.of(2026, 3, 25)),
                euros("2150.00"), 30, SickLeaveRules.Contingency.OCCUPATIONAL, euros("150.00"), euros("1200.00"));
        Result occupational = month(plain("2000.00"),
                new Period(MARCH, Optional.empty(), List.of(), List.of(), Optional.of(accident), List.of()),
                SoFar.NONE);
        assertEquals(euros("2000.00"), occupational.contributions().common().amount());
        assertEquals(euros("2073.33"), occupational.contributions().professional().amount());
        assertEquals(euros("71.67"), occupational.line(Kind.NON_SALARY, "sick-leave-occupational-delegated-2-")
                .orElseThrow().base().orElseThrow());
    }

    @Test
    void aLeaveAtTheEndOfFebruaryContributesForThirtyLessTheDaysWorked() {
        // Leave 19 to 28 February 2026: 18 days worked, salary 2.000,00 x 18 / 30 = 1.200,00; order art. 6.2 segunda:
        // the leave contributes for 30 - 18 = 12 days, 2.000,00 x 12 / 30 = 800,00, so the base stays 2.000,00; the
        // benefit counts the 10 calendar days: days 4-10 at 60 %, 66,67 x 7 x 60 % = 280,014 -> 280,01.
        SickLeave leave = new SickLeave(LocalDate.of(2026, 2, 19), Optional.of(LocalDate.of(2026, 2, 28)),
                euros("2000.00"), 30);
        Result result = month(plain("2000.00"), new Period(YearMonth.of(2026, 2), Optional.empty(), List.of(),
                List.of(), Optional.of(leave), List.of()), SoFar.NONE);

        assertEquals(euros("1200.00"), amount(result, Kind.SALARY, "base-salary"));
        assertEquals(euros("2000.00"), result.contributions().common().amount());
        assertEquals(euros("280.01"), amount(result, Kind.NON_SALARY, "sick-leave-employer-4-15"));
        assertEquals(BigDecimal.valueOf(7),
                result.line(Kind.NON_SALARY, "sick-leave-employer-4-15").orElseThrow().units().orElseThrow());
        assertEquals(euros("0.00"), result.recovered(), "no delegated day yet");
        assertBalanced(result, BigDecimal.ZERO);
    }

    @Test
    void aTwentyDayFixedTermContractPaysTheSurchargeAndIsWithheldAtTheTwoPercentFloor() {
        // 2 to 21 March 2026, fixed term: 1.500,00 x 20 / 30 = 1.000,00; minimum 1.424,40 x 20 / 30 = 949,60 does not
        // bind; order art. 33.2.a.2.º: unemployment 6,70 % = 67,00; art. 28: 33,62 when a contract under 30 days ends.
        // RIRPF art. 83.2: the year's pay is this month's 1.000,00, below the exclusion limit, but art. 86.2 sets 2 %
        // for a contract under one year (art. 81.3): 20,00.
        Contract contract = new Contract(LocalDate.of(2026, 3, 2), Optional.of(LocalDate.of(2026, 3, 21)),
                ContractKind.FIXED_TERM, Relationship.COMMON, 5, false, Optional.of("88"), Optional.empty(),
                Optional.empty(), List.of(salary("base-salary", "1500.00")), List.of());
        Result result = month(contract, Period.ordinary(MARCH), SoFar.NONE);

        assertEquals(euros("1000.00"), result.gross());
        assertEquals(euros("1000.00"), result.contributions().common().amount());
        assertEquals(euros("67.00"), amount(result, Kind.EMPLOYER_CONTRIBUTION, "unemployment-fixed-term"));
        assertEquals(euros("33.62"), amount(result, Kind.EMPLOYER_CONTRIBUTION, "short-contract"));
        assertEquals(euros("1000.00"), result.forecast().orElseThrow().pay());
        assertEquals(euros("2.00"), result.withholding().orElseThrow().rate());
        assertEquals(euros("20.00"), amount(result, Kind.DEDUCTION, "irpf"));
        assertBalanced(result, BigDecimal.ZERO);
    }

    @Test
    void overtimeIsInTheAtEpBaseAndItsAdditionalContributionButNotInTheCommonBase() {
        // LGSS art. 147.2.e and order art. 1.2: 200,00 of overtime (not force majeure) is in the AT/EP base only;
        // order art. 5: additional 23,60 + 4,70 % on it; art. 33.2: unemployment on the AT/EP base 2.200,00.
        Period period = new Period(MARCH, Optional.empty(),
                List.of(new Overtime(OvertimeKind.OTHER, euros("10"), euros("200.00"))), List.of(), Optional.empty(),
                List.of());
        Result result = month(plain("2000.00"), period, SoFar.NONE);

        assertEquals(euros("2000.00"), result.contributions().common().amount());
        assertEquals(euros("2200.00"), result.contributions().professional().amount());
        assertEquals(euros("47.20"), amount(result, Kind.EMPLOYER_CONTRIBUTION, "overtime-other"));
        assertEquals(euros("9.40"), amount(result, Kind.DEDUCTION, "overtime-other"));
        assertEquals(euros("121.00"), amount(result, Kind.EMPLOYER_CONTRIBUTION, "unemployment-open-ended"));
        assertEquals(euros("472.00"), amount(result, Kind.EMPLOYER_CONTRIBUTION, "common"));
        assertEquals(euros("200.00"), amount(result, Kind.SALARY, "overtime-other"));
        assertEquals(euros("2200.00"), result.taxable(), "overtime is pay subject to withholding");
        assertBalanced(result, BigDecimal.ZERO);
    }

    @Test
    void aRetroactiveChangeOfBasesRatesAndSalaryGivesEachMonthsDifferences() {
        // January and February 2026 were paid before Real Decreto-ley 3/2026 and the order: with 2025's contribution
        // tables still applied, and the agreement's 2025 salary 1.300,00. Now 2026's tables (retroactive to 1 January,
        // RDL 3/2026 disp. final 4) and a new salary 1.350,00 from 1 January.
        ContributionRules installed = TABLES.contributions();
        ContributionRules known = prolonged2025(installed);
        List<Result> paid = new ArrayList<>();
        List<Result> due = new ArrayList<>();
        for (YearMonth m = JANUARY; m.isBefore(MARCH); m = m.plusMonths(1)) {
            Rules now = Rules.of(TABLES, m);
            Rules then = new Rules(known, now.atep(), now.sickLeave(), now.irpf());
            paid.add(MonthlyPay.of(then, new Input(SINGLE, plain("1300.00"), Period.ordinary(m), SoFar.NONE)));
            due.add(MonthlyPay.of(now, new Input(SINGLE, plain("1350.00"), Period.ordinary(m), SoFar.NONE)));
        }
        // paid: base = 2025's minimum 1.381,20 (Orden PJC/178/2025 art. 3); due: 2026's 1.424,40 (order art. 3)
        assertEquals(euros("1381.20"), paid.get(0).contributions().common().amount());
        assertEquals(euros("1424.40"), due.get(0).contributions().common().amount());

        List<Arrears> arrears = MonthlyPay.arrears(paid, due);
        assertEquals(List.of(JANUARY, YearMonth.of(2026, 2)), arrears.stream().map(Arrears::month).toList());
        for (Arrears month : arrears) {
            assertEquals(euros("50.00"), month.gross());
            assertEquals(euros("50.00"), month.taxable());
            assertEquals(euros("43.20"), month.commonBase());
            assertEquals(euros("43.20"), month.professionalBase());
            // employee: 4,70 + 0,13 + 1,55 + 0,10 % of 1.381,20 = 64,92 + 1,80 + 21,41 + 1,38 = 89,51;
            // 4,70 + 0,15 + 1,55 + 0,10 % of 1.424,40 = 66,95 + 2,14 + 22,08 + 1,42 = 92,59
            assertEquals(euros("3.08"), month.employeeContributions());
            // employer: 325,96 + 9,25 + 75,97 + 2,76 + 8,29 + 11,05 + 9,67 = 442,95 (MEI 0,67 %, 2025);
            // 336,16 + 10,68 + 78,34 + 2,85 + 8,55 + 11,40 + 9,97 = 457,95 (MEI 0,75 %, 2026)
            assertEquals(euros("15.00"), month.employerContributions());
            assertEquals(euros("50.00"), difference(month, Kind.SALARY, "base-salary"));
            assertEquals(euros("10.20"), difference(month, Kind.EMPLOYER_CONTRIBUTION, "common"));
            assertEquals(euros("1.43"), difference(month, Kind.EMPLOYER_CONTRIBUTION, "mei"));
            assertEquals(euros("2.03"), difference(month, Kind.DEDUCTION, "common"));
            assertTrue(month.lines().stream().noneMatch(line -> line.concept().equals("irpf")),
                    "the arrears are withheld with the month they are paid in");
        }
        assertThrows(IllegalArgumentException.class, () -> MonthlyPay.arrears(paid, due.subList(0, 1)));
    }

    private static BigDecimal difference(Arrears arrears, Kind kind, String concept) {
        return arrears.lines().stream().filter(l -> l.kind() == kind && l.concept().equals(concept))
                .map(MonthlyPay.Difference::amount).findFirst()
                .orElseThrow(() -> new AssertionError("no difference " + concept));
    }

    /** The contribution tables as they were applied before 2026's were published: 2025's rows, kept in force. */
    static ContributionRules prolonged2025(ContributionRules rules) {
        LocalDate in2025 = LocalDate.of(2025, 7, 1);
        Validity from2026 = new Validity(JANUARY.atDay(1), Optional.empty());
        return new ContributionRules(
                rules.bases().stream().filter(b -> b.validity().covers(in2025))
                        .map(b -> new ContributionRules.GroupBase(from2026, b.group(), b.unit(), b.minimum(),
                                b.maximum(), b.source()))
                        .toList(),
                rules.rates().stream().filter(r -> r.validity().covers(in2025))
                        .map(r -> new ContributionRules.Rate(from2026, r.item(), r.employer(), r.employee(),
                                r.source()))
                        .toList(),
                rules.solidarity().stream().filter(s -> s.validity().covers(in2025))
                        .map(s -> new ContributionRules.SolidarityBand(from2026, s.band(), s.above(), s.upTo(),
                                s.employer(), s.employee(), s.source()))
                        .toList(),
                rules.surcharges().stream().filter(s -> s.validity().covers(in2025))
                        .map(s -> new ContributionRules.Surcharge(from2026, s.amount(), s.excluded(), s.source()))
                        .toList());
    }

    /**
     * A raise from June and a complement from September, agreed in January: each month pays the items that apply in it,
     * and January's forecast counts each month left with the items that will apply then (RIRPF art. 83.2, 1.ª: the pay
     * the employee will foreseeably receive), so no regularisation waits for June.
     */
    @Test
    void itemsFromALaterMonthArePaidFromThatMonthAndForecastFromItInJanuary() {
        Contract contract = contract(HIRED,
                List.of(new Item("base-salary", euros("2000.00"), true, true, true, CONTRACT,
                        new MonthRange(Optional.empty(), Optional.of(YearMonth.of(2026, 5)))),
                        new Item("base-salary", euros("2100.00"), true, true, true, CONTRACT,
                                new MonthRange(Optional.of(YearMonth.of(2026, 6)), Optional.empty())),
                        new Item("post-complement", euros("100.00"), true, true, true, CONTRACT,
                                new MonthRange(Optional.of(YearMonth.of(2026, 9)), Optional.empty()))),
                List.of());
        Result january = month(contract, Period.ordinary(JANUARY), SoFar.NONE);
        assertEquals(euros("2000.00"), january.gross());
        assertEquals(euros("2000.00"), amount(january, Kind.SALARY, "base-salary"));
        assertTrue(january.line(Kind.SALARY, "post-complement").isEmpty());
        // 2.000 (January) + 4 x 2.000 (February to May) + 7 x 2.100 (June to December) + 4 x 100 (September to
        // December) = 25.100; contributions 6,50 % of each: 130 + 4 x 130 + 3 x 136,50 + 4 x 143 = 1.631,50
        Withholding.Forecast forecast = january.forecast().orElseThrow();
        assertEquals(euros("25100.00"), forecast.pay());
        assertEquals(euros("1631.50"), forecast.contributions());

        List<Result> months = year(contract);
        assertEquals(euros("2000.00"), months.get(4).gross(), "May");
        assertEquals(euros("2100.00"), amount(months.get(5), Kind.SALARY, "base-salary"), "June");
        assertEquals(euros("2200.00"), months.get(8).gross(), "September");
        assertEquals(euros("25100.00"), months.stream().map(Result::gross).reduce(BigDecimal.ZERO, BigDecimal::add));
        // the forecast of every month is the one January made: its rate holds all year (art. 87.1)
        months.forEach(m -> assertEquals(euros("25100.00"), m.forecast().orElseThrow().pay(), m.month().toString()));
        // January recalculated later (a complementary run) pays what applied in it: no difference
        assertFalse(MonthlyPay.arrears(List.of(january), List.of(months.get(0))).get(0).differs());
    }

    @Test
    void aStoredRateIsHeldWhileTheForecastIsTheOneItWasComputedOn() {
        // RIRPF art. 87.1: the run gives the month the last month's stored forecast and rate; the same forecast keeps
        // that rate, whatever the procedure would give now; another forecast is regularised (art. 87.3)
        Result january = month(plain("2000.00"), Period.ordinary(JANUARY), SoFar.NONE);
        SoFar after = SoFar.NONE.after(january);
        Withholding.Forecast forecast = january.forecast().orElseThrow();
        SoFar stored = new SoFar(after.pay(), after.contributions(), after.withheld(), Optional.of(forecast),
                Optional.of(Withholding.held(new Withholding.Held(forecast, euros("12.00"), "data"))));

        Result february = month(plain("2000.00"), Period.ordinary(YearMonth.of(2026, 2)), stored);
        assertEquals(euros("12.00"), february.withholding().orElseThrow().rate());
        assertEquals(euros("240.00"), february.withheld());

        Result raised = month(plain("2100.00"), Period.ordinary(YearMonth.of(2026, 2)), stored);
        assertTrue(raised.withholding().orElseThrow().figure(Step.REGULARISED_RATE).isPresent(),
                "a changed forecast is regularised");
    }

    @Test
    void netIsGrossLessContributionsWithholdingAndAdvances() {
        // January on 2.000,00 as in the first test, with an advance of 300,00: 2.000 - 130 - 270,20 - 300 = 1.299,80
        Period period = new Period(JANUARY, Optional.empty(), List.of(), List.of(), Optional.empty(),
                List.of(new Deduction("advance", euros("300.00"), CONTRACT)));
        Result result = month(plain("2000.00"), period, SoFar.NONE);

        assertEquals(euros("1299.80"), result.net());
        assertEquals(euros("700.20"), result.deductions());
        assertBalanced(result, euros("300.00"));
    }

    @Test
    void aBonusRaisesTheForecastAndTheRateIsRegularisedOverTheRestOfTheYear() {
        // RIRPF art. 87.2.3.º and 87.3: a bonus of 3.000,00 in May raises the forecast from 24.000 to 27.000; the new
        // rate is the new quota less what was withheld (4 x 270,20) over the pay left (27.000 - 8.000).
        SoFar soFar = SoFar.NONE;
        for (YearMonth m = JANUARY; m.isBefore(YearMonth.of(2026, 5)); m = m.plusMonths(1)) {
            soFar = soFar.after(month(plain("2000.00"), Period.ordinary(m), soFar));
        }
        assertEquals(euros("1080.80"), soFar.withheld());
        Period may = new Period(YearMonth.of(2026, 5), Optional.empty(), List.of(),
                List.of(new MonthlyPay.Variable("bonus", euros("3000.00"), true, true, true, CONTRACT)),
                Optional.empty(), List.of());
        Result result = month(plain("2000.00"), may, soFar);

        assertEquals(euros("27000.00"), result.forecast().orElseThrow().pay());
        Withholding.Result withholding = result.withholding().orElseThrow();
        assertEquals(euros("19000.00"), withholding.figure(Step.REMAINING_PAY).orElseThrow().amount());
        assertEquals(euros("1080.80"), withholding.figure(Step.WITHHELD_SO_FAR).orElseThrow().amount());
        // the regularised rate holds in June, whose forecast is unchanged
        Result june = month(plain("2000.00"), Period.ordinary(YearMonth.of(2026, 6)), soFar.after(result));
        assertEquals(withholding.rate(), june.withholding().orElseThrow().rate());
    }

    @Test
    void anAgreementsSalaryRowGivesTheBaseSalaryAndItsExtrasWithTheTablesSource() {
        // agreement-salaries.csv has no rows yet (no official table was available): a made-up row as the reader gives
        // it, not a figure of the agreement
        Source table = new Source("test row, not an official figure", Source.Status.DERIVED);
        AgreementSalaries.Salary salary = new AgreementSalaries.Salary(new Validity(JANUARY.atDay(1), Optional.empty()),
                "discapacidad-xvi", "3", "test category", euros("1400.00"), 2, table);
        Contract contract = contract(HIRED, List.of(Item.baseSalary(salary)),
                List.of(ExtraPayment.ofAgreement(salary, Set.of(Month.JUNE, Month.DECEMBER), false)));
        Result june = month(contract, Period.ordinary(YearMonth.of(2026, 6)), SoFar.NONE);

        assertEquals(euros("2800.00"), june.gross());
        assertEquals(table, june.line(Kind.SALARY, "base-salary").orElseThrow().source());
        assertEquals(table, june.line(Kind.SALARY, "extra-payment").orElseThrow().source());
        // LGSS art. 147.1: 1.400,00 + 2 x 1.400,00 / 12 = 1.633,33
        assertEquals(euros("1633.33"), june.contributions().common().amount());
        assertThrows(IllegalArgumentException.class,
                () -> ExtraPayment.ofAgreement(salary, Set.of(Month.DECEMBER), false));
    }

    @Test
    void theAtEpPremiumIsTheOccupationsWhenItIsInCuadroIIElseTheActivitysLongestCode() {
        // LGSS disp. adic. 61.2 tercera: an occupation of Cuadro II takes its rate; Cuadro I lists 80 (1,40 + 2,20)
        // and 88 (0,80 + 0,70); office staff (letter a) 0,80 + 0,70.
        LocalDate day = MARCH.atDay(1);
        var tariff = TABLES.atepPremiums();
        Contract security = new Contract(HIRED, Optional.empty(), ContractKind.OPEN_ENDED, Relationship.COMMON, 5,
                false, Optional.of("8010"), Optional.empty(), Optional.empty(), List.of(), List.of());
        assertEquals(euros("2.20"), MonthlyPay.premium(tariff, security, day).ims());
        Contract office = new Contract(HIRED, Optional.empty(), ContractKind.OPEN_ENDED, Relationship.COMMON, 5, false,
                Optional.of("8010"), Optional.of("a"), Optional.empty(), List.of(), List.of());
        assertEquals(euros("0.70"), MonthlyPay.premium(tariff, office, day).ims());
        assertTrue(MonthlyPay.premium(tariff, office, day).source().citation().contains("Cuadro II"));
        Contract unknown = new Contract(HIRED, Optional.empty(), ContractKind.OPEN_ENDED, Relationship.COMMON, 5, false,
                Optional.of("00"), Optional.empty(), Optional.empty(), List.of(), List.of());
        assertEquals("the AT/EP tariff in force on 2026-03-01 has no rate for the activity 00 nor the occupation -",
                assertThrows(IllegalArgumentException.class, () -> MonthlyPay.premium(tariff, unknown, day))
                        .getMessage());
    }
}
