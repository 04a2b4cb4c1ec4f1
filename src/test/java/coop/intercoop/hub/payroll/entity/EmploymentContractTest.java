package coop.intercoop.hub.payroll.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.platform.HubException;

/** A contract's rules: its TGSS type and part-time coefficient, dates, minimum age, AT/EP key, group, salary items. */
class EmploymentContractTest {

    private static final Source TGSS = new Source("BOE-A-2001-13506", Source.Status.DERIVED);
    private static final ContractType OPEN_FULL = new ContractType("100", "Indefinido, tiempo completo",
            ContractType.Duration.OPEN_ENDED, ContractType.WorkingTime.FULL, TGSS);
    private static final ContractType TEMPORARY_PART = new ContractType("502", "Circunstancias de la producción, TP",
            ContractType.Duration.FIXED_TERM, ContractType.WorkingTime.PART, TGSS);
    private static final ContractType SEASONAL = new ContractType("300", "Fijo-discontinuo",
            ContractType.Duration.OPEN_ENDED, ContractType.WorkingTime.EITHER, TGSS);
    private static final LocalDate BORN = LocalDate.of(1990, 5, 17);

    static ContractData data(String type) {
        ContractData d = new ContractData();
        d.startDate = LocalDate.of(2026, 1, 1);
        d.contractType = type;
        d.contributionGroup = 5;
        d.activityCode = "8891";
        d.agreementCode = "99015725012012";
        d.professionalCategory = "Técnico/a de integración social";
        d.workCentreId = 7L;
        ContractData.SalaryItemData base = new ContractData.SalaryItemData();
        base.name = "Salario base";
        base.monthlyAmount = new BigDecimal("1600");
        base.kind = SalaryItem.Kind.BASE;
        d.salaryItems = List.of(base);
        return d;
    }

    private static List<String> refused(ContractData d, Optional<ContractType> type, LocalDate born) {
        HubException e = assertThrows(HubException.class, () -> new EmploymentContract(1, d, type, born));
        return e.all().stream().map(r -> r.field() + " " + r.key()).toList();
    }

    @Test
    void aFullTimeOpenEndedContractKeepsItsTermsAndItems() {
        EmploymentContract c = new EmploymentContract(1, data("100"), Optional.of(OPEN_FULL), BORN);
        assertEquals("100", c.getContractType());
        assertNull(c.getPartTimeCoefficient());
        assertEquals(new BigDecimal("1600.00"), c.getSalaryItems().get(0).getMonthlyAmount());
        assertEquals(7L, c.getWorkCentreId());
    }

    /** ET art. 12.1: a part-time contract states its share of the full-time day; a full-time one has none. */
    @Test
    void aPartTimeTypeNeedsACoefficientAboveZeroAndAtMostOne() {
        ContractData d = data("502");
        assertEquals(List.of("partTimeCoefficient contract.coefficient.required"),
                refused(d, Optional.of(TEMPORARY_PART), BORN));
        d.partTimeCoefficient = BigDecimal.ZERO;
        assertEquals(List.of("partTimeCoefficient contract.coefficient.range"),
                refused(d, Optional.of(TEMPORARY_PART), BORN));
        d.partTimeCoefficient = new BigDecimal("1.0001");
        assertEquals(List.of("partTimeCoefficient contract.coefficient.range"),
                refused(d, Optional.of(TEMPORARY_PART), BORN));
        d.partTimeCoefficient = new BigDecimal("0.625");
        assertEquals(new BigDecimal("0.6250"),
                new EmploymentContract(1, d, Optional.of(TEMPORARY_PART), BORN).getPartTimeCoefficient());
        ContractData full = data("100");
        full.partTimeCoefficient = new BigDecimal("0.5");
        assertEquals(List.of("partTimeCoefficient contract.coefficient.fullTime"),
                refused(full, Optional.of(OPEN_FULL), BORN));
    }

    @Test
    void aFijoDiscontinuoContractMayOrMayNotHaveACoefficient() {
        ContractData d = data("300");
        assertNull(new EmploymentContract(1, d, Optional.of(SEASONAL), BORN).getPartTimeCoefficient());
        d.partTimeCoefficient = new BigDecimal("0.5");
        assertEquals(new BigDecimal("0.5000"),
                new EmploymentContract(1, d, Optional.of(SEASONAL), BORN).getPartTimeCoefficient());
    }

    @Test
    void anUnknownTypeIsRefusedInBothLanguages() {
        HubException e = assertThrows(HubException.class,
                () -> new EmploymentContract(1, data("999"), Optional.empty(), BORN));
        assertEquals("contractType", e.field());
        assertEquals("There is no contract type 999 in the TGSS table the hub uses.", e.message(Locale.ENGLISH));
        assertEquals("No hay ningún tipo de contrato 999 en la tabla de la TGSS que usa el hub.",
                e.message(Locale.forLanguageTag("es")));
    }

    /** Estatuto de los Trabajadores, art. 6.1: no one under sixteen may be employed. */
    @Test
    void aContractCannotStartBeforeTheEmployeesSixteenthBirthday() {
        assertEquals(List.of("startDate contract.start.age"),
                refused(data("100"), Optional.of(OPEN_FULL), LocalDate.of(2010, 1, 2)));
        new EmploymentContract(1, data("100"), Optional.of(OPEN_FULL), LocalDate.of(2010, 1, 1));
    }

    @Test
    void theAtEpPremiumHasEitherAnActivityOrAnOccupationLetter() {
        ContractData both = data("100");
        both.occupationLetter = "a";
        assertEquals(List.of("occupationLetter contract.premium.oneOf"), refused(both, Optional.of(OPEN_FULL), BORN));
        ContractData none = data("100");
        none.activityCode = null;
        assertEquals(List.of("activityCode contract.premium.oneOf"), refused(none, Optional.of(OPEN_FULL), BORN));
        ContractData letter = data("100");
        letter.activityCode = " ";
        letter.occupationLetter = "a";
        assertEquals("a", new EmploymentContract(1, letter, Optional.of(OPEN_FULL), BORN).getOccupationLetter());
        letter.occupationLetter = "A";
        assertEquals(List.of("occupationLetter contract.occupation.format"),
                refused(letter, Optional.of(OPEN_FULL), BORN));
        ContractData activity = data("100");
        activity.activityCode = "88.9";
        assertEquals(List.of("activityCode contract.activity.format"), refused(activity, Optional.of(OPEN_FULL), BORN));
    }

    @Test
    void datesGroupAndItemsAreCheckedAllAtOnce() {
        ContractData d = data("100");
        d.endDate = LocalDate.of(2025, 12, 31);
        d.contributionGroup = 12;
        ContractData.SalaryItemData item = new ContractData.SalaryItemData();
        item.name = "Plus";
        item.monthlyAmount = new BigDecimal("10.005");
        item.kind = SalaryItem.Kind.COMPLEMENT;
        d.salaryItems = List.of(d.salaryItems.get(0), item);
        assertEquals(List.of("endDate contract.end.before", "contributionGroup contract.group",
                "salaryItems[1] contract.item"), refused(d, Optional.of(OPEN_FULL), BORN));
    }

    /**
     * Pay not subject to withholding is declared in modelo 190 under key L with its subkey (Orden EHA/3127/2009 anexo
     * II, record 2, positions 79-80): an untaxed item names it, a taxed one names none, and only the design's subkeys.
     */
    @Test
    void anUntaxedItemNamesItsSubkeyOfKeyLAndATaxedOneNone() {
        ContractData d = data("100");
        ContractData.SalaryItemData allowance = new ContractData.SalaryItemData();
        allowance.name = "Dietas";
        allowance.monthlyAmount = new BigDecimal("120");
        allowance.kind = SalaryItem.Kind.OTHER;
        allowance.contributes = false;
        allowance.taxed = false;
        d.salaryItems = List.of(d.salaryItems.get(0), allowance);
        HubException missing = assertThrows(HubException.class,
                () -> new EmploymentContract(1, d, Optional.of(OPEN_FULL), BORN));
        assertEquals("salaryItems[1].exemptSubkey exempt.subkey.required", missing.field() + " " + missing.key());
        assertEquals("Dietas no está sujeto a retención: indique la subclave de la clave L con la que se declara en el"
                + " modelo 190 (exemptSubkey: de la 01 a la 31 o la 99; la 01 para dietas y asignaciones para gastos"
                + " de viaje exceptuadas de gravamen).", missing.message(Locale.forLanguageTag("es")));
        allowance.exemptSubkey = 32;
        assertEquals(List.of("salaryItems[1].exemptSubkey exempt.subkey.invalid"),
                refused(d, Optional.of(OPEN_FULL), BORN));
        d.salaryItems.get(0).exemptSubkey = 1;
        allowance.exemptSubkey = 99;
        assertEquals(List.of("salaryItems[0].exemptSubkey exempt.subkey.taxed"),
                refused(d, Optional.of(OPEN_FULL), BORN));
        d.salaryItems.get(0).exemptSubkey = null;
        allowance.exemptSubkey = 1;
        EmploymentContract c = new EmploymentContract(1, d, Optional.of(OPEN_FULL), BORN);
        assertEquals(Optional.empty(), c.getSalaryItems().get(0).getExemptSubkey());
        assertEquals(Optional.of(1), c.getSalaryItems().get(1).getExemptSubkey());
    }

    @Test
    void aContractNeedsItsFirstDayAndWorkCentre() {
        ContractData d = data("100");
        d.startDate = null;
        d.workCentreId = null;
        assertEquals(List.of("startDate contract.start.required", "workCentreId contract.workCentre.required"),
                refused(d, Optional.of(OPEN_FULL), BORN));
    }

    @Test
    void aContractEndsOnItsLastDayNotBeforeItsFirst() {
        EmploymentContract c = new EmploymentContract(1, data("100"), Optional.of(OPEN_FULL), BORN);
        HubException e = assertThrows(HubException.class, () -> c.end(LocalDate.of(2025, 12, 31)));
        assertEquals("endDate", e.field());
        c.end(LocalDate.of(2026, 1, 1));
        assertEquals(LocalDate.of(2026, 1, 1), c.getEndDate());
    }

    private static ContractData.SalaryItemData base(String amount, String from, String until) {
        ContractData.SalaryItemData item = new ContractData.SalaryItemData();
        item.name = "Salario base";
        item.monthlyAmount = new BigDecimal(amount);
        item.kind = SalaryItem.Kind.BASE;
        item.from = from;
        item.until = until;
        return item;
    }

    /**
     * A raise from a month is a second item of the same name from that month: accepted when the first ends before it,
     * refused on the second's first month when both would apply in one month, or when a last month comes before the
     * first, or a month does not read; every refusal at once.
     */
    @Test
    void anItemOfTheSameNameMayFollowAnotherButNotShareAMonthWithIt() {
        ContractData d = data("100");
        d.salaryItems = List.of(base("1600", null, "2026-05"), base("1700", "2026-06", null));
        EmploymentContract c = new EmploymentContract(1, d, Optional.of(OPEN_FULL), BORN);
        assertEquals(new MonthRange(Optional.empty(), Optional.of(YearMonth.of(2026, 5))),
                c.getSalaryItems().get(0).getMonths());
        assertEquals(new MonthRange(Optional.of(YearMonth.of(2026, 6)), Optional.empty()),
                c.getSalaryItems().get(1).getMonths());

        d.salaryItems = List.of(base("1600", null, "2026-06"), base("1700", "2026-06", null), base("1", " ", ""));
        HubException overlap = assertThrows(HubException.class,
                () -> new EmploymentContract(1, d, Optional.of(OPEN_FULL), BORN));
        assertEquals(
                List.of("salaryItems[1].from contract.item.overlap", "salaryItems[2].from contract.item.overlap",
                        "salaryItems[2].from contract.item.overlap"),
                overlap.all().stream().map(r -> r.field() + " " + r.key()).toList());
        assertEquals(
                "Two salary items called Salario base apply in the same month (… – 2026-06 and 2026-06 – …): end"
                        + " the older one the month before the newer one starts.",
                overlap.all().get(0).message(Locale.ENGLISH));

        d.salaryItems = List.of(base("1600", "2026-06", "2026-05"), base("1700", "junio", "2026-13"));
        assertEquals(List.of("salaryItems[0].until contract.item.months", "salaryItems[1].from contract.item.month",
                "salaryItems[1].until contract.item.month"), refused(d, Optional.of(OPEN_FULL), BORN));
        HubException reversed = assertThrows(HubException.class,
                () -> new EmploymentContract(1, d, Optional.of(OPEN_FULL), BORN));
        assertEquals("El concepto salarial Salario base acaba en 2026-05, antes de su primer mes, 2026-06.",
                reversed.all().get(0).message(Locale.forLanguageTag("es")));
        assertEquals("junio no es un mes: escríbalo como aaaa-mm, por ejemplo 2026-03.",
                reversed.all().get(1).message(Locale.forLanguageTag("es")));
    }

    /**
     * ET art. 31: an extra payment is prorated in every month's pay, or paid whole in its months, named 1 to 12; only
     * an extra payment has months, each once.
     */
    @Test
    void onlyAnExtraPaymentIsPaidInMonthsOfItsOwnEachNamedOnce() {
        ContractData d = data("100");
        ContractData.SalaryItemData extra = base("1600", null, null);
        extra.name = "Paga extraordinaria";
        extra.kind = SalaryItem.Kind.EXTRA_PAYMENT;
        extra.paidIn = List.of(12, 6);
        d.salaryItems = List.of(d.salaryItems.get(0), extra);
        EmploymentContract c = new EmploymentContract(1, d, Optional.of(OPEN_FULL), BORN);
        assertEquals(Set.of(Month.JUNE, Month.DECEMBER), c.getSalaryItems().get(1).getPaidIn());
        assertEquals(Set.of(), c.getSalaryItems().get(0).getPaidIn());

        ContractData.SalaryItemData complement = base("100", null, null);
        complement.name = "Plus";
        complement.kind = SalaryItem.Kind.COMPLEMENT;
        complement.paidIn = List.of(6);
        ContractData.SalaryItemData twice = base("1600", null, null);
        twice.name = "Paga de beneficios";
        twice.kind = SalaryItem.Kind.EXTRA_PAYMENT;
        twice.paidIn = List.of(3, 3);
        ContractData.SalaryItemData thirteen = base("1600", null, null);
        thirteen.name = "Paga de marzo";
        thirteen.kind = SalaryItem.Kind.EXTRA_PAYMENT;
        thirteen.paidIn = List.of(13);
        d.salaryItems = List.of(complement, twice, thirteen);
        HubException refused = assertThrows(HubException.class,
                () -> new EmploymentContract(1, d, Optional.of(OPEN_FULL), BORN));
        assertEquals(
                List.of("salaryItems[0].paidIn contract.item.paidIn.kind",
                        "salaryItems[1].paidIn contract.item.paidIn.months",
                        "salaryItems[2].paidIn contract.item.paidIn.months"),
                refused.all().stream().map(r -> r.field() + " " + r.key()).toList());
        assertEquals("Only an extra payment is paid in months of its own; Plus is paid every month.",
                refused.all().get(0).message(Locale.ENGLISH));
        assertEquals(
                "La paga extraordinaria Paga de beneficios se paga en los meses 1 a 12, cada uno una vez, no [3, 3].",
                refused.all().get(1).message(Locale.forLanguageTag("es")));
    }
}
