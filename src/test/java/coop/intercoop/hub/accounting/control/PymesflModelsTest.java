package coop.intercoop.hub.accounting.control;

import static coop.intercoop.hub.accounting.entity.HandPostedBooks.credit;
import static coop.intercoop.hub.accounting.entity.HandPostedBooks.debit;
import static coop.intercoop.hub.accounting.entity.HandPostedBooks.debitAndCredit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.accounting.entity.Movement;
import coop.intercoop.hub.accounting.entity.Statement;

/**
 * The PYMESFL statement models of {@code config/statements} (Resolución ICAC de 26 de marzo de 2013, BOE-A-2013-3736,
 * tercera parte: the balance and the cuenta de resultados of the small and medium non-profit entities) worked by hand
 * over a first year, in a plan without groups 8 and 9: grants are credited straight to 130 and transferred to 746.
 */
class PymesflModelsTest {

    private final StatementModels models = new StatementModels("config/statements");

    /**
     * A first year of a small association, posted by hand: a fondo social of 3,000 paid into the bank (5720 / 101);
     * members' fees of 2,400 (5720 / 720); a grant of 5,000 for the year's activity, spent in it (5720 / 740); a
     * capital grant of 6,000 for a van received into 1300 (5720 / 1300), the van bought for 12,000 (218 / 5720),
     * amortised by 1,200 (681 / 2818) and a tenth of the grant transferred to the surplus (1300 / 746); monetary aid of
     * 1,500 (650 / 5720); salaries of 4,000 (640 / 5720 3,400 and 4751 600 withheld); bank charges of 50 (669 / 5720);
     * sales of 1,000 in its shop (5720 / 705); and a service of 200 paid from a second bank account (629 / 5721), which
     * goes into overdraft.
     */
    private static Map<String, Movement> firstYear() {
        Map<String, Movement> books = new HashMap<>();
        books.put("5720", debitAndCredit("17400.00", "16950.00"));
        books.put("5721", credit("200.00"));
        books.put("101", credit("3000.00"));
        books.put("720", credit("2400.00"));
        books.put("740", credit("5000.00"));
        books.put("1300", debitAndCredit("600.00", "6000.00"));
        books.put("218", debit("12000.00"));
        books.put("681", debit("1200.00"));
        books.put("2818", credit("1200.00"));
        books.put("746", credit("600.00"));
        books.put("650", debit("1500.00"));
        books.put("640", debit("4000.00"));
        books.put("4751", credit("600.00"));
        books.put("669", debit("50.00"));
        books.put("705", credit("1000.00"));
        books.put("629", debit("200.00"));
        return books;
    }

    @Test
    void theWorkedBooksBalance() {
        BigDecimal net = firstYear().values().stream().map(Movement::net).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, net.signum(), "debits equal credits");
    }

    @Test
    void aFirstYearWorkedByHandGivesTheResultsAccountWithTheGrantInPartsBAndC() {
        List<Statement.Amount> amounts = models.read("pymesfl-results").evaluate(firstYear());
        // 1. Ingresos de la actividad propia: a) Cuotas de asociados y afiliados, 720; d) Subvenciones, donaciones y
        // legados imputados al excedente del ejercicio, 740.
        assertEquals(new BigDecimal("2400.00"), Statement.amountOf(amounts, "1.a"));
        assertEquals(new BigDecimal("5000.00"), Statement.amountOf(amounts, "1.d"));
        assertEquals(new BigDecimal("7400.00"), Statement.amountOf(amounts, "1"));
        // 2. Ventas y otros ingresos de la actividad mercantil: 705.
        assertEquals(new BigDecimal("1000.00"), Statement.amountOf(amounts, "2"));
        // 3. Gastos por ayudas y otros: a) Ayudas monetarias, (650).
        assertEquals(new BigDecimal("-1500.00"), Statement.amountOf(amounts, "3.a"));
        // 8. Gastos de personal: (64).
        assertEquals(new BigDecimal("-4000.00"), Statement.amountOf(amounts, "8"));
        // 9. Otros gastos de la actividad: (62).
        assertEquals(new BigDecimal("-200.00"), Statement.amountOf(amounts, "9"));
        // 10. Amortización del inmovilizado: (68).
        assertEquals(new BigDecimal("-1200.00"), Statement.amountOf(amounts, "10"));
        // 11. Subvenciones, donaciones y legados de capital traspasados al excedente del ejercicio: 746.
        assertEquals(new BigDecimal("600.00"), Statement.amountOf(amounts, "11"));
        // A.1) 7,400 + 1,000 - 1,500 - 4,000 - 200 - 1,200 + 600.
        assertEquals(new BigDecimal("2100.00"), Statement.amountOf(amounts, "A.1"));
        // 15. Gastos financieros: (669); A.2) and A.3).
        assertEquals(new BigDecimal("-50.00"), Statement.amountOf(amounts, "15"));
        assertEquals(new BigDecimal("-50.00"), Statement.amountOf(amounts, "A.2"));
        assertEquals(new BigDecimal("2050.00"), Statement.amountOf(amounts, "A.3"));
        // A.4) Variación de patrimonio neto reconocida en el excedente del ejercicio: no income tax.
        assertEquals(new BigDecimal("2050.00"), Statement.amountOf(amounts, "A.4"));
        // B) 1. Subvenciones recibidas: what was credited to 130 in the year; C) 1. Subvenciones recibidas: what was
        // debited to it, its transfer to the surplus. The grant is not in H) Otras variaciones.
        assertEquals(new BigDecimal("6000.00"), Statement.amountOf(amounts, "B1"));
        assertEquals(new BigDecimal("6000.00"), Statement.amountOf(amounts, "B.1"));
        assertEquals(new BigDecimal("-600.00"), Statement.amountOf(amounts, "C1"));
        assertEquals(new BigDecimal("-600.00"), Statement.amountOf(amounts, "C.1"));
        assertEquals(new BigDecimal("5400.00"), Statement.amountOf(amounts, "D"));
        assertEquals(0, Statement.amountOf(amounts, "H").signum());
        // G) Variaciones en la dotación fundacional o fondo social: 10.
        assertEquals(new BigDecimal("3000.00"), Statement.amountOf(amounts, "G"));
        // I) A.4 + D + G: the whole change of equity in the year.
        assertEquals(new BigDecimal("10450.00"), Statement.amountOf(amounts, "I"));
    }

    @Test
    void aFirstYearWorkedByHandGivesABalanceSheetThatBalances() {
        List<Statement.Amount> amounts = models.read("pymesfl-balance").evaluate(firstYear());
        // A.III Inmovilizado material: 21, (281): 12,000 - 1,200.
        assertEquals(new BigDecimal("10800.00"), Statement.amountOf(amounts, "A.III"));
        // B.VII Efectivo y otros activos líquidos equivalentes: 5720 only; 5721 is in overdraft and goes to C.II.1.
        assertEquals(new BigDecimal("450.00"), Statement.amountOf(amounts, "B.VII"));
        assertEquals(new BigDecimal("11250.00"), Statement.amountOf(amounts, "ACTIVO"));
        // A-1.I.1 Dotación fundacional/Fondo social: 101; A-1.IV Excedente del ejercicio: 129 and groups 6 and 7, the
        // results account's A.4.
        assertEquals(new BigDecimal("3000.00"), Statement.amountOf(amounts, "P.A-1.I.1"));
        assertEquals(new BigDecimal("2050.00"), Statement.amountOf(amounts, "P.A-1.IV"));
        // A-2 Subvenciones, donaciones y legados recibidos: 130, 6,000 received less 600 transferred.
        assertEquals(new BigDecimal("5400.00"), Statement.amountOf(amounts, "P.A-2"));
        // A) equals the results account's I) in a first year, which starts from nothing.
        assertEquals(new BigDecimal("10450.00"), Statement.amountOf(amounts, "P.A"));
        // C.II.1 Deudas con entidades de crédito: the overdraft of 5721; C.V.2 Otros acreedores: 4751.
        assertEquals(new BigDecimal("200.00"), Statement.amountOf(amounts, "P.C.II.1"));
        assertEquals(new BigDecimal("600.00"), Statement.amountOf(amounts, "P.C.V.2"));
        assertEquals(new BigDecimal("800.00"), Statement.amountOf(amounts, "P.C"));
        assertEquals(new BigDecimal("11250.00"), Statement.amountOf(amounts, "PNP"));
    }
}
