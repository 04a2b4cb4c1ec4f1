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

import coop.intercoop.hub.accounting.entity.StatementSize;
import coop.intercoop.hub.accounting.entity.Movement;
import coop.intercoop.hub.accounting.entity.Statement;

/**
 * The cooperatives' statement models of {@code config/statements} (Orden EHA/3360/2010, BOE-A-2010-20034: the "Balance
 * abreviado" of Anexo II and the results account of Anexo I, see each file's header) against the cooperatives' chart of
 * {@code config/charts}.
 */
class PgcCooperativasModelsTest {

    private static final String CHART = "pgc-cooperativas";
    private static final String BALANCE = "pgc-cooperativas-balance";
    private static final String RESULTS = "pgc-cooperativas-results";

    private final StatementModels models = new StatementModels("config/statements");

    @Test
    void plansDrawUpTheCooperativesInTheirOwnModels() {
        assertEquals(BALANCE, models.of(CHART, StatementSize.ABBREVIATED, StatementModels.Kind.BALANCE).name());
        assertEquals(RESULTS, models.of(CHART, StatementSize.ABBREVIATED, StatementModels.Kind.RESULTS).name());
    }

    /**
     * Anexo II's "Balance abreviado": its lines without those marked (^), which cooperatives on the PGC PYMES leave out
     * (B.I held for sale, A-2 Ajustes por cambios de valor), 22 of assets and 57 of equity and liabilities, plus
     * "Ajustes en patrimonio neto" (norm 5.9 of the PGC PYMES) for 137: 80 lines, the FEFP in headings of its own.
     */
    @Test
    void theBalanceSheetHasTheLinesOfTheModel() {
        Statement balance = models.read(BALANCE);
        assertEquals(80, balance.lines().size());
        assertEquals(List.of("ACTIVO", "A", "A.I", "A.II", "A.III", "A.IV", "A.IV.1", "A.IV.2", "A.V", "A.VI", "B",
                "B.II", "B.III", "B.III.1", "B.III.2", "B.III.3", "B.III.4", "B.IV", "B.IV.1", "B.IV.2", "B.V", "B.VI",
                "B.VII", "PNP"), balance.lines().stream().map(Statement.Line::code).limit(24).toList());
        Map<String, Statement.Line> lines = balance.byCode();
        assertEquals("1. Capital cooperativo suscrito", lines.get("P.A-1.I.1").caption());
        assertEquals("1. Fondo de Reserva Obligatorio", lines.get("P.A-1.II.1").caption());
        assertEquals("V. Resultado de la cooperativa (positivo o negativo)", lines.get("P.A-1.V").caption());
        assertEquals("I. Fondo de Educación, Formación y Promoción a largo plazo", lines.get("P.B.I").caption());
        assertEquals("I. Fondo de Educación, Formación y Promoción a corto plazo", lines.get("P.C.I").caption());
        assertEquals("1. «Capital» reembolsable exigible", lines.get("P.B.II.1").caption());
    }

    /** Anexo I's numbered lines 1 to 19 and A.1 to A.5, the sub-lines the Orden's norms ask for, "Otros resultados". */
    @Test
    void theResultsAccountHasTheLinesOfTheModel() {
        Statement results = models.read(RESULTS);
        assertEquals(
                List.of("1", "2", "3", "4", "4.a", "4.b", "4.c", "4.d", "4.e", "5", "5.a", "5.b", "5.c", "6", "6.a",
                        "6.b", "6.b2", "7", "8", "9", "10", "11", "12", "12.a", "12.b", "OR", "A.1", "13", "14", "14.a",
                        "14.b", "14.c", "14.d", "15", "16", "17", "A.2", "A.3", "18", "A.4", "19", "A.5"),
                results.lines().stream().map(Statement.Line::code).toList());
        assertEquals("12. Fondo de Educación, Formación y Promoción", results.byCode().get("12").caption());
        assertEquals("3. Trabajos realizados por la cooperativa con su estructura interna",
                results.byCode().get("3").caption());
    }

    /**
     * A first year of a small cooperative, posted by hand: compulsory contributions to capital of 6,000 into the bank
     * (5720 / 1000), voluntary contributions of 2,000 that members may have reimbursed, a liability (5720 / 1500); a
     * bank loan of 5,000 (170); a machine of 6,000 bought on credit (213 / 523) and amortised by 600 (681 / 2813);
     * goods bought from members for 3,000 (605 / 4007), 1,000 of them paid; sales of 10,000 plus VAT 2,100 (430 / 700,
     * 477); the members' work, 2,500 (647 / 5720); a grant of 100 imputable to the FEFP (5720 / 7571); the FEFP
     * allocation of 600, the legal one and that grant's (657 / 148 300, 5298 300); compulsory interest on the
     * contributions, 80 (6647 / 507); and income tax of 150 (6300 / 4752).
     */
    private static Map<String, Movement> firstYear() {
        Map<String, Movement> books = new HashMap<>();
        books.put("5720", debitAndCredit("13100.00", "3500.00"));
        books.put("1000", credit("6000.00"));
        books.put("1500", credit("2000.00"));
        books.put("170", credit("5000.00"));
        books.put("213", debit("6000.00"));
        books.put("2813", credit("600.00"));
        books.put("523", credit("6000.00"));
        books.put("605", debit("3000.00"));
        books.put("4007", debitAndCredit("1000.00", "3000.00"));
        books.put("430", debit("12100.00"));
        books.put("700", credit("10000.00"));
        books.put("477", credit("2100.00"));
        books.put("647", debit("2500.00"));
        books.put("681", debit("600.00"));
        books.put("7571", credit("100.00"));
        books.put("657", debit("600.00"));
        books.put("148", credit("300.00"));
        books.put("5298", credit("300.00"));
        books.put("6647", debit("80.00"));
        books.put("507", credit("80.00"));
        books.put("6300", debit("150.00"));
        books.put("4752", credit("150.00"));
        return books;
    }

    @Test
    void aFirstYearWorkedByHandGivesTheResultsAccount() {
        List<Statement.Amount> amounts = models.read(RESULTS).evaluate(firstYear());
        // 1. Importe neto de la cifra de negocios: 700.
        assertEquals(new BigDecimal("10000.00"), Statement.amountOf(amounts, "1"));
        // 4.c Consumos de existencias de socios: (605); 4. Aprovisionamientos is its sum.
        assertEquals(new BigDecimal("-3000.00"), Statement.amountOf(amounts, "4.c"));
        assertEquals(new BigDecimal("-3000.00"), Statement.amountOf(amounts, "4"));
        // 6.b Servicios de trabajo de socios: (647).
        assertEquals(new BigDecimal("-2500.00"), Statement.amountOf(amounts, "6.b"));
        assertEquals(new BigDecimal("-2500.00"), Statement.amountOf(amounts, "6"));
        // 8. Amortización del inmovilizado: (68).
        assertEquals(new BigDecimal("-600.00"), Statement.amountOf(amounts, "8"));
        // 12. Fondo de Educación, Formación y Promoción: a) Dotación (657); b) Subvenciones ... 7570-7573.
        assertEquals(new BigDecimal("-600.00"), Statement.amountOf(amounts, "12.a"));
        assertEquals(new BigDecimal("100.00"), Statement.amountOf(amounts, "12.b"));
        assertEquals(new BigDecimal("-500.00"), Statement.amountOf(amounts, "12"));
        // A.1) 10,000 - 3,000 - 2,500 - 600 - 500: the FEFP is within the operating result.
        assertEquals(new BigDecimal("3400.00"), Statement.amountOf(amounts, "A.1"));
        // 14.d Intereses y retorno obligatorio de las aportaciones al capital social ...: (6647).
        assertEquals(new BigDecimal("-80.00"), Statement.amountOf(amounts, "14.d"));
        assertEquals(new BigDecimal("-80.00"), Statement.amountOf(amounts, "A.2"));
        assertEquals(new BigDecimal("3320.00"), Statement.amountOf(amounts, "A.3"));
        // 18. Impuestos sobre beneficios: (6300).
        assertEquals(new BigDecimal("-150.00"), Statement.amountOf(amounts, "18"));
        assertEquals(new BigDecimal("3170.00"), Statement.amountOf(amounts, "A.4"));
        assertEquals(new BigDecimal("0.00"), Statement.amountOf(amounts, "19"));
        assertEquals(new BigDecimal("3170.00"), Statement.amountOf(amounts, "A.5"));
    }

    @Test
    void aFirstYearWorkedByHandGivesABalanceSheetThatBalances() {
        List<Statement.Amount> amounts = models.read(BALANCE).evaluate(firstYear());
        // A.II Inmovilizado material: 21, (281), 23: 6,000 - 600.
        assertEquals(new BigDecimal("5400.00"), Statement.amountOf(amounts, "A.II"));
        // B.III.1 Clientes por ventas y prestaciones de servicios: 430.
        assertEquals(new BigDecimal("12100.00"), Statement.amountOf(amounts, "B.III.1"));
        // B.VII Efectivo: 57, 13,100 - 3,500.
        assertEquals(new BigDecimal("9600.00"), Statement.amountOf(amounts, "B.VII"));
        assertEquals(new BigDecimal("27100.00"), Statement.amountOf(amounts, "ACTIVO"));
        // A-1.I.1 Capital cooperativo suscrito: 100 (1000); A-1.V Resultado de la cooperativa: 129 and groups 6 and 7,
        // the results account's A.5.
        assertEquals(new BigDecimal("6000.00"), Statement.amountOf(amounts, "P.A-1.I.1"));
        assertEquals(new BigDecimal("3170.00"), Statement.amountOf(amounts, "P.A-1.V"));
        assertEquals(new BigDecimal("9170.00"), Statement.amountOf(amounts, "P.A"));
        // B.I Fondo de Educación, Formación y Promoción a largo plazo: 148, not among the provisions of B.III.
        assertEquals(new BigDecimal("300.00"), Statement.amountOf(amounts, "P.B.I"));
        assertEquals(new BigDecimal("0.00"), Statement.amountOf(amounts, "P.B.III"));
        // B.II.1 «Capital» reembolsable exigible: 150 (1500), the contributions members may have reimbursed.
        assertEquals(new BigDecimal("2000.00"), Statement.amountOf(amounts, "P.B.II.1"));
        // B.IV.1 Deudas con entidades de crédito: 170.
        assertEquals(new BigDecimal("5000.00"), Statement.amountOf(amounts, "P.B.IV.1"));
        assertEquals(new BigDecimal("7300.00"), Statement.amountOf(amounts, "P.B"));
        // C.I Fondo de Educación, Formación y Promoción a corto plazo: 5298, not among the provisions of C.IV.
        assertEquals(new BigDecimal("300.00"), Statement.amountOf(amounts, "P.C.I"));
        assertEquals(new BigDecimal("0.00"), Statement.amountOf(amounts, "P.C.IV"));
        // C.V.3 Otras deudas a corto plazo: 523; C.VI.3 Deudas con socios: 507.
        assertEquals(new BigDecimal("6000.00"), Statement.amountOf(amounts, "P.C.V.3"));
        assertEquals(new BigDecimal("80.00"), Statement.amountOf(amounts, "P.C.VI.3"));
        // C.VII.1 Socios proveedores: 4007, 3,000 - 1,000; C.VII.3 Otros acreedores: 477 and 4752.
        assertEquals(new BigDecimal("2000.00"), Statement.amountOf(amounts, "P.C.VII.1"));
        assertEquals(new BigDecimal("2250.00"), Statement.amountOf(amounts, "P.C.VII.3"));
        assertEquals(new BigDecimal("10630.00"), Statement.amountOf(amounts, "P.C"));
        assertEquals(new BigDecimal("27100.00"), Statement.amountOf(amounts, "PNP"));
    }
}
