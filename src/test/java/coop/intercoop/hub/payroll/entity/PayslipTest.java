package coop.intercoop.hub.payroll.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.entity.Payslip.Contribution;
import coop.intercoop.hub.payroll.entity.Payslip.Earning;
import coop.intercoop.hub.payroll.entity.Payslip.EarningKind;
import coop.intercoop.hub.payroll.entity.Payslip.Item;

/**
 * The salary receipt's invariants (Orden de 27 de diciembre de 1994, BOE-A-1995-912, annex as amended by Orden
 * ESS/2098/2014, BOE-A-2014-11637): its totals follow from its lines, it covers one calendar month, and the worker's
 * deductions hold only what the worker pays.
 */
class PayslipTest {

    private static final Source SOURCE = new Source("BOE-A-2026-7296 art. 4.a", Source.Status.VERIFIED);
    private static final Payslip.Company COMPANY = new Payslip.Company("Asociación Ejemplo", "Calle Mayor, 1, Madrid",
            "G12345678", "28 1234567 85");
    private static final Payslip.Worker WORKER = new Payslip.Worker("Ana Pérez", "00000000T", "281234567890",
            "Educadora social", 2, Optional.empty());
    private static final Payslip.Period MARCH = new Payslip.Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
            30);

    private static Contribution contribution(Item item, String base, String rate, String amount) {
        return new Contribution(item, Optional.of(new BigDecimal(base)), Optional.of(new BigDecimal(rate)),
                new BigDecimal(amount), SOURCE);
    }

    private static Payslip payslip(List<Contribution> employee, List<Contribution> employer) {
        return new Payslip(COMPANY, WORKER, MARCH,
                List.of(new Earning(EarningKind.BASE_SALARY, "", new BigDecimal("1900.00")),
                        new Earning(EarningKind.SALARY_COMPLEMENT, "Plus de convenio", new BigDecimal("100")),
                        new Earning(EarningKind.ALLOWANCE, "Kilometraje", new BigDecimal("26.00"))),
                employee,
                new Payslip.Withholding(new BigDecimal("2000.00"), new BigDecimal("15.21"), new BigDecimal("304.20"),
                        new Source("BOE-A-2007-6820 art. 86", Source.Status.VERIFIED)),
                new BigDecimal("100.00"), BigDecimal.ZERO,
                List.of(new Payslip.Deduction("Cuota sindical", new BigDecimal("10.00"))), LocalDate.of(2026, 3, 31),
                new Payslip.Bases(new BigDecimal("2000.00"), BigDecimal.ZERO, new BigDecimal("2000.00"),
                        new BigDecimal("2000.00"), BigDecimal.ZERO),
                employer);
    }

    @Test
    void theTotalsFollowFromTheLines() {
        // issue 19's first example: the worker pays 4,70 + 0,15 + 1,55 + 0,10 = 6,50 % of 2.000,00 = 130,00
        Payslip payslip = payslip(
                List.of(contribution(Item.COMMON, "2000.00", "4.70", "94.00"),
                        contribution(Item.MEI, "2000.00", "0.15", "3.00"),
                        contribution(Item.UNEMPLOYMENT, "2000.00", "1.55", "31.00"),
                        contribution(Item.TRAINING, "2000.00", "0.10", "2.00")),
                List.of(contribution(Item.COMMON, "2000.00", "23.60", "472.00"),
                        contribution(Item.FOGASA, "2000.00", "0.20", "4.00")));

        assertEquals(new BigDecimal("2000.00"), payslip.totalSalary());
        assertEquals(new BigDecimal("26.00"), payslip.totalNonSalary());
        assertEquals(new BigDecimal("2026.00"), payslip.totalEarned());
        assertEquals(new BigDecimal("130.00"), payslip.totalEmployeeContributions());
        // B = 130,00 + 304,20 IRPF + 100,00 advance + 10,00 other
        assertEquals(new BigDecimal("544.20"), payslip.totalDeducted());
        assertEquals(new BigDecimal("1481.80"), payslip.net());
        assertEquals(new BigDecimal("476.00"), payslip.totalEmployerContributions());
        assertEquals(new BigDecimal("100.00"), payslip.earnings().get(1).amount(), "amounts are kept in cents");
    }

    @Test
    void contributionsAreKeptInTheModelsOrder() {
        Payslip payslip = payslip(List.of(contribution(Item.TRAINING, "2000.00", "0.10", "2.00"),
                contribution(Item.COMMON, "2000.00", "4.70", "94.00")), List.of());

        assertEquals(List.of(Item.COMMON, Item.TRAINING),
                payslip.employeeContributions().stream().map(Contribution::item).toList());
    }

    @Test
    void theWorkerPaysNoEmployerOnlyItem() {
        List<Contribution> fogasa = List.of(contribution(Item.FOGASA, "2000.00", "0.20", "4.00"));

        assertThrows(IllegalArgumentException.class, () -> payslip(fogasa, List.of()));
    }

    @Test
    void aReceiptCoversOneCalendarMonth() {
        // Orden de 27-12-1994 art. 1.2: "El recibo de salarios se referirá a meses naturales"
        assertThrows(IllegalArgumentException.class,
                () -> new Payslip.Period(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 4, 15), 30));
        assertThrows(IllegalArgumentException.class,
                () -> new Payslip.Period(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 1), 30));
        assertThrows(IllegalArgumentException.class,
                () -> new Payslip.Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), 0));
    }

    @Test
    void amountsAreCentsAndOnlyLinesAndBasesMayBeNegative() {
        assertThrows(IllegalArgumentException.class,
                () -> new Earning(EarningKind.BASE_SALARY, "", new BigDecimal("1.005")));
        assertThrows(IllegalArgumentException.class, () -> new Contribution(Item.COMMON,
                Optional.of(new BigDecimal("2000.00")), Optional.empty(), new BigDecimal("94.00"), SOURCE));
        assertThrows(IllegalArgumentException.class,
                () -> new Contribution(Item.COMMON, Optional.of(new BigDecimal("-2000.00")),
                        Optional.of(new BigDecimal("4.70")), new BigDecimal("-94.00"), SOURCE));
        assertThrows(IllegalArgumentException.class, () -> new Payslip.Withholding(new BigDecimal("50.00"),
                BigDecimal.ZERO, new BigDecimal("-1.00"), SOURCE));
        assertEquals(new BigDecimal("-50.00"),
                new Payslip.Withholding(new BigDecimal("-50"), BigDecimal.ZERO, BigDecimal.ZERO, SOURCE).base());
        assertThrows(IllegalArgumentException.class, () -> new Payslip.Deduction("Cuota", new BigDecimal("-1.00")));
        assertEquals(new BigDecimal("-1.50"),
                new Earning(EarningKind.BASE_SALARY, "", new BigDecimal("-1.5")).amount());
    }

    @Test
    void aReceiptOfDifferencesPaidInExcessHasANegativeNetTheWorkerOwes() {
        // a complementary run after the complement was lowered from 550,00 to 500,00: 50,00 and the contributions
        // on it paid in excess (4,70 % of 50,00 = 2,35), nothing withheld
        Payslip payslip = new Payslip(COMPANY, WORKER, MARCH,
                List.of(new Earning(EarningKind.SALARY_COMPLEMENT, "Atrasos 02/2026: Complemento de puesto",
                        new BigDecimal("-50.00"))),
                List.of(new Contribution(Item.COMMON, Optional.empty(), Optional.empty(), new BigDecimal("-2.35"),
                        SOURCE)),
                new Payslip.Withholding(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, SOURCE), BigDecimal.ZERO,
                BigDecimal.ZERO, List.of(), LocalDate.of(2026, 3, 31),
                new Payslip.Bases(new BigDecimal("-50.00"), BigDecimal.ZERO, new BigDecimal("-50.00"),
                        new BigDecimal("-50.00"), BigDecimal.ZERO),
                List.of(new Contribution(Item.COMMON, Optional.empty(), Optional.empty(), new BigDecimal("-11.80"),
                        SOURCE)));

        assertEquals(new BigDecimal("-50.00"), payslip.totalEarned());
        assertEquals(new BigDecimal("-2.35"), payslip.totalDeducted());
        assertEquals(new BigDecimal("-47.65"), payslip.net());
        assertEquals(new BigDecimal("-11.80"), payslip.totalEmployerContributions());
    }

    @Test
    void theHeadingNeedsItsParties() {
        assertThrows(IllegalArgumentException.class,
                () -> new Payslip.Worker(" ", "00000000T", "281234567890", "Educadora social", 2, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Payslip.Worker("Ana Pérez", "00000000T", "281234567890",
                "Educadora social", 12, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Payslip.Company("Asociación Ejemplo", "", "G1", "28"));
    }

    @Test
    void everyContributionConceptOfTheCalculatorHasItsItem() {
        // the concept codes payroll.control.Contributions gives its lines: the items of contribution-rates.csv, and
        // the AT/EP, solidarity-band and short-contract lines it adds
        for (ContributionRules.Item item : ContributionRules.Item.values()) {
            Item.of(item.code());
        }
        for (String code : List.of("at-ep-it", "at-ep-ims", "solidarity-1", "solidarity-2", "solidarity-3",
                "short-contract")) {
            Item.of(code);
        }
        assertEquals(Item.UNEMPLOYMENT, Item.of("unemployment-fixed-term"));
        assertEquals(Item.SOLIDARITY, Item.of("solidarity-3"));
        assertThrows(IllegalArgumentException.class, () -> Item.of("pension"));
    }
}
