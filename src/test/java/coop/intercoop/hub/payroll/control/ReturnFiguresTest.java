package coop.intercoop.hub.payroll.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.EntryDraft.EntryLine;
import coop.intercoop.hub.payroll.control.ReturnFigures.CostReport;
import coop.intercoop.hub.payroll.control.ReturnFigures.CostRow;
import coop.intercoop.hub.payroll.control.ReturnFigures.MonthSummary;
import coop.intercoop.hub.payroll.control.ReturnFigures.Paid;
import coop.intercoop.hub.payroll.control.ReturnFigures.Perceptor;
import coop.intercoop.hub.payroll.entity.Declarant;
import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.EmployeeData;
import coop.intercoop.hub.payroll.entity.EmployeeExample;
import coop.intercoop.hub.payroll.entity.Modelo111;
import coop.intercoop.hub.payroll.entity.Perception;
import coop.intercoop.hub.payroll.entity.PostingAccounts;
import coop.intercoop.hub.payroll.entity.WithholdingCertificate;

/** The returns' figures are sums of what approved runs stored, grouped as each return asks. */
class ReturnFiguresTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final YearMonth APRIL = YearMonth.of(2026, 4);
    private static final String MADRID = "28123456789";
    private static final String SEVILLA = "41123456789";

    private static BigDecimal euros(String amount) {
        return new BigDecimal(amount);
    }

    /**
     * Issue 19's first worked example as a stored month: pay 2.000,00 €, employer 613,00 (472 + 110 + 4 + 12 + 15),
     * employee 130,00, IRPF at 14,09 % 281,80, net 1.588,20, employer cost 2.613,00.
     */
    private static Paid example(long run, YearMonth month, long employee, String centre, String project) {
        return new Paid(run, month, "regular", "approved", employee, "Worker " + employee, "12345678Z", centre,
                Optional.ofNullable(project), euros("2000.00"), euros("0.00"), euros("0.00"), euros("0.00"),
                euros("2000.00"), euros("130.00"), euros("281.80"), euros("0.00"), euros("1588.20"), euros("613.00"),
                euros("2613.00"), Optional.empty(), Map.of());
    }

    /**
     * A month with sick leave: 1.500,00 of pay and 500,00 of benefit, 200,00 of it advanced for the Social Security.
     */
    private static Paid sick(long run, YearMonth month, long employee) {
        return new Paid(run, month, "regular", "posted", employee, "Worker " + employee, "X1234567L", MADRID,
                Optional.empty(), euros("1800.00"), euros("0.00"), euros("200.00"), euros("500.00"), euros("2000.00"),
                euros("130.00"), euros("281.81"), euros("0.00"), euros("1588.19"), euros("613.00"), euros("2413.00"),
                Optional.empty(), Map.of());
    }

    /**
     * A complementary run of March 2026 paying December 2025's arrears: 100,00 of pay, 6,50 of employee contributions,
     * 15 % withheld (RIRPF art. 80.1.5.º) 15,00, net 78,50, employer 30,65; or taking 40,00 back (a refund).
     */
    private static Paid arrears2025(long run, long employee, String pay) {
        BigDecimal amount = euros(pay);
        boolean back = amount.signum() < 0;
        BigDecimal contributions = amount.multiply(euros("0.065")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal withheld = back ? euros("0.00") : euros("15.00");
        return new Paid(run, MARCH, "complementary", "approved", employee, "Worker " + employee, "12345678Z", MADRID,
                Optional.empty(), amount, euros("0.00"), euros("0.00"), euros("0.00"), amount, contributions, withheld,
                euros("0.00"), amount.subtract(contributions).subtract(withheld), euros("30.65"),
                amount.add(euros("30.65")), Optional.of(2025), Map.of());
    }

    /**
     * Arrears of an earlier year are a perception of their own with its accrual year (Orden EHA/3127/2009 anexo II,
     * record 2, positions 148-151: one record per accrual year), beside the year's own pay; a complementary run of the
     * year's own months adds to the year's perception. In modelo 111 they count in the period they are paid in, the
     * perceptor once.
     */
    /**
     * Pay not subject to withholding is declared under key L with its subkey (Orden EHA/3127/2009 anexo II, record 2,
     * positions 79-80): travel allowances excepted by RIRPF art. 9 under 01, summed over the months; modelo 111 counts
     * none of it (its boxes are the pay subject to withholding), and the certificate states it.
     */
    @Test
    void payNotSubjectToWithholdingIsAPerceptionOfKeyLPerSubkey() {
        Paid march = example(7, MARCH, 1, MADRID, null);
        Paid withAllowance = new Paid(8, APRIL, "regular", "approved", 1, "Worker 1", "12345678Z", MADRID,
                Optional.empty(), euros("2120.00"), euros("0.00"), euros("0.00"), euros("0.00"), euros("2000.00"),
                euros("130.00"), euros("281.80"), euros("0.00"), euros("1708.20"), euros("613.00"), euros("2733.00"),
                Optional.empty(), Map.of(1, euros("120.00")));
        Paid second = new Paid(9, APRIL, "complementary", "approved", 1, "Worker 1", "12345678Z", MADRID,
                Optional.empty(), euros("35.00"), euros("0.00"), euros("0.00"), euros("0.00"), euros("0.00"),
                euros("0.00"), euros("0.00"), euros("0.00"), euros("35.00"), euros("0.00"), euros("35.00"),
                Optional.empty(), Map.of(1, euros("15.00"), 5, euros("20.00")));
        List<Perception> perceptions = ReturnFigures.perceptions(List.of(march, withAllowance, second),
                Map.of(1L, perceptor("12345678Z")));
        assertEquals(List.of("A 0 4000.00", "L 1 135.00", "L 5 20.00"), perceptions.stream()
                .map(p -> p.key() + " " + p.subkey() + " " + p.pay().monetary().toPlainString()).toList());
        Perception allowances = perceptions.get(1);
        assertEquals(euros("0.00"), allowances.pay().withheld());
        assertNull(allowances.situation());

        Modelo111 boxes = Modelo111.of(2026, "2T", perceptions, BigDecimal.ZERO);
        assertEquals(euros("4000.00"), boxes.box("02"));
        WithholdingCertificate certificate = WithholdingCertificate
                .of(2026, new Declarant("G12345674", "Asociación", null, null, null, "0", Declarant.Filing.FIRST, null),
                        perceptions, LocalDate.of(2027, 1, 20))
                .get(0);
        assertEquals(euros("4155.00"), certificate.totalPay());
        assertTrue(certificate.text(java.util.Locale.ENGLISH).contains("subkey 01"),
                certificate.text(java.util.Locale.ENGLISH));
    }

    @Test
    void arrearsOfAnEarlierYearAreAPerceptionOfTheirOwnAccruedInThatYear() {
        Paid own = new Paid(9, MARCH, "complementary", "approved", 1, "Worker 1", "12345678Z", MADRID, Optional.empty(),
                euros("50.00"), euros("0.00"), euros("0.00"), euros("0.00"), euros("50.00"), euros("3.25"),
                euros("7.05"), euros("0.00"), euros("39.70"), euros("15.33"), euros("65.33"), Optional.empty(),
                Map.of());
        List<Paid> paid = List.of(example(7, MARCH, 1, MADRID, null), arrears2025(8, 1, "100.00"), own);
        List<Perception> perceptions = ReturnFigures.perceptions(paid, Map.of(1L, perceptor("12345678Z")));
        assertEquals(2, perceptions.size());
        Perception year = perceptions.get(0);
        assertNull(year.accrualYear());
        assertEquals(euros("2050.00"), year.pay().monetary());
        assertEquals(euros("288.85"), year.pay().withheld());
        assertEquals(euros("133.25"), year.deductions().expenses());
        Perception earlier = perceptions.get(1);
        assertEquals(2025, earlier.accrualYear());
        assertEquals(euros("100.00"), earlier.pay().monetary());
        assertEquals(euros("15.00"), earlier.pay().withheld());
        assertEquals(euros("6.50"), earlier.deductions().expenses());

        Modelo111 boxes = Modelo111.of(2026, "03", perceptions, BigDecimal.ZERO);
        assertEquals(BigDecimal.ONE, boxes.box("01"));
        assertEquals(euros("2150.00"), boxes.box("02"));
        assertEquals(euros("303.85"), boxes.box("03"));

        // pay of 2025 taken back: a refund of that year, nothing withheld
        Perception refund = ReturnFigures
                .perceptions(List.of(arrears2025(8, 1, "-40.00")), Map.of(1L, perceptor("12345678Z"))).get(0);
        assertEquals(2025, refund.accrualYear());
        assertEquals(euros("-40.00"), refund.pay().monetary());
        assertEquals(euros("0.00"), refund.pay().withheld());
    }

    @Test
    void theMonthsSummaryGivesEachRunWithItsEmployeesAndTotalsCountingEachEmployeeOnce() {
        MonthSummary summary = ReturnFigures.summary(MARCH,
                List.of(example(7, MARCH, 1, MADRID, "P1"), example(7, MARCH, 2, SEVILLA, null),
                        example(9, MARCH, 1, MADRID, "P1"), example(8, APRIL, 3, MADRID, null)));
        assertEquals(List.of(7L, 9L), summary.runs().stream().map(ReturnFigures.RunSummary::runId).toList());
        assertEquals(2, summary.runs().get(0).totals().employees());
        assertEquals(euros("4000.00"), summary.runs().get(0).totals().gross());
        assertEquals(euros("5226.00"), summary.runs().get(0).totals().employerCost());
        // the regular and the complementary run pay employee 1: one person, three months' figures
        assertEquals(2, summary.totals().employees());
        assertEquals(euros("6000.00"), summary.totals().gross());
        assertEquals(euros("845.40"), summary.totals().withheld());
        assertEquals(euros("4764.60"), summary.totals().net());
    }

    @Test
    void theCostIsGroupedByMonthWorkCentreAndProjectWithEveryMonthOfTheRange() {
        CostReport cost = ReturnFigures.cost(YearMonth.of(2026, 2), APRIL,
                List.of(example(7, MARCH, 1, MADRID, "P1"), example(7, MARCH, 2, MADRID, "P1"),
                        example(7, MARCH, 3, MADRID, null), example(7, MARCH, 4, SEVILLA, "P1"),
                        example(8, APRIL, 1, MADRID, "P1"), example(6, YearMonth.of(2026, 5), 1, MADRID, "P1")));
        assertEquals(List.of("2026-03 28123456789 - 1 2000.00 613.00 2613.00",
                "2026-03 28123456789 P1 2 4000.00 1226.00 5226.00", "2026-03 41123456789 P1 1 2000.00 613.00 2613.00",
                "2026-04 28123456789 P1 1 2000.00 613.00 2613.00"),
                cost.rows().stream().map(ReturnFiguresTest::row).toList());
        assertEquals(List.of("2026-02 0.00", "2026-03 10452.00", "2026-04 2613.00"),
                cost.months().stream().map(m -> m.month() + " " + m.employerCost()).toList());
        assertEquals(euros("13065.00"), cost.total().employerCost());
        assertEquals(euros("10000.00"), cost.total().pay());
    }

    private static String row(CostRow r) {
        return r.month() + " " + r.workCentre() + " " + (r.project() == null ? "-" : r.project()) + " " + r.employees()
                + " " + r.pay() + " " + r.employerContributions() + " " + r.employerCost();
    }

    /**
     * The cost charged to a work centre and project is what the run's entry debits to them: 640 and 642 (PGC PYMES
     * quinta parte) with the centre's and project's analytic shares, so the export and the books agree.
     */
    @Test
    void theCostOfACentreAndProjectIsWhatTheRunsEntryChargesThem() {
        List<Paid> paid = List.of(example(7, MARCH, 1, MADRID, "P1"), example(7, MARCH, 2, MADRID, null),
                sick(7, MARCH, 3));
        Map<PostingAccounts.Concept, PostingAccounts.Account> pymes = new PayrollTables("config/payroll")
                .postingAccounts().of("pgc-pymes-2007").orElseThrow();
        EntryDraft entry = PayrollPosting.entry(pymes, MARCH.atEndOfMonth(), "Nómina", null,
                paid.stream()
                        .map(p -> new PayrollPosting.Cost(Optional.of(p.workCentre()), p.project(), p.grossPay(),
                                p.compensation(), p.employerContributions(), p.benefitAdvanced(),
                                p.employeeContributions(), p.withheld(), p.advances(), p.net()))
                        .toList());
        Map<String, BigDecimal> charged = new HashMap<>();
        for (EntryLine line : entry.getLines()) {
            if (line.getDebit() != null && line.getAnalytic() != null) {
                String key = line.getAnalytic().stream().map(EntryDraft.Share::getCode).reduce((a, b) -> a + " " + b)
                        .orElseThrow();
                charged.merge(key + (line.getAnalytic().size() == 1 ? " -" : ""), line.getDebit(), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> exported = new HashMap<>();
        for (CostRow r : ReturnFigures.cost(MARCH, MARCH, paid).rows()) {
            exported.put(r.workCentre() + " " + (r.project() == null ? "-" : r.project()), r.employerCost());
        }
        assertEquals(Map.of("28123456789 P1", euros("2613.00"), "28123456789 -", euros("5026.00")), exported);
        assertEquals(exported, charged);
    }

    /**
     * Key A (Orden EHA/3127/2009 anexo II, record 2): the pay subject to withholding other than incapacity benefit, and
     * the incapacity benefit paid by the employer, each with its part of the month's withholding (one rate on all the
     * month's pay, RIRPF art. 82: 281,81 × 500 / 2.000 = 70,4525 → 70,45), the contributions as deductible expenses.
     */
    @Test
    void anEmployeesPerceptionSumsTheMonthsAndSplitsTheWithholdingOfTheIncapacityBenefit() {
        Perceptor perceptor = new Perceptor("X1234567L", "Smith John", "28", Perception.Situation.alone(1990, 1));
        List<Perception> perceptions = ReturnFigures.perceptions(List.of(sick(7, MARCH, 3), sick(8, APRIL, 3)),
                Map.of(3L, perceptor));
        assertEquals(1, perceptions.size());
        Perception p = perceptions.get(0);
        assertEquals(euros("3000.00"), p.pay().monetary());
        assertEquals(euros("422.72"), p.pay().withheld());
        assertEquals(euros("1000.00"), p.incapacity().monetary());
        assertEquals(euros("140.90"), p.incapacity().withheld());
        assertEquals(euros("260.00"), p.deductions().expenses());
        assertEquals(euros("4000.00"), p.totalPay());
        assertEquals(euros("563.62"), p.totalWithheld());
    }

    /**
     * Modelo 111 (Orden EHA/586/2011 anexo I) of the first quarter: 01 the perceptors, 02 the pay, 03 the withholdings,
     * 28 and 30 the same withholdings: the runs' totals.
     */
    @Test
    void theBoxesOfModelo111AreTheTotalsOfTheRunsOfThePeriod() {
        List<Paid> quarter = List.of(example(7, MARCH, 1, MADRID, null), example(7, MARCH, 2, MADRID, null),
                sick(7, MARCH, 3), example(5, YearMonth.of(2026, 1), 1, MADRID, null));
        Map<Long, Perceptor> perceptors = Map.of(1L, perceptor("12345678Z"), 2L, perceptor("87654321X"), 3L,
                perceptor("X1234567L"));
        Modelo111 boxes = Modelo111.of(2026, "1T", ReturnFigures.perceptions(quarter, perceptors), BigDecimal.ZERO);
        ReturnFigures.Totals totals = ReturnFigures.Totals.of(quarter);
        assertEquals(BigDecimal.valueOf(3), boxes.box("01"));
        assertEquals(totals.taxable(), boxes.box("02"));
        assertEquals(euros("8000.00"), boxes.box("02"));
        assertEquals(totals.withheld(), boxes.box("03"));
        assertEquals(totals.withheld(), boxes.box("28"));
        assertEquals(totals.withheld(), boxes.box("30"));
    }

    private static Perceptor perceptor(String nif) {
        return new Perceptor(nif, "Worker " + nif, "28", Perception.Situation.alone(1990, 1));
    }

    /** Modelo 190 (anexo II): 500-character records, the declarant's totals the sums of the perceptors'. */
    @Test
    void theModelo190FileOfTheRunsHasRecordsOf500CharactersAndTotalsThatAreTheirSums() {
        List<Paid> year = List.of(example(7, MARCH, 1, MADRID, null), sick(7, MARCH, 3),
                example(8, APRIL, 1, MADRID, null));
        List<Perception> perceptions = ReturnFigures.perceptions(year,
                Map.of(1L, perceptor("12345678Z"), 3L, perceptor("X1234567L")));
        Modelo190File file = Modelo190File.write(new PayrollTables("config/payroll").modelo190(2026),
                Declarant.first("G12345674", "Asociación Ejemplo", "912345678", "Garcia Ana", null, "1902026000001"),
                perceptions);
        assertEquals(3, file.records().size());
        file.records().forEach(record -> assertEquals(500, record.length()));
        assertEquals(ReturnFigures.Totals.of(year).taxable(), file.totalPay());
        assertEquals(ReturnFigures.Totals.of(year).withheld(), file.totalWithheld());
        // positions 136-144: the number of perceptions; 145 the sign (blank: not negative) and 146-160 their sum in
        // cents; 161-175 the withholdings'
        assertEquals("000000002", file.records().get(0).substring(135, 144));
        assertEquals(" 000000000600000", file.records().get(0).substring(144, 160));
        assertEquals("000000000084541", file.records().get(0).substring(160, 175));
    }

    /**
     * The perceptor of the returns from the employee's data: surnames before the name (anexo II positions 36-75), the
     * province from the postal code, the modelo 145 situation with descendants under 3 (Ley 35/2006 art. 58.2: born in
     * the year or the two before), by halves, with disability, ascendants from 75 (art. 59), and contract type 2 for a
     * contract under a year (RIRPF art. 86.2).
     */
    @Test
    void thePerceptorIsTheEmployeesDataAsTheReturnsAskIt() {
        EmployeeData d = EmployeeExample.ana();
        d.birthDate = LocalDate.of(1985, 5, 17);
        d.address = "Calle Betis 1";
        d.postalCode = "41010";
        d.municipality = "Sevilla";
        d.familySituation = 2;
        d.spouseNif = "X1234567L";
        d.descendants.add(relative(2024, 0, false, false));
        d.descendants.add(relative(2015, 40, true, true));
        d.ascendants.add(relative(1950, 70, false, false));
        EmployeeData.RelativeData shared = relative(1960, 0, false, false);
        shared.sharedWith = 1;
        d.ascendants.add(shared);
        Perceptor p = ReturnFigures.perceptor(new Employee(d, LocalDate.of(2026, 1, 1)), 2026, true);
        assertEquals("García López Ana", p.name());
        assertEquals("41", p.province());
        Perception.Situation s = p.situation();
        assertEquals(2, s.family());
        assertEquals("X1234567L", s.spouseNif());
        assertEquals(2, s.contract());
        assertEquals(new Perception.Count(1, 1), s.descendants().under3());
        assertEquals(new Perception.Count(1, 0), s.descendants().rest());
        assertEquals(new Perception.Count(1, 0), s.descendants().assisted());
        assertEquals(List.of(Perception.Share.WHOLE, Perception.Share.HALF), s.descendants().firstThree());
        assertEquals(new Perception.Count(1, 1), s.ascendants().over75());
        assertEquals(new Perception.Count(1, 0), s.ascendants().under75());
        assertEquals(new Perception.Count(1, 1), s.ascendants().severe());
        assertNull(ReturnFigures.perceptor(new Employee(single(), LocalDate.of(2026, 1, 1)), 2026, false).situation()
                .spouseNif());
        WithholdingCertificate certificate = WithholdingCertificate
                .of(2026, Declarant.first("G12345674", "Asociación Ejemplo", null, null, null, "0"),
                        ReturnFigures.perceptions(List.of(example(7, MARCH, 5, MADRID, null)), Map.of(5L, p)),
                        LocalDate.of(2027, 1, 20))
                .get(0);
        assertTrue(certificate.text(java.util.Locale.ENGLISH).contains("García López Ana"));
    }

    private static EmployeeData single() {
        EmployeeData d = EmployeeExample.ana();
        d.nif = "87654321X";
        d.firstName = "Luis";
        d.lastName = "Pérez";
        d.secondLastName = null;
        d.birthDate = LocalDate.of(1990, 1, 1);
        return d;
    }

    private static EmployeeData.RelativeData relative(int birthYear, int disability, boolean assistance,
            boolean byHalves) {
        EmployeeData.RelativeData r = new EmployeeData.RelativeData();
        r.birthYear = birthYear;
        r.disabilityDegree = disability;
        r.disabilityAssistance = assistance;
        r.byHalves = byHalves;
        return r;
    }
}
