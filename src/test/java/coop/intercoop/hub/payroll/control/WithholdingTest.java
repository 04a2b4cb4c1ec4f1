package coop.intercoop.hub.payroll.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.control.Withholding.Ascendant;
import coop.intercoop.hub.payroll.control.Withholding.Contract;
import coop.intercoop.hub.payroll.control.Withholding.Descendant;
import coop.intercoop.hub.payroll.control.Withholding.Disability;
import coop.intercoop.hub.payroll.control.Withholding.Employee;
import coop.intercoop.hub.payroll.control.Withholding.Forecast;
import coop.intercoop.hub.payroll.control.Withholding.Relationship;
import coop.intercoop.hub.payroll.control.Withholding.Result;
import coop.intercoop.hub.payroll.control.Withholding.Step;
import coop.intercoop.hub.payroll.entity.IrpfRules;

/**
 * The withholding procedure of the Reglamento del IRPF (RIRPF, Real Decreto 439/2007, BOE-A-2007-6820) on the rules of
 * config/payroll in force in 2026. Each expected figure is worked by hand from the articles cited.
 */
class WithholdingTest {

    private static final IrpfRules RULES_2026 = new PayrollTables("config/payroll").irpf(LocalDate.of(2026, 3, 31));
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final Contract OPEN_ENDED = new Contract(START, Optional.empty(), Relationship.COMMON);
    private static final Employee SINGLE = employee(3, Disability.NONE, List.of());

    private static Employee employee(int situation, Disability disability, List<Descendant> descendants) {
        return new Employee(situation, 1990, disability, descendants, List.of(), false, false);
    }

    /** Employee contributions at 6,50 % (4,70 + 1,55 + 0,10 + 0,15, issue 19) of the pay. */
    private static Forecast pay(String pay) {
        BigDecimal amount = new BigDecimal(pay);
        return new Forecast(amount, amount.multiply(new BigDecimal("0.065")).setScale(2));
    }

    private static BigDecimal amount(Result result, Step step) {
        return result.figure(step).orElseThrow().amount();
    }

    private static BigDecimal euros(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void theIssuesSingleEmployeeOn25000IsWithheldAt14_09() {
        // Issue 19: 2026, single, no descendants, open-ended, 25.000 euros, contributions 6,50 % (1.625,00).
        // Art. 83.3: base 25.000 - 1.625 - 2.000 (Ley art. 19.2.f) - 0 (net 23.375 is above 19.747,5, art. 83.3.d)
        // = 21.375. Art. 85.1: scale on 21.375 = 4.225,50 + 1.175 x 30 % = 4.578,00; on the minimum 5.550 (Ley art.
        // 57) = 1.054,50; quota 3.523,50. Art. 85.3: 43 % of (25.000 - 15.876) = 3.923,32 does not bind. Art. 86.1:
        // 3.523,50 / 25.000 = 14,094 % -> 14,09 %.
        Result result = Withholding.rate(RULES_2026, SINGLE, OPEN_ENDED, pay("25000.00"));

        assertEquals(euros("14.09"), result.rate());
        assertEquals(euros("15876.00"), amount(result, Step.EXCLUSION_LIMIT));
        assertEquals(euros("1625.00"), amount(result, Step.CONTRIBUTIONS));
        assertEquals(euros("2000.00"), amount(result, Step.OTHER_EXPENSES));
        assertEquals(euros("0.00"), amount(result, Step.EARNED_INCOME_REDUCTION));
        assertEquals(euros("21375.00"), amount(result, Step.BASE));
        assertEquals(euros("5550.00"), amount(result, Step.MINIMUM));
        assertEquals(euros("4578.00"), amount(result, Step.QUOTA_ON_BASE));
        assertEquals(euros("1054.50"), amount(result, Step.QUOTA_ON_MINIMUM));
        assertEquals(euros("3523.50"), amount(result, Step.QUOTA));
        assertTrue(result.figure(Step.QUOTA_LIMIT).isEmpty());
        assertTrue(result.figure(Step.FLOOR).isEmpty());
        // Art. 82.5.ª: the rate on a month's pay of 25.000 / 14 = 1.785,71 is 251,61.
        assertEquals(euros("251.61"), result.on(euros("1785.71")));
        assertTrue(result.figure(Step.BASE).orElseThrow().sources().get(0).citation().contains("art. 83.1"));
    }

    @Test
    void payAtOrBelowTheExclusionLimitIsNotWithheld() {
        // RIRPF art. 81.1 (wording of Real Decreto 142/2024): situation 3, no descendants, 15.876 euros; "no supere".
        for (String pay : List.of("15000.00", "15876.00")) {
            Result result = Withholding.rate(RULES_2026, SINGLE, OPEN_ENDED, pay(pay));
            assertEquals(euros("0.00"), result.rate(), pay);
            assertTrue(result.figure(Step.EXCLUDED).isPresent(), pay);
            assertTrue(result.figure(Step.BASE).isEmpty(), pay);
        }
    }

    @Test
    void aContractUnderOneYearIsWithheldAtTwoPercentEvenBelowTheExclusionLimit() {
        // RIRPF art. 81.3: the exclusion does not hold where the minimum rates of art. 86.2 apply; art. 86.2: not
        // below 2 % for contracts of less than one year. Six months, 7.500 euros: the general procedure gives 0
        // (the 43 % limit of art. 85.3 on pay below 15.876 is 0), the floor 2 %.
        Contract sixMonths = new Contract(LocalDate.of(2026, 3, 1), Optional.of(LocalDate.of(2026, 8, 31)),
                Relationship.COMMON);
        Result result = Withholding.rate(RULES_2026, SINGLE, sixMonths, pay("7500.00"));

        assertEquals(euros("2.00"), result.rate());
        assertTrue(result.figure(Step.EXCLUDED).isEmpty());
        assertEquals(euros("2.00"), amount(result, Step.FLOOR));
        assertEquals(euros("15.00"), result.on(euros("750.00")));
    }

    @Test
    void aContractOfExactlyOneYearHasNoFloor() {
        // 1 March 2026 to 28 February 2027 lasts one year: art. 86.2 ("duración inferior al año") does not apply.
        Contract oneYear = new Contract(LocalDate.of(2026, 3, 1), Optional.of(LocalDate.of(2027, 2, 28)),
                Relationship.COMMON);
        assertFalse(oneYear.underOneYear());
        assertEquals(euros("0.00"), Withholding.rate(RULES_2026, SINGLE, oneYear, pay("15000.00")).rate());
        assertTrue(new Contract(LocalDate.of(2026, 3, 1), Optional.of(LocalDate.of(2027, 2, 27)), Relationship.COMMON)
                .underOneYear());
    }

    @Test
    void aSpecialDependentRelationshipIsWithheldAtFifteenPercentAtLeast() {
        // RIRPF art. 86.2: not below 15 % for special dependent relationships; the exclusion gives way (art. 81.3).
        Contract special = new Contract(START, Optional.empty(), Relationship.SPECIAL_DEPENDENT);
        Result result = Withholding.rate(RULES_2026, SINGLE, special, pay("25000.00"));

        assertEquals(euros("14.09"), amount(result, Step.RATE));
        assertEquals(euros("15.00"), result.rate());
        assertEquals(euros("15.00"), Withholding.rate(RULES_2026, SINGLE, special, pay("15000.00")).rate());
    }

    @Test
    void theSpecialRelationshipOfPersonsWithDisabilityHasNoFifteenPercentFloor() {
        // RIRPF art. 86.2, second paragraph: the 15 % does not apply to "relaciones laborales de carácter especial que
        // afecten a personas con discapacidad" (Real Decreto 1368/1985). A worker with 33 %: other expenses 2.000 +
        // 3.500 (Ley art. 19.2.f), base 25.000 - 1.625 - 5.500 = 17.875; minimum 5.550 + 3.000 (Ley art. 60.1) =
        // 8.550; quota 3.667,50 - 1.624,50 = 2.043,00; rate 8,172 % -> 8,17 %; as a common special relationship 15 %.
        Employee disabled = employee(3, new Disability(33, false), List.of());
        Contract centre = new Contract(START, Optional.empty(), Relationship.SPECIAL_DISABILITY);
        Contract special = new Contract(START, Optional.empty(), Relationship.SPECIAL_DEPENDENT);

        assertEquals(euros("8.17"), Withholding.rate(RULES_2026, disabled, centre, pay("25000.00")).rate());
        assertEquals(euros("15.00"), Withholding.rate(RULES_2026, disabled, special, pay("25000.00")).rate());
        // Without a floor the exclusion of art. 81.1 holds for that relationship.
        assertEquals(euros("0.00"), Withholding.rate(RULES_2026, disabled, centre, pay("15000.00")).rate());
        // The exception names the 6 and 15 % floors only: under one year that relationship keeps the 2 % one.
        Contract shortCentre = new Contract(START, Optional.of(LocalDate.of(2026, 6, 30)),
                Relationship.SPECIAL_DISABILITY);
        assertEquals(euros("2.00"), Withholding.rate(RULES_2026, disabled, shortCentre, pay("7500.00")).rate());
    }

    @Test
    void theQuotaIsLimitedToFortyThreePercentOfThePayAboveTheExclusionLimit() {
        // 16.500 euros, contributions 1.072,50, net 15.427,50. Art. 83.3.d: 7.302 - 1,75 x 575,50 = 6.294,875 ->
        // 6.294,88. Base 15.427,50 - 2.000 - 6.294,88 = 7.132,62; quota 1.355,20 - 1.054,50 = 300,70. Art. 85.3 (pay
        // up to 35.200): at most 43 % of (16.500 - 15.876) = 268,32. Rate 268,32 / 16.500 = 1,626 % -> 1,63 %.
        Result result = Withholding.rate(RULES_2026, SINGLE, OPEN_ENDED, pay("16500.00"));

        assertEquals(euros("6294.88"), amount(result, Step.EARNED_INCOME_REDUCTION));
        assertEquals(euros("7132.62"), amount(result, Step.BASE));
        assertEquals(euros("300.70"), amount(result, Step.QUOTA));
        assertEquals(euros("268.32"), amount(result, Step.QUOTA_LIMIT));
        assertEquals(euros("1.63"), result.rate());
    }

    @Test
    void aFamilyWithDescendantsAnAscendantAndADisabilityLowersTheRate() {
        // Situation 2 (spouse without income), employee born 1980 with 33 %, two children sharing the minimum with
        // the other parent (born 2012, and 2024 so under three in 2026), the employee's father born 1948 (78) living
        // with him; 32.000 euros, contributions 2.080. RIRPF art. 81.1: limit 19.262. Art. 83.3: base 32.000 - 2.080
        // - (2.000 + 3.500) = 24.420. Art. 84 and Ley arts. 57 to 60: 5.550 + (2.400 + 2.700 + 2.800) / 2 + (1.150 +
        // 1.400) + 3.000 = 15.050. Quota 5.491,50 - 2.989,50 = 2.502,00; 43 % of 12.738 = 5.477,34 does not bind.
        // Rate 2.502 / 32.000 = 7,81875 % -> 7,82 %.
        Employee family = new Employee(2, 1980, new Disability(33, false),
                List.of(new Descendant(2012, Disability.NONE, false), new Descendant(2024, Disability.NONE, false)),
                List.of(new Ascendant(1948, Disability.NONE, 1)), false, false);
        Result result = Withholding.rate(RULES_2026, family, OPEN_ENDED, pay("32000.00"));

        assertEquals(euros("19262.00"), amount(result, Step.EXCLUSION_LIMIT));
        assertEquals(euros("24420.00"), amount(result, Step.BASE));
        assertEquals(euros("3950.00"), amount(result, Step.DESCENDANTS_MINIMUM));
        assertEquals(euros("2550.00"), amount(result, Step.ASCENDANTS_MINIMUM));
        assertEquals(euros("3000.00"), amount(result, Step.DISABILITY_MINIMUM));
        assertEquals(euros("15050.00"), amount(result, Step.MINIMUM));
        assertEquals(euros("2502.00"), amount(result, Step.QUOTA));
        assertEquals(euros("7.82"), result.rate());
    }

    @Test
    void moreThanTwoDescendantsTakeSixHundredEurosOffTheBaseAndCountWholeWhenTheEmployeeAloneHasTheRight() {
        // RIRPF art. 83.3.e: 600 euros for more than two descendants; art. 84.2.º: whole when the right is the
        // employee's alone. Situation 1, children born 2010, 2014, 2018 (none under three): minimum 5.550 + 2.400 +
        // 2.700 + 4.000 = 14.650; base 30.000 - 1.950 - 2.000 - 600 = 25.450; quota 5.800,50 - 2.893,50 = 2.907,00;
        // rate 9,69 %.
        Employee parent = employee(1, Disability.NONE, List.of(new Descendant(2014, Disability.NONE, true),
                new Descendant(2010, Disability.NONE, true), new Descendant(2018, Disability.NONE, true)));
        Result result = Withholding.rate(RULES_2026, parent, OPEN_ENDED, pay("30000.00"));

        assertEquals(euros("600.00"), amount(result, Step.MANY_DESCENDANTS));
        assertEquals(euros("25450.00"), amount(result, Step.BASE));
        assertEquals(euros("14650.00"), amount(result, Step.MINIMUM));
        assertEquals(euros("2907.00"), amount(result, Step.QUOTA));
        assertEquals(euros("9.69"), result.rate());
    }

    @Test
    void aPre2013HomeLoanTakesTwoPointsOffTheRate() {
        // RIRPF art. 86.1, third paragraph: pay below 33.007,2 euros, the rate falls by two points.
        Employee borrower = new Employee(3, 1990, Disability.NONE, List.of(), List.of(), false, true);
        Result result = Withholding.rate(RULES_2026, borrower, OPEN_ENDED, pay("25000.00"));

        assertEquals(euros("14.09"), amount(result, Step.RATE));
        assertEquals(euros("12.09"), result.rate());
        // At 34.000 euros: base 34.000 - 2.210 - 2.000 = 29.790, quota 7.102,50 - 1.054,50 = 6.048,00, 17,79 %, kept.
        Result above = Withholding.rate(RULES_2026, borrower, OPEN_ENDED, pay("34000.00"));
        assertEquals(euros("17.79"), above.rate());
        assertTrue(above.figure(Step.HOME_LOAN).isEmpty());
    }

    @Test
    void aRiseInTheExpectedPayIsRegularisedOverTheRestOfTheYear() {
        // RIRPF art. 87.2.3.º and 87.3: the issue's employee, withheld at 14,09 % on 12.500 euros to June
        // (1.761,25), is to earn 30.000 in the year. New base 30.000 - 1.950 - 2.000 = 26.050; new quota 5.980,50 -
        // 1.054,50 = 4.926,00; less 1.761,25 = 3.164,75 over the 17.500 that remain: 18,0843 % -> 18,08 %.
        Result result = Withholding.regularised(RULES_2026, SINGLE, OPEN_ENDED, pay("30000.00"), euros("12500.00"),
                euros("1761.25"));

        assertEquals(euros("4926.00"), amount(result, Step.QUOTA));
        assertEquals(euros("3164.75"), amount(result, Step.REGULARISED_QUOTA));
        assertEquals(euros("17500.00"), amount(result, Step.REMAINING_PAY));
        assertEquals(euros("18.08"), result.rate());
        // Art. 87.3.c: never a negative rate when more was withheld than the new quota; no refund through the rate.
        assertEquals(euros("0.00"), Withholding
                .regularised(RULES_2026, SINGLE, OPEN_ENDED, pay("25000.00"), euros("12500.00"), euros("4000.00"))
                .rate());
        assertThrows(IllegalArgumentException.class, () -> Withholding.regularised(RULES_2026, SINGLE, OPEN_ENDED,
                pay("12000.00"), euros("12500.00"), euros("1761.25")));
    }

    @Test
    void aRegularisedRateIsAtMostFortySevenPercent() {
        // RIRPF art. 87.5, third paragraph. Quota on 100.000 euros: base 100.000 - 6.500 - 2.000 = 91.500, scale
        // 17.901,50 + 31.500 x 45 % = 32.076,50, less 1.054,50 = 31.022,00; nothing withheld on 90.000 paid, 10.000
        // remain: 310 % is cut to 47 %.
        Result result = Withholding.regularised(RULES_2026, SINGLE, OPEN_ENDED, pay("100000.00"), euros("90000.00"),
                euros("0.00"));

        assertEquals(euros("31022.00"), amount(result, Step.QUOTA));
        assertEquals(euros("47.00"), result.rate());
    }

    @Test
    void situationOneWithoutDescendantsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> employee(1, Disability.NONE, List.of()));
    }

    @Test
    void theRateIsHeldWhileTheForecastAndThePersonalDataHoldAndEachRegularisationNamesWhy() {
        // RIRPF art. 87.1: the rate is regularised only in the cases of art. 87.2; a month with the same expected pay
        // and contributions, for the same employee and contract, keeps the last month's rate
        String data = Withholding.personalData(SINGLE, OPEN_ENDED);
        Withholding.Held march = new Withholding.Held(pay("24000.00"), euros("13.51"), data);

        assertEquals(Withholding.Reason.FIRST, Withholding.decide(Optional.empty(), pay("24000.00"), data));
        assertEquals(Withholding.Reason.HELD, Withholding.decide(Optional.of(march), pay("24000.00"),
                Withholding.personalData(employee(3, Disability.NONE, List.of()), OPEN_ENDED)));
        // art. 87.2.3.º: the expected pay changed (arrears, a bonus, a rise)
        assertEquals(Withholding.Reason.PAY_CHANGED, Withholding.decide(Optional.of(march), pay("24650.00"), data));
        // the contributions alone changed (new rates in force): the forecast is not the one the rate was computed on
        assertEquals(Withholding.Reason.PAY_CHANGED,
                Withholding.decide(Optional.of(march), new Forecast(euros("24000.00"), euros("1600.00")), data));
        // art. 87.2: a descendant declared on modelo 145, or a contract that now ends within the year
        String withChild = Withholding.personalData(
                employee(2, Disability.NONE, List.of(new Descendant(2024, Disability.NONE, true))), OPEN_ENDED);
        assertEquals(Withholding.Reason.DATA_CHANGED,
                Withholding.decide(Optional.of(march), pay("24000.00"), withChild));
        String ending = Withholding.personalData(SINGLE,
                new Contract(START, Optional.of(LocalDate.of(2026, 9, 30)), Relationship.COMMON));
        assertEquals(Withholding.Reason.DATA_CHANGED, Withholding.decide(Optional.of(march), pay("24000.00"), ending));

        Result held = Withholding.held(march);
        assertEquals(euros("13.51"), held.rate());
        assertEquals("BOE-A-2007-6820 art. 87.1: the rate held, the forecast and the personal data unchanged",
                held.figure(Step.RATE).orElseThrow().sources().get(0).citation());
        assertEquals(Withholding.Reason.DATA_CHANGED, Withholding.Reason.of("data-changed"));
    }
}
