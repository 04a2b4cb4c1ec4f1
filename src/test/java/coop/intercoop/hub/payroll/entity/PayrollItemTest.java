package coop.intercoop.hub.payroll.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.platform.HubException;

/** A month's item keeps the fields of its kind and no other, every refusal at once, each naming its field. */
class PayrollItemTest {

    private static final Instant NOW = Instant.parse("2026-03-31T10:00:00Z");
    private static final Locale ES = Locale.forLanguageTag("es");

    private static PayrollItemData data(String kind, Consumer<PayrollItemData> fill) {
        PayrollItemData data = new PayrollItemData();
        data.month = "2026-03";
        data.kind = kind;
        fill.accept(data);
        return data;
    }

    private static List<HubException> refusals(PayrollItemData data) {
        return assertThrows(HubException.class, () -> new PayrollItem(1, data, 1, NOW)).all();
    }

    private static List<String> fields(PayrollItemData data) {
        return refusals(data).stream().map(HubException::field).toList();
    }

    @Test
    void anOvertimeItemKeepsItsHoursAmountAndKindToCents() {
        PayrollItem item = new PayrollItem(7, data(" Overtime ", d -> {
            d.hours = new BigDecimal("4.5");
            d.amount = new BigDecimal("90");
            d.forceMajeure = true;
        }), 3, NOW);
        assertEquals(PayrollItem.Kind.OVERTIME, item.getKind());
        assertEquals(YearMonth.of(2026, 3), item.getMonth());
        assertEquals(new BigDecimal("4.50"), item.getHours());
        assertEquals(new BigDecimal("90.00"), item.getAmount());
        assertEquals(true, item.isForceMajeure());
        assertNull(item.getConcept());
        assertEquals(7, item.getEmployeeId());
        assertEquals(3, item.getCreatedBy());
    }

    @Test
    void anUnknownKindAndABadMonthAreRefusedTogether() {
        List<HubException> refused = refusals(data("bonus", d -> d.month = "03/2026"));
        assertEquals(List.of("month", "kind"), refused.stream().map(HubException::field).toList());
        assertEquals("03/2026 is not a month: year and month, as 2026-03.", refused.get(0).message(Locale.ENGLISH));
        assertEquals("'bonus' no es un tipo de partida; los tipos son hours-worked, overtime, variable, absence,"
                + " sick-leave, advance, leave-top-up.", refused.get(1).message(ES));
    }

    @Test
    void eachKindNeedsItsFieldsAndRefusesTheOthers() {
        assertEquals(List.of("amount"), fields(data("overtime", d -> d.hours = BigDecimal.ONE)));
        assertEquals(List.of("concept", "amount"), fields(data("variable", d -> d.amount = new BigDecimal("-5"))));
        assertEquals(List.of("amount", "hours"), fields(data("hours-worked", d -> d.amount = BigDecimal.TEN)));
        assertEquals(List.of("days"), fields(data("absence", d -> d.days = 31)));
        assertEquals(List.of("hours"), fields(data("hours-worked", d -> d.hours = new BigDecimal("10.125"))));
        HubException concept = refusals(data("advance", d -> d.amount = BigDecimal.TEN)).get(0);
        assertEquals("concept", concept.field());
        assertEquals("An item of kind advance needs its concept.", concept.message(Locale.ENGLISH));
        HubException other = refusals(data("absence", d -> {
            d.days = 2;
            d.amount = BigDecimal.TEN;
        })).get(0);
        assertEquals("amount", other.field());
        assertEquals("Una partida de tipo absence no lleva amount.", other.message(ES));
    }

    @Test
    void aSickLeaveIsOfTheMonthAndNeedsThePreviousMonthsBaseAndDays() {
        // order PJC/297/2026 art. 6.2: the leave's benefit and base come from the month before it
        assertEquals(List.of("firstDay", "previousBase", "previousDays"), fields(data("sick-leave", d -> {
        })));
        assertEquals(List.of("firstDay"), fields(data("sick-leave", d -> {
            d.firstDay = LocalDate.of(2026, 4, 1);
            d.previousBase = new BigDecimal("2000.00");
            d.previousDays = 30;
        })));
        List<HubException> before = refusals(data("sick-leave", d -> {
            d.firstDay = LocalDate.of(2026, 2, 1);
            d.lastDay = LocalDate.of(2026, 2, 20);
            d.previousBase = new BigDecimal("2000.00");
            d.previousDays = 30;
        }));
        assertEquals("lastDay", before.get(0).field());
        assertEquals("The leave's last day, 20/02/2026, is before the month 2026-03: the leave is not in it.",
                before.get(0).message(Locale.ENGLISH));
        assertEquals(List.of("lastDay", "previousDays"), fields(data("sick-leave", d -> {
            d.firstDay = LocalDate.of(2026, 3, 10);
            d.lastDay = LocalDate.of(2026, 3, 9);
            d.previousBase = new BigDecimal("2000.00");
            d.previousDays = 0;
        })));
        PayrollItem open = new PayrollItem(1, data("sick-leave", d -> {
            d.firstDay = LocalDate.of(2026, 2, 20);
            d.previousBase = new BigDecimal("1800");
            d.previousDays = 30;
        }), 1, NOW);
        assertNull(open.getLastDay());
        assertEquals(new BigDecimal("1800.00"), open.getPreviousBase());
        assertEquals(false, open.isOccupational());
    }

    /** The contract's rule for items not subject to withholding, on a variable item of the month. */
    @Test
    void anUntaxedVariableItemNamesItsSubkeyOfKeyLAndNoOtherKindTakesOne() {
        HubException missing = refusals(data("variable", d -> {
            d.concept = "Kilometraje";
            d.amount = new BigDecimal("38.00");
            d.taxed = false;
        })).get(0);
        assertEquals("exemptSubkey", missing.field());
        assertEquals("exempt.subkey.required", missing.key());
        PayrollItem mileage = new PayrollItem(1, data("variable", d -> {
            d.concept = "Kilometraje";
            d.amount = new BigDecimal("38.00");
            d.taxed = false;
            d.exemptSubkey = 1;
        }), 1, NOW);
        assertEquals(java.util.Optional.of(1), mileage.getExemptSubkey());
        assertEquals(List.of("exemptSubkey"), fields(data("variable", d -> {
            d.concept = "Prima";
            d.amount = BigDecimal.TEN;
            d.exemptSubkey = 1;
        })));
        assertEquals(List.of("exemptSubkey"), fields(data("advance", d -> {
            d.concept = "Anticipo";
            d.amount = BigDecimal.TEN;
            d.exemptSubkey = 1;
        })));
    }

    @Test
    void aTopUpOfTheSickLeaveBenefitTakesAConceptAndAnAmountOnly() {
        PayrollItem topUp = new PayrollItem(1, data("leave-top-up", d -> {
            d.concept = " Complemento IT convenio ";
            d.amount = new BigDecimal("400");
        }), 1, NOW);
        assertEquals(PayrollItem.Kind.LEAVE_TOP_UP, topUp.getKind());
        assertEquals("Complemento IT convenio", topUp.getConcept());
        assertEquals(new BigDecimal("400.00"), topUp.getAmount());
        assertEquals(List.of("days", "concept", "amount"), fields(data("leave-top-up", d -> d.days = 2)));
    }

    @Test
    void onlyASickLeaveIsOccupational() {
        PayrollItem accident = new PayrollItem(1, data("sick-leave", d -> {
            d.firstDay = LocalDate.of(2026, 3, 2);
            d.previousBase = new BigDecimal("2100.00");
            d.previousDays = 30;
            d.occupational = true;
        }), 1, NOW);
        assertEquals(true, accident.isOccupational());
        HubException overtime = refusals(data("overtime", d -> {
            d.hours = BigDecimal.ONE;
            d.amount = BigDecimal.TEN;
            d.occupational = true;
        })).get(0);
        assertEquals("occupational", overtime.field());
        assertEquals("An item of kind overtime does not take occupational.", overtime.message(Locale.ENGLISH));
    }
}
