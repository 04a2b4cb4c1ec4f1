package coop.intercoop.hub.accounting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TrialBalanceTest {

    private static final LocalDate DATE = LocalDate.of(2025, 3, 15);
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final Map<String, String> NAMES = Map.of("5", "Cuentas financieras", "6", "Compras y gastos", "7",
            "Ventas e ingresos", "572", "Bancos", "570", "Caja, euros", "629", "Otros servicios", "721",
            "Aportaciones de usuarios", "5720001", "Banco Uno", "5720002", "Banco Dos");

    private static Movement m(String debit, String credit) {
        return new Movement(new BigDecimal(debit), new BigDecimal(credit));
    }

    private static final Map<String, Movement> BOOKS = Map.of("570", m("300.00", "120.50"), "5720001",
            m("100.00", "0.00"), "5720002", m("0.00", "40.00"), "629", m("120.50", "0.00"), "721", m("0.00", "360.00"),
            "640", m("0.00", "0.00"));

    @Test
    void threeDigitLevelRollsSubaccountsUpAndNetsTheirBalance() {
        TrialBalance tb = TrialBalance.of(DATE, FROM, ReportLevel.THREE_DIGITS, BOOKS, NAMES::get);
        assertEquals(List.of("570", "572", "629", "721"), tb.rows().stream().map(TrialBalance.Row::code).toList());
        TrialBalance.Row bank = tb.rows().get(1);
        assertEquals("Bancos", bank.name());
        assertEquals(new BigDecimal("100.00"), bank.debit());
        assertEquals(new BigDecimal("40.00"), bank.credit());
        assertEquals(new BigDecimal("60.00"), bank.balanceDebit());
        assertEquals(new BigDecimal("0.00"), bank.balanceCredit());
        assertEquals("3", tb.level());
    }

    @Test
    void groupLevelTotalsBalance() {
        TrialBalance tb = TrialBalance.of(DATE, FROM, ReportLevel.GROUP, BOOKS, NAMES::get);
        assertEquals(List.of("5", "6", "7"), tb.rows().stream().map(TrialBalance.Row::code).toList());
        assertEquals(new BigDecimal("520.50"), tb.totals().debit());
        assertEquals(tb.totals().debit(), tb.totals().credit());
        assertEquals(new BigDecimal("360.00"), tb.totals().balanceDebit());
        assertEquals(tb.totals().balanceDebit(), tb.totals().balanceCredit());
    }

    @Test
    void postingLevelKeepsEveryAccountWithMovementsAndLeavesOutTheRest() {
        TrialBalance tb = TrialBalance.of(DATE, FROM, ReportLevel.POSTING, BOOKS, NAMES::get);
        assertEquals(List.of("570", "5720001", "5720002", "629", "721"),
                tb.rows().stream().map(TrialBalance.Row::code).toList());
        assertEquals(new BigDecimal("40.00"), tb.rows().get(2).balanceCredit());
        assertEquals("", TrialBalance.of(DATE, FROM, ReportLevel.POSTING, Map.of("999", m("1.00", "0.00")), NAMES::get)
                .rows().get(0).name());
    }

    @Test
    void levelsAreParsedFromTheirApiCodes() {
        assertEquals(ReportLevel.GROUP, ReportLevel.fromString("group"));
        assertEquals(ReportLevel.THREE_DIGITS, ReportLevel.fromString("3"));
        assertEquals(ReportLevel.POSTING, ReportLevel.fromString(" POSTING "));
        assertNull(ReportLevel.fromString(null), "absent: the parameter's default applies");
        assertNull(ReportLevel.fromString(" "), "blank is absent");
        assertEquals("level", assertThrows(InvalidReportException.class, () -> ReportLevel.fromString("4")).field());
    }
}
