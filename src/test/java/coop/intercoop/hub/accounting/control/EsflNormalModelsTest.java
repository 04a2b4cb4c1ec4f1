package coop.intercoop.hub.accounting.control;

import static coop.intercoop.hub.accounting.control.StatementChecks.arbitraryBooks;
import static coop.intercoop.hub.accounting.control.StatementChecks.balancedBooks;
import static coop.intercoop.hub.accounting.entity.HandPostedBooks.credit;
import static coop.intercoop.hub.accounting.entity.HandPostedBooks.debit;
import static coop.intercoop.hub.accounting.entity.HandPostedBooks.debitAndCredit;
import static coop.intercoop.hub.accounting.control.StatementChecks.notOnce;
import static coop.intercoop.hub.accounting.control.StatementChecks.postingCodes;
import static coop.intercoop.hub.accounting.control.StatementChecks.unknownAccounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.accounting.entity.StatementSize;
import coop.intercoop.hub.accounting.entity.Movement;
import coop.intercoop.hub.accounting.entity.Statement;

/**
 * The normal models of the ESFL plan in {@code config/statements} (Resolución ICAC de 26 de marzo de 2013,
 * BOE-A-2013-3781, tercera parte, "Modelos normales de cuentas anuales": "Balance" and "Cuenta de Resultados") against
 * the ESFL chart of {@code config/charts}, and beside the abbreviated models of the same plan.
 */
class EsflNormalModelsTest {

    private static final String CHART = "pgc-esfl";
    private static final String BALANCE = "esfl-normal-balance";
    private static final String RESULTS = "esfl-normal-results";

    private final StatementModels models = new StatementModels("config/statements");

    @Test
    void plansNameTheNormalModelsOfTheEsflPlan() {
        Map<StatementModels.Choice, String> plans = models.plans();
        assertEquals(BALANCE,
                plans.get(new StatementModels.Choice(CHART, StatementSize.NORMAL, StatementModels.Kind.BALANCE)));
        assertEquals(RESULTS,
                plans.get(new StatementModels.Choice(CHART, StatementSize.NORMAL, StatementModels.Kind.RESULTS)));
    }

    @Test
    void theBalanceSheetTakesEveryPostingAccountExactlyOnce() {
        assertEquals("", notOnce(models.read(BALANCE).linesTaking(postingCodes(CHART, "123456789"))));
    }

    @Test
    void theResultsAccountTakesEveryIncomeAndExpenseAccountExactlyOnce() {
        assertEquals("", notOnce(models.read(RESULTS).linesTaking(postingCodes(CHART, "6789"))));
    }

    /** Subgroups 10 to 13 in H or I, so J is the change of equity. */
    @Test
    void theResultsAccountTakesEveryEquityAccountExactlyOnce() {
        List<String> equity = postingCodes(CHART, "1").stream().filter(code -> code.compareTo("14") < 0).toList();
        assertTrue(equity.contains("100") && equity.contains("1300"), equity.toString());
        assertEquals("", notOnce(models.read(RESULTS).linesTaking(equity)));
    }

    @Test
    void everyAccountTermOfBothModelsNamesAnAccountOfTheChart() {
        assertEquals("", unknownAccounts(models.read(BALANCE), CHART));
        assertEquals("", unknownAccounts(models.read(RESULTS), CHART));
    }

    @Test
    void assetsEqualEquityAndLiabilitiesForAnyBalancedBooks() {
        List<Statement.Amount> amounts = models.read(BALANCE).evaluate(balancedBooks(postingCodes(CHART, "123456789")));
        assertEquals(Statement.amountOf(amounts, "ACTIVO"), Statement.amountOf(amounts, "PNP"));
        assertTrue(Statement.amountOf(amounts, "ACTIVO").signum() != 0);
    }

    /** J is the net credit of the accounts of equity (10 to 13), income and expenses (6 to 9); E is C.1 + D.1. */
    @Test
    void theTotalChangeOfEquityIsTheNetCreditOfEquityIncomeAndExpenseAccounts() {
        List<String> codes = postingCodes(CHART, "16789").stream()
                .filter(code -> !code.startsWith("1") || code.compareTo("14") < 0).toList();
        Map<String, Movement> books = arbitraryBooks(codes);
        BigDecimal credit = books.values().stream().map(Movement::net).reduce(BigDecimal.ZERO, BigDecimal::subtract);
        List<Statement.Amount> amounts = models.read(RESULTS).evaluate(books);
        assertEquals(credit.setScale(2), Statement.amountOf(amounts, "J"));
        assertEquals(Statement.amountOf(amounts, "C.1").add(Statement.amountOf(amounts, "D.1")),
                Statement.amountOf(amounts, "E"));
        assertTrue(Statement.amountOf(amounts, "J").signum() != 0);
    }

    /** For any books, the surplus of the results account (A.5) is the one the balance sheet shows in A-1 IV. */
    @Test
    void theSurplusOfTheResultsAccountIsTheOneTheBalanceSheetShowsBeforeClosing() {
        Map<String, Movement> books = arbitraryBooks(postingCodes(CHART, "67"));
        BigDecimal surplus = Statement.amountOf(models.read(RESULTS).evaluate(books), "A.5");
        assertTrue(surplus.signum() != 0);
        assertEquals(surplus, Statement.amountOf(models.read(BALANCE).evaluate(books), "P.A-1.IV"));
    }

    /**
     * The model's 126 lines, 71 of assets (totals, masses, headings I to VIII and their numbered lines) and 55 of
     * equity and liabilities, and the four its norms tell to create for accounts of the cuadro: "Investigación" and
     * "Otras inversiones" in the assets, "Activos no corrientes y pasivos vinculados, mantenidos para la venta" and
     * "Diferencia de conversión" in A-2.
     */
    @Test
    void theBalanceSheetHasTheLinesOfTheModel() {
        Statement balance = models.read(BALANCE);
        assertEquals(130, balance.lines().size());
        List<String> codes = balance.lines().stream().map(Statement.Line::code).toList();
        assertEquals(73, codes.indexOf("PNP"));
        assertEquals(List.of("ACTIVO", "A", "A.I", "A.I.INV", "A.I.1", "A.I.2", "A.I.3", "A.I.4", "A.I.5", "A.I.6",
                "A.I.7", "A.II", "A.II.1", "A.II.2", "A.II.3", "A.II.4", "A.II.5", "A.II.6", "A.III", "A.III.1",
                "A.III.2", "A.III.3"), codes.subList(0, 22));
        assertEquals(List.of("P.A-2", "P.A-2.I", "P.A-2.II", "P.A-2.ANC", "P.A-2.DC", "P.A-2.III", "P.A-3"),
                codes.subList(codes.indexOf("P.A-2"), codes.indexOf("P.A-3") + 1));
        Map<String, Statement.Line> lines = balance.byCode();
        assertEquals("TOTAL ACTIVO (A + B)", lines.get("ACTIVO").caption());
        assertEquals("7. Fundadores por desembolsos exigidos", lines.get("B.IV.7").caption());
        assertEquals("1. Tesorería", lines.get("B.VIII.1").caption());
        assertEquals("III. Otros", lines.get("P.A-2.III").caption());
        assertEquals("II. Donaciones y legados", lines.get("P.A-3.II").caption());
        assertEquals("5. Otros pasivos financieros", lines.get("P.C.III.5").caption());
        assertEquals("7. Anticipos recibidos por pedidos", lines.get("P.C.VI.7").caption());
        assertEquals("TOTAL PATRIMONIO NETO Y PASIVO (A + B + C)", lines.get("PNP").caption());
    }

    /**
     * The model's lines 1 to 20, A.1 to A.5 and C to J with their lettered sub-lines, and the lines its norms tell to
     * create: DN and OR in the surplus of the activity, C.ANC, C.DC, D.ANC and D.DC in the parts of equity.
     */
    @Test
    void theResultsAccountHasTheLinesOfTheModel() {
        Statement results = models.read(RESULTS);
        assertEquals(86, results.lines().size());
        assertEquals(
                List.of("1", "1.a", "1.b", "1.c", "1.d", "1.e", "1.f", "2", "3", "3.a", "3.b", "3.c", "3.d", "4", "5",
                        "6", "7", "8", "8.a", "8.b", "8.c", "9", "9.a", "9.b", "9.c", "9.d", "10", "11", "11.a", "11.b",
                        "12", "13", "13.a", "13.b", "DN", "OR", "A.1", "14", "14.a", "14.a1", "14.a2", "14.b", "14.b1",
                        "14.b2", "15", "15.a", "15.b", "15.c", "16", "16.a", "16.b", "17", "18", "18.a", "18.b", "A.2",
                        "A.3", "19", "A.4", "20", "A.5", "C", "C1", "C2", "C3", "C4", "C5", "C.ANC", "C.DC", "C6",
                        "C.1", "D", "D1", "D2", "D3", "D4", "D.ANC", "D.DC", "D5", "D.1", "E", "F", "G", "H", "I", "J"),
                results.lines().stream().map(Statement.Line::code).toList());
        Map<String, Statement.Line> lines = results.byCode();
        assertEquals("e) Donaciones y legados imputados al excedente del ejercicio", lines.get("1.e").caption());
        assertEquals("c) Pérdidas, deterioro y variación de provisiones por operaciones comerciales",
                lines.get("9.c").caption());
        assertEquals("A.5) Variación de patrimonio neto reconocida en el excedente del ejercicio (A.4+20)",
                lines.get("A.5").caption());
        assertEquals("J) RESULTADO TOTAL, VARIACIÓN DEL PATRIMONIO NETO EN EL EJERCICIO (A.5+E+F+G+H+I)",
                lines.get("J").caption());
    }

    /** The judgements stated in the models' headers, for accounts the model lists twice or not at all. */
    @Test
    void accountsTheModelListsTwiceOrNotAtAllAreOnTheLinesTheHeadersState() {
        Statement balance = models.read(BALANCE);
        Map<String, List<String>> taking = balance.linesTaking(List.of("551", "5525", "5523", "473", "554", "200",
                "267", "1341", "135", "136", "553", "4757", "5720", "811", "8301"));
        assertEquals(List.of("B.VI.5"), taking.get("551"));
        assertEquals(List.of("B.VI.5"), taking.get("5525"));
        assertEquals(List.of("B.V.5"), taking.get("5523"));
        assertEquals(List.of("B.IV.5"), taking.get("473"));
        assertEquals(List.of("B.VI.5"), taking.get("554"));
        assertEquals(List.of("A.I.INV"), taking.get("200"));
        assertEquals(List.of("A.VI.OI"), taking.get("267"));
        assertEquals(List.of("P.A-2.DC"), taking.get("1341"));
        assertEquals(List.of("P.A-2.DC"), taking.get("135"));
        assertEquals(List.of("P.A-2.DC"), taking.get("811"));
        assertEquals(List.of("P.A-2.ANC"), taking.get("136"));
        assertEquals(List.of("P.A-2.III"), taking.get("8301"));
        assertEquals(List.of("P.C.III.5"), taking.get("553"));
        assertEquals(List.of("P.C.VI.6"), taking.get("4757"));
        assertEquals(List.of("B.VIII.1 (D) | P.C.III.2 (C)"), taking.get("5720"));
        Map<String, List<String>> results = models.read(RESULTS)
                .linesTaking(List.of("678", "778", "774", "8301", "811", "913", "860", "962"));
        assertEquals(List.of("OR"), results.get("678"));
        assertEquals(List.of("OR"), results.get("778"));
        assertEquals(List.of("DN"), results.get("774"));
        assertEquals(List.of("C6"), results.get("8301"));
        assertEquals(List.of("C.DC"), results.get("811"));
        assertEquals(List.of("D.DC"), results.get("913"));
        assertEquals(List.of("C.ANC"), results.get("860"));
        assertEquals(List.of("D.ANC"), results.get("962"));
    }

    /**
     * A foundation's first year, posted by hand: an endowment of 30,000 into the bank (100 / 5720); a capital grant of
     * the State of 10,000 received into the bank and recognised in equity (5720 / 9400), which buys equipment (217 /
     * 5720) amortised by 2,000 (681 / 2817), and 2,000 of the grant transferred to the surplus with it (8400 / 745); a
     * donation of 3,000 for the activity recognised in equity (5720 / 9421), of which 1,800 spent and transferred (8421
     * / 747); salaries of 8,000 (640 / 4751 1,200, 5720 6,800) and Social Security of 2,500 (642 / 476); services of
     * 1,500 on credit (629 / 410), of which 1,000 paid from a second bank account (410 / 5721) that goes into
     * overdraft.
     */
    private static Map<String, Movement> firstYear() {
        Map<String, Movement> books = new HashMap<>();
        books.put("100", credit("30000.00"));
        books.put("5720", debitAndCredit("43000.00", "16800.00"));
        books.put("5721", credit("1000.00"));
        books.put("9400", credit("10000.00"));
        books.put("217", debit("10000.00"));
        books.put("681", debit("2000.00"));
        books.put("2817", credit("2000.00"));
        books.put("8400", debit("2000.00"));
        books.put("745", credit("2000.00"));
        books.put("9421", credit("3000.00"));
        books.put("8421", debit("1800.00"));
        books.put("747", credit("1800.00"));
        books.put("640", debit("8000.00"));
        books.put("4751", credit("1200.00"));
        books.put("642", debit("2500.00"));
        books.put("476", credit("2500.00"));
        books.put("629", debit("1500.00"));
        books.put("410", debitAndCredit("1000.00", "1500.00"));
        return books;
    }

    @Test
    void aFirstYearWorkedByHandGivesTheNormalResultsAccount() {
        List<Statement.Amount> amounts = models.read(RESULTS).evaluate(firstYear());
        // 1.e Donaciones y legados imputados al excedente del ejercicio: 747.
        assertEquals(new BigDecimal("1800.00"), Statement.amountOf(amounts, "1.e"));
        assertEquals(new BigDecimal("0.00"), Statement.amountOf(amounts, "1.d"));
        assertEquals(new BigDecimal("1800.00"), Statement.amountOf(amounts, "1"));
        // 8.a Sueldos, salarios y asimilados: (640); 8.b Cargas sociales: (642).
        assertEquals(new BigDecimal("-8000.00"), Statement.amountOf(amounts, "8.a"));
        assertEquals(new BigDecimal("-2500.00"), Statement.amountOf(amounts, "8.b"));
        assertEquals(new BigDecimal("-10500.00"), Statement.amountOf(amounts, "8"));
        // 9.a Servicios exteriores: (62).
        assertEquals(new BigDecimal("-1500.00"), Statement.amountOf(amounts, "9.a"));
        // 10. Amortización del inmovilizado: (68).
        assertEquals(new BigDecimal("-2000.00"), Statement.amountOf(amounts, "10"));
        // 11.a Subvenciones de capital traspasadas al excedente del ejercicio: 745.
        assertEquals(new BigDecimal("2000.00"), Statement.amountOf(amounts, "11.a"));
        // A.1 = 1,800 - 10,500 - 1,500 - 2,000 + 2,000; no financial lines, no tax, nothing discontinued.
        assertEquals(new BigDecimal("-10200.00"), Statement.amountOf(amounts, "A.1"));
        assertEquals(new BigDecimal("0.00"), Statement.amountOf(amounts, "A.2"));
        assertEquals(new BigDecimal("-10200.00"), Statement.amountOf(amounts, "A.4"));
        assertEquals(new BigDecimal("-10200.00"), Statement.amountOf(amounts, "A.5"));
        // C.3 Subvenciones recibidas: 940; C.4 Donaciones y legados recibidos: 9421.
        assertEquals(new BigDecimal("10000.00"), Statement.amountOf(amounts, "C3"));
        assertEquals(new BigDecimal("3000.00"), Statement.amountOf(amounts, "C4"));
        assertEquals(new BigDecimal("13000.00"), Statement.amountOf(amounts, "C.1"));
        // D.3 Subvenciones recibidas: (840); D.4 Donaciones y legados recibidos: (8421).
        assertEquals(new BigDecimal("-2000.00"), Statement.amountOf(amounts, "D3"));
        assertEquals(new BigDecimal("-1800.00"), Statement.amountOf(amounts, "D4"));
        assertEquals(new BigDecimal("-3800.00"), Statement.amountOf(amounts, "D.1"));
        // E = C.1 + D.1.
        assertEquals(new BigDecimal("9200.00"), Statement.amountOf(amounts, "E"));
        // H Variaciones en la dotación fundacional o fondo social: the endowment credited to 100; I nothing.
        assertEquals(new BigDecimal("30000.00"), Statement.amountOf(amounts, "H"));
        assertEquals(new BigDecimal("0.00"), Statement.amountOf(amounts, "I"));
        // J = A.5 + E + H = -10,200 + 9,200 + 30,000: the equity of the balance sheet below, from nothing.
        assertEquals(new BigDecimal("29000.00"), Statement.amountOf(amounts, "J"));
    }

    @Test
    void aFirstYearWorkedByHandGivesANormalBalanceSheetThatBalances() {
        List<Statement.Amount> amounts = models.read(BALANCE).evaluate(firstYear());
        // A.III.2 Instalaciones técnicas y otro inmovilizado material: 217, (2817): 10,000 - 2,000.
        assertEquals(new BigDecimal("8000.00"), Statement.amountOf(amounts, "A.III.2"));
        assertEquals(new BigDecimal("8000.00"), Statement.amountOf(amounts, "A"));
        // B.VIII.1 Tesorería: 5720 only, 43,000 - 16,800; 5721 is in overdraft and goes to C.III.2.
        assertEquals(new BigDecimal("26200.00"), Statement.amountOf(amounts, "B.VIII.1"));
        assertEquals(new BigDecimal("34200.00"), Statement.amountOf(amounts, "ACTIVO"));
        // A-1.I.1 Dotación fundacional/Fondo social: 100; A-1.IV Excedente del ejercicio: groups 6 and 7 before
        // closing, the results account's A.5.
        assertEquals(new BigDecimal("30000.00"), Statement.amountOf(amounts, "P.A-1.I.1"));
        assertEquals(new BigDecimal("-10200.00"), Statement.amountOf(amounts, "P.A-1.IV"));
        assertEquals(new BigDecimal("19800.00"), Statement.amountOf(amounts, "P.A-1"));
        // A-3.I Subvenciones: 9400 less 8400 until closing takes them to 1300; A-3.II Donaciones y legados: 9421 less
        // 8421 until closing takes them to 1321.
        assertEquals(new BigDecimal("8000.00"), Statement.amountOf(amounts, "P.A-3.I"));
        assertEquals(new BigDecimal("1200.00"), Statement.amountOf(amounts, "P.A-3.II"));
        assertEquals(new BigDecimal("0.00"), Statement.amountOf(amounts, "P.A-2"));
        assertEquals(new BigDecimal("29000.00"), Statement.amountOf(amounts, "P.A"));
        // C.III.2 Deudas con entidades de crédito: the overdraft of 5721.
        assertEquals(new BigDecimal("1000.00"), Statement.amountOf(amounts, "P.C.III.2"));
        // C.VI.3 Acreedores varios: 410, 1,500 - 1,000; C.VI.6 Otras deudas con las Administraciones Públicas: 4751,
        // 476.
        assertEquals(new BigDecimal("500.00"), Statement.amountOf(amounts, "P.C.VI.3"));
        assertEquals(new BigDecimal("3700.00"), Statement.amountOf(amounts, "P.C.VI.6"));
        assertEquals(new BigDecimal("5200.00"), Statement.amountOf(amounts, "P.C"));
        assertEquals(new BigDecimal("34200.00"), Statement.amountOf(amounts, "PNP"));
    }

    /** The two sizes group the same accounts in more or fewer lines: their totals are the same for the same books. */
    @Test
    void theNormalAndTheAbbreviatedBalanceSheetHaveTheSameTotals() {
        for (Map<String, Movement> books : List.of(firstYear(), balancedBooks(postingCodes(CHART, "123456789")))) {
            List<Statement.Amount> normal = models.read(BALANCE).evaluate(books);
            List<Statement.Amount> abbreviated = models.read("esfl-abbreviated-balance").evaluate(books);
            for (String total : List.of("ACTIVO", "A", "B", "PNP", "P.A", "P.B", "P.C")) {
                assertEquals(Statement.amountOf(abbreviated, total), Statement.amountOf(normal, total), total);
            }
        }
    }

    /** The same for the results account: the surplus and the total change of equity. */
    @Test
    void theNormalAndTheAbbreviatedResultsAccountHaveTheSameTotals() {
        List<String> codes = postingCodes(CHART, "16789").stream()
                .filter(code -> !code.startsWith("1") || code.compareTo("14") < 0).toList();
        for (Map<String, Movement> books : List.of(firstYear(), arbitraryBooks(codes))) {
            List<Statement.Amount> normal = models.read(RESULTS).evaluate(books);
            List<Statement.Amount> abbreviated = models.read("esfl-abbreviated-results").evaluate(books);
            assertEquals(Statement.amountOf(abbreviated, "A.1"), Statement.amountOf(normal, "A.1"));
            assertEquals(Statement.amountOf(abbreviated, "A.4"), Statement.amountOf(normal, "A.5"));
            assertEquals(Statement.amountOf(abbreviated, "D"), Statement.amountOf(normal, "E"));
            assertEquals(Statement.amountOf(abbreviated, "I"), Statement.amountOf(normal, "J"));
        }
    }
}
