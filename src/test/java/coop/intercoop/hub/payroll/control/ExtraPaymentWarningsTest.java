package coop.intercoop.hub.payroll.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.control.Contributions.ContractKind;
import coop.intercoop.hub.payroll.control.MonthlyPay.ExtraPayment;
import coop.intercoop.hub.payroll.control.MonthlyPay.Item;
import coop.intercoop.hub.payroll.control.PayrollRuns.Warning;
import coop.intercoop.hub.payroll.entity.Source;

/**
 * The warnings of a month with extra payments paid whole (ET art. 31), whose accrual period each agreement sets: a
 * worker leaving with payments to come, and a payment to a worker who joined within the year before it.
 */
class ExtraPaymentWarningsTest {

    private static final Source CONTRACT = new Source("contract of employment, clause 4", Source.Status.VERIFIED);
    private static final ExtraPayment SUMMER_AND_CHRISTMAS = new ExtraPayment("Paga extraordinaria",
            new BigDecimal("1500.00"), Set.of(Month.JUNE, Month.DECEMBER), false, true, true, CONTRACT);

    private static MonthlyPay.Contract contract(LocalDate start, LocalDate end, List<ExtraPayment> extras) {
        return new MonthlyPay.Contract(start, Optional.ofNullable(end), ContractKind.OPEN_ENDED,
                Withholding.Relationship.COMMON, 5, false, Optional.of("88"), Optional.empty(), Optional.empty(),
                List.of(new Item("Salario base", new BigDecimal("1500.00"), true, true, true, CONTRACT)), extras);
    }

    private static List<String> keys(List<Warning> warnings) {
        return warnings.stream().map(Warning::key).toList();
    }

    @Test
    void aWorkerLeavingWithExtrasToComeIsToldTheAccruedPartIsOwed() {
        List<Warning> march = ExtraPaymentWarnings.of(
                contract(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 3, 15), List.of(SUMMER_AND_CHRISTMAS)),
                YearMonth.of(2026, 3));
        assertEquals(List.of(ExtraPaymentWarnings.LEAVING), keys(march));
        assertEquals("El contrato acaba el 2026-03-15. De las pagas extraordinarias que se pagan enteras (Paga"
                + " extraordinaria) se debe a quien se va la parte devengada y aún no pagada, según el periodo de devengo"
                + " que fije el convenio, que el hub no tiene: regístrela como partida variable de este mes (salarial,"
                + " con retención, sin cotizar: sus dozavas ya estaban en la base de cada mes).",
                PayrollRuns.message(march.get(0), Locale.forLanguageTag("es")));
        // a month before the last, and a contract whose extras are prorated, have nothing to settle
        assertEquals(List.of(),
                ExtraPaymentWarnings.of(
                        contract(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 3, 15), List.of(SUMMER_AND_CHRISTMAS)),
                        YearMonth.of(2026, 2)));
        assertEquals(List.of(),
                ExtraPaymentWarnings.of(
                        contract(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 3, 15),
                                List.of(new ExtraPayment("Prorrata", new BigDecimal("1500.00"),
                                        Set.of(Month.JUNE, Month.DECEMBER), true, true, true, CONTRACT))),
                        YearMonth.of(2026, 3)));
    }

    @Test
    void aPaymentToAWorkerWhoJoinedWithinTheYearBeforeItIsToldHowToPayPartOfIt() {
        MonthlyPay.Contract joinedInMarch = contract(LocalDate.of(2026, 3, 1), null, List.of(SUMMER_AND_CHRISTMAS));
        List<Warning> june = ExtraPaymentWarnings.of(joinedInMarch, YearMonth.of(2026, 6));
        assertEquals(List.of(ExtraPaymentWarnings.JOINING), keys(june));
        assertEquals("The contract started on 2026-03-01, less than a year before this payment of Paga extraordinaria,"
                + " which the run paid whole. If the agreement's accrual period began before that day, only part of it"
                + " is owed: give the first payment its amount as an item of its own with its months (from and until).",
                PayrollRuns.message(june.get(0), Locale.ENGLISH));
        // no payment in May; June a year and a day after the start is earned whole whatever the period
        assertEquals(List.of(), ExtraPaymentWarnings.of(joinedInMarch, YearMonth.of(2026, 5)));
        assertEquals(List.of(), ExtraPaymentWarnings
                .of(contract(LocalDate.of(2025, 6, 30), null, List.of(SUMMER_AND_CHRISTMAS)), YearMonth.of(2026, 6)));
        assertEquals(List.of(ExtraPaymentWarnings.JOINING), keys(ExtraPaymentWarnings
                .of(contract(LocalDate.of(2025, 7, 1), null, List.of(SUMMER_AND_CHRISTMAS)), YearMonth.of(2026, 6))));
    }
}
