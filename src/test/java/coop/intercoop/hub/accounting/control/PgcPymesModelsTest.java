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
 * The PGC PYMES statement models of {@code config/statements} (Real Decreto 1515/2007, BOE-A-2007-19966, tercera parte:
 * "Balance de PYMES" and "Cuenta de pérdidas y ganancias de PYMES") against the PGC PYMES chart of
 * {@code config/charts}.
 */
class PgcPymesModelsTest {

    private static final String CHART = "pgc-pymes-2007";
    private static final String BALANCE = "pgc-pymes-balance";
    private static final String RESULTS = "pgc-pymes-results";

    private final StatementModels models = new StatementModels("config/statements");

    /**
     * The model's 52 lines (18 of assets, 34 of equity and liabilities) and the three that norm 5.ª of the tercera
     * parte tells to create: "Ajustes en patrimonio neto" and the debt with special characteristics, long and short
     * term.
     */
    @Test
    void theBalanceSheetHasTheLinesOfTheModel() {
        Statement balance = models.read(BALANCE);
        assertEquals(55, balance.lines().size());
        assertEquals(
                List.of("ACTIVO", "A", "A.I", "A.II", "A.III", "A.IV", "A.V", "A.VI", "B", "B.I", "B.II", "B.II.1",
                        "B.II.2", "B.II.3", "B.III", "B.IV", "B.V", "B.VI", "PNP"),
                balance.lines().stream().map(Statement.Line::code).limit(19).toList());
        assertEquals("VII. Resultado del ejercicio", balance.byCode().get("P.A-1.VII").caption());
        assertEquals("2. (Capital no exigido)", balance.byCode().get("P.A-1.I.2").caption());
    }

    /** The model's 1 to 17 and A to D, and "Otros resultados" of norm 6.ª 6 of the tercera parte. */
    @Test
    void theResultsAccountHasTheLinesOfTheModel() {
        Statement results = models.read(RESULTS);
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "OR", "A", "12", "13", "14", "15",
                "16", "B", "C", "17", "D"), results.lines().stream().map(Statement.Line::code).toList());
        assertEquals("9. Imputación de subvenciones de inmovilizado no financiero y otras",
                results.byCode().get("9").caption());
    }

    /**
     * A first year of a small company, posted by hand: capital 10,000 into the bank (5720); a bank loan of 5,000 (170);
     * a machine of 6,000 bought on credit (213 / 523) and amortised by 600 (681 / 2813); goods bought for 3,000 plus
     * VAT 630 (600, 472 / 400); sales of 8,000 plus VAT 1,680 (430 / 700, 477); salaries of 2,000 (640 / 5720 1,700,
     * 4751 300); a capital grant of 4,000 received into 130, of which 400 imputed to results (130 / 746); bank interest
     * 150 (6623); a fine of 100 (678); income tax 200 (6300 / 4752); and a supplier paid 500 from a second bank account
     * (5721) that goes into overdraft.
     */
    private static Map<String, Movement> firstYear() {
        Map<String, Movement> books = new HashMap<>();
        books.put("5720", debitAndCredit("19000.00", "1950.00"));
        books.put("5721", credit("500.00"));
        books.put("100", credit("10000.00"));
        books.put("170", credit("5000.00"));
        books.put("213", debit("6000.00"));
        books.put("2813", credit("600.00"));
        books.put("523", credit("6000.00"));
        books.put("600", debit("3000.00"));
        books.put("472", debit("630.00"));
        books.put("400", debitAndCredit("500.00", "3630.00"));
        books.put("430", debit("9680.00"));
        books.put("700", credit("8000.00"));
        books.put("477", credit("1680.00"));
        books.put("640", debit("2000.00"));
        books.put("4751", credit("300.00"));
        books.put("681", debit("600.00"));
        books.put("130", debitAndCredit("400.00", "4000.00"));
        books.put("746", credit("400.00"));
        books.put("6623", debit("150.00"));
        books.put("678", debit("100.00"));
        books.put("6300", debit("200.00"));
        books.put("4752", credit("200.00"));
        return books;
    }

    @Test
    void aFirstYearWorkedByHandGivesTheResultsAccount() {
        List<Statement.Amount> amounts = models.read(RESULTS).evaluate(firstYear());
        // 1. Importe neto de la cifra de negocios: 700.
        assertEquals(new BigDecimal("8000.00"), Statement.amountOf(amounts, "1"));
        // 4. Aprovisionamientos: (600).
        assertEquals(new BigDecimal("-3000.00"), Statement.amountOf(amounts, "4"));
        // 6. Gastos de personal: (64).
        assertEquals(new BigDecimal("-2000.00"), Statement.amountOf(amounts, "6"));
        // 8. Amortización del inmovilizado: (68).
        assertEquals(new BigDecimal("-600.00"), Statement.amountOf(amounts, "8"));
        // 9. Imputación de subvenciones de inmovilizado no financiero y otras: 746.
        assertEquals(new BigDecimal("400.00"), Statement.amountOf(amounts, "9"));
        // Otros resultados (norm 6.ª 6): (678).
        assertEquals(new BigDecimal("-100.00"), Statement.amountOf(amounts, "OR"));
        // A) 8,000 - 3,000 - 2,000 - 600 + 400 - 100.
        assertEquals(new BigDecimal("2700.00"), Statement.amountOf(amounts, "A"));
        // 13. Gastos financieros: (662), so B) is -150.
        assertEquals(new BigDecimal("-150.00"), Statement.amountOf(amounts, "13"));
        assertEquals(new BigDecimal("-150.00"), Statement.amountOf(amounts, "B"));
        assertEquals(new BigDecimal("2550.00"), Statement.amountOf(amounts, "C"));
        // 17. Impuestos sobre beneficios: (6300).
        assertEquals(new BigDecimal("-200.00"), Statement.amountOf(amounts, "17"));
        assertEquals(new BigDecimal("2350.00"), Statement.amountOf(amounts, "D"));
    }

    @Test
    void aFirstYearWorkedByHandGivesABalanceSheetThatBalances() {
        List<Statement.Amount> amounts = models.read(BALANCE).evaluate(firstYear());
        // A.II Inmovilizado material: 21, (281): 6,000 - 600.
        assertEquals(new BigDecimal("5400.00"), Statement.amountOf(amounts, "A.II"));
        // B.II.1 Clientes: 430; B.II.3 Otros deudores: 472.
        assertEquals(new BigDecimal("9680.00"), Statement.amountOf(amounts, "B.II.1"));
        assertEquals(new BigDecimal("630.00"), Statement.amountOf(amounts, "B.II.3"));
        // B.VI Efectivo: 5720 only; 5721 is in overdraft and goes to C.II.1.
        assertEquals(new BigDecimal("17050.00"), Statement.amountOf(amounts, "B.VI"));
        assertEquals(new BigDecimal("32760.00"), Statement.amountOf(amounts, "ACTIVO"));
        // A-1.I.1 Capital escriturado: 100; A-1.VII Resultado del ejercicio: 129 and groups 6 and 7, the results
        // account's D.
        assertEquals(new BigDecimal("10000.00"), Statement.amountOf(amounts, "P.A-1.I.1"));
        assertEquals(new BigDecimal("2350.00"), Statement.amountOf(amounts, "P.A-1.VII"));
        // A-2 Subvenciones, donaciones y legados recibidos: 130, 4,000 received less 400 imputed.
        assertEquals(new BigDecimal("3600.00"), Statement.amountOf(amounts, "P.A-2"));
        assertEquals(new BigDecimal("15950.00"), Statement.amountOf(amounts, "P.A"));
        // B.II.1 Deudas con entidades de crédito: 170.
        assertEquals(new BigDecimal("5000.00"), Statement.amountOf(amounts, "P.B"));
        // C.II.1 Deudas con entidades de crédito: the overdraft of 5721; C.II.3 Otras deudas a corto plazo: 523.
        assertEquals(new BigDecimal("500.00"), Statement.amountOf(amounts, "P.C.II.1"));
        assertEquals(new BigDecimal("6000.00"), Statement.amountOf(amounts, "P.C.II.3"));
        // C.IV.1 Proveedores: 400, 3,630 - 500; C.IV.2 Otros acreedores: 4751, 4752 and 477.
        assertEquals(new BigDecimal("3130.00"), Statement.amountOf(amounts, "P.C.IV.1"));
        assertEquals(new BigDecimal("2180.00"), Statement.amountOf(amounts, "P.C.IV.2"));
        assertEquals(new BigDecimal("11810.00"), Statement.amountOf(amounts, "P.C"));
        assertEquals(new BigDecimal("32760.00"), Statement.amountOf(amounts, "PNP"));
    }
}
