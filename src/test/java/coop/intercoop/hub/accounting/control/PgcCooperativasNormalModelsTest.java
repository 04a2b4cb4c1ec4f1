package coop.intercoop.hub.accounting.control;

import static coop.intercoop.hub.accounting.control.StatementChecks.balancedBooks;
import static coop.intercoop.hub.accounting.control.StatementChecks.notOnce;
import static coop.intercoop.hub.accounting.control.StatementChecks.postingCodes;
import static coop.intercoop.hub.accounting.control.StatementChecks.unknownAccounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.accounting.entity.StatementSize;
import coop.intercoop.hub.accounting.entity.HandPostedBooks;
import coop.intercoop.hub.accounting.entity.Movement;
import coop.intercoop.hub.accounting.entity.Statement;

/**
 * The cooperatives' normal statement models of {@code config/statements} (Orden EHA/3360/2010, BOE-A-2010-20034, Anexo
 * I "Modelos normales de cuentas anuales": the balance and the results account, see each file's header) against the
 * cooperatives' chart of {@code config/charts}, and against the abbreviated models of the same plan.
 */
class PgcCooperativasNormalModelsTest {

    private static final String CHART = "pgc-cooperativas";
    private static final String BALANCE = "pgc-cooperativas-normal-balance";
    private static final String RESULTS = "pgc-cooperativas-normal-results";
    private static final String ABBREVIATED_BALANCE = "pgc-cooperativas-balance";
    private static final String ABBREVIATED_RESULTS = "pgc-cooperativas-results";

    private final StatementModels models = new StatementModels("config/statements");

    private static List<String> codes(Statement model) {
        return model.lines().stream().map(Statement.Line::code).toList();
    }

    /** The lines with no account and nothing below them: always zero. */
    private static List<String> emptyLines(Statement model) {
        List<Statement.Line> lines = model.lines();
        List<String> empty = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            boolean last = i == lines.size() - 1 || lines.get(i + 1).level() <= lines.get(i).level();
            if (lines.get(i).terms().isEmpty() && last) {
                empty.add(lines.get(i).code());
            }
        }
        return empty;
    }

    @Test
    void thePlansFileNamesTheNormalModelsBesideTheAbbreviatedOnes() {
        Map<StatementModels.Choice, String> plans = models.plans();
        assertEquals(BALANCE,
                plans.get(new StatementModels.Choice(CHART, StatementSize.NORMAL, StatementModels.Kind.BALANCE)));
        assertEquals(RESULTS,
                plans.get(new StatementModels.Choice(CHART, StatementSize.NORMAL, StatementModels.Kind.RESULTS)));
        assertEquals(ABBREVIATED_BALANCE,
                plans.get(new StatementModels.Choice(CHART, StatementSize.ABBREVIATED, StatementModels.Kind.BALANCE)));
        assertEquals(ABBREVIATED_RESULTS,
                plans.get(new StatementModels.Choice(CHART, StatementSize.ABBREVIATED, StatementModels.Kind.RESULTS)));
    }

    /**
     * Anexo I's "Balance al cierre del ejercicio 200X", every line it prints: 71 of assets (with TOTAL ACTIVO) and 77
     * of equity and liabilities (with TOTAL PATRIMONIO NETO Y PASIVO); none is marked (^) in Anexo I, so held for sale
     * and A-2 are kept.
     */
    @Test
    void theBalanceSheetHasEveryLineOfTheModel() {
        Statement balance = models.read(BALANCE);
        assertEquals(148, balance.lines().size());
        assertEquals(71, codes(balance).indexOf("PNP"));
        assertEquals(List.of("ACTIVO", "A", "A.I", "A.I.1", "A.I.2", "A.I.3", "A.I.4", "A.I.5", "A.I.6", "A.II",
                "A.II.1", "A.II.2", "A.II.3", "A.III", "A.III.1", "A.III.2", "A.IV", "A.IV.1", "A.IV.2", "A.IV.2.a",
                "A.IV.2.b", "A.IV.3", "A.IV.4", "A.IV.5", "A.IV.6", "A.V", "A.V.1", "A.V.2", "A.V.3", "A.V.4", "A.V.5",
                "A.VI"), codes(balance).subList(0, 32));
        Map<String, Statement.Line> lines = balance.byCode();
        assertEquals("I. Activos no corrientes mantenidos para la venta", lines.get("B.I").caption());
        assertEquals("c) Socios deudores", lines.get("B.III.2.c").caption());
        assertEquals("6. Créditos a socios", lines.get("B.IV.6").caption());
        assertEquals("4. Reservas estatutarias", lines.get("P.A-1.II.4").caption());
        assertEquals("2. (Resultados negativos de ejercicios anteriores)", lines.get("P.A-1.III.2").caption());
        assertEquals("VI. (Retorno cooperativo y remuneración discrecional a cuenta entregada en el ejercicio)",
                lines.get("P.A-1.VI").caption());
        assertEquals("III. Otros", lines.get("P.A-2.III").caption());
        assertEquals("I. Fondo de Educación, Formación y Promoción a largo plazo", lines.get("P.B.I").caption());
        assertEquals("C) PASIVO CORRIENTE", lines.get("P.C").caption());
        assertEquals("a) Socios proveedores", lines.get("P.C.VII.2.a").caption());
        assertEquals("7. Anticipos de clientes", lines.get("P.C.VII.7").caption());
    }

    /** Every numbered and lettered line of Anexo I's results account, and "Otros resultados": 62 lines. */
    @Test
    void theResultsAccountHasEveryLineAndLetterOfTheModel() {
        Statement results = models.read(RESULTS);
        assertEquals(List.of("1", "1.a", "1.b", "2", "3", "4", "4.a", "4.b", "4.c", "4.d", "4.e", "5", "5.a", "5.b",
                "5.c", "6", "6.a", "6.b", "6.b2", "6.c", "7", "7.a", "7.b", "7.c", "7.d", "8", "9", "10", "11", "11.a",
                "11.b", "12", "12.a", "12.b", "OR", "A.1", "13", "13.a", "13.a1", "13.a2", "13.b", "13.b1", "13.b2",
                "13.b3", "14", "14.a", "14.b", "14.c", "14.d", "15", "15.a", "15.b", "16", "17", "17.a", "17.b", "A.2",
                "A.3", "18", "A.4", "19", "A.5"), codes(results));
        assertEquals("b) Prestaciones de servicios", results.byCode().get("1.b").caption());
        assertEquals("b) Consumo de materias primas y otras materias consumibles",
                results.byCode().get("4.b").caption());
        assertEquals("b) Servicios de trabajo de socios", results.byCode().get("6.b").caption());
        assertEquals("b) Cargas sociales", results.byCode().get("6.b2").caption());
        assertEquals("A.5) RESULTADO DEL EJERCICIO (A.4+19)", results.byCode().get("A.5").caption());
    }

    /** The lines the headers list as taking no account of this chart, and the lines printed without accounts. */
    @Test
    void theLinesThatAreAlwaysZeroAreThoseTheHeadersList() {
        assertEquals(List.of("A.I.4", "A.IV.4", "A.IV.5", "B.I", "B.IV.4", "P.A-1.VIII", "P.A-2.I", "P.A-2.II",
                "P.B.III.1", "P.B.III.3", "P.C.III"), emptyLines(models.read(BALANCE)));
        assertEquals(List.of("6.c", "13.b3", "15.b", "19"), emptyLines(models.read(RESULTS)));
    }

    @Test
    void theBalanceSheetTakesEveryPostingAccountExactlyOnce() {
        assertEquals("", notOnce(models.read(BALANCE).linesTaking(postingCodes(CHART, "123456789"))));
    }

    @Test
    void theResultsAccountTakesEveryIncomeAndExpenseAccountExactlyOnceAndNoOther() {
        Statement results = models.read(RESULTS);
        assertEquals("", notOnce(results.linesTaking(postingCodes(CHART, "67"))));
        assertEquals("", results.linesTaking(postingCodes(CHART, "12345")).entrySet().stream()
                .filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).collect(Collectors.joining(", ")));
    }

    @Test
    void everyAccountTermOfBothModelsNamesAnAccountOfTheChart() {
        assertEquals("", unknownAccounts(models.read(BALANCE), CHART));
        assertEquals("", unknownAccounts(models.read(RESULTS), CHART));
    }

    /**
     * Whatever the books, the normal balance shows the totals of the abbreviated one: the masses, every roman-numeral
     * heading both print, and A-2, which in the abbreviated model of a PGC PYMES cooperative is "Ajustes en patrimonio
     * neto" (137); and the results account every line both print.
     */
    @Test
    void forAnyBooksBothSizesShowTheSameTotals() {
        Map<String, Movement> books = balancedBooks(postingCodes(CHART, "123456789"));
        List<Statement.Amount> normal = models.read(BALANCE).evaluate(books);
        List<Statement.Amount> abbreviated = models.read(ABBREVIATED_BALANCE).evaluate(books);
        List<String> totals = List.of("ACTIVO", "A", "A.I", "A.II", "A.III", "A.IV", "A.V", "A.VI", "B", "B.II",
                "B.III", "B.IV", "B.V", "B.VI", "B.VII", "PNP", "P.A", "P.A-1", "P.A-1.I", "P.A-1.II", "P.A-1.III",
                "P.A-1.IV", "P.A-1.V", "P.A-1.VI", "P.A-1.VII", "P.A-1.VIII", "P.A-3", "P.B", "P.B.I", "P.B.II",
                "P.B.III", "P.B.IV", "P.B.V", "P.B.VI", "P.B.VII", "P.C", "P.C.I", "P.C.II", "P.C.III", "P.C.IV",
                "P.C.V", "P.C.VI", "P.C.VII", "P.C.VIII");
        for (String line : totals) {
            assertEquals(Statement.amountOf(abbreviated, line), Statement.amountOf(normal, line), line);
        }
        assertEquals(Statement.amountOf(abbreviated, "P.A-AJ"), Statement.amountOf(normal, "P.A-2"));
        assertEquals(Statement.amountOf(normal, "ACTIVO"), Statement.amountOf(normal, "PNP"));
        assertTrue(Statement.amountOf(normal, "ACTIVO").signum() != 0);

        List<Statement.Amount> results = models.read(RESULTS).evaluate(books);
        List<Statement.Amount> abbreviatedResults = models.read(ABBREVIATED_RESULTS).evaluate(books);
        List<String> both = codes(models.read(ABBREVIATED_RESULTS));
        assertEquals(42, both.stream().filter(codes(models.read(RESULTS))::contains).count());
        for (String line : both) {
            assertEquals(Statement.amountOf(abbreviatedResults, line), Statement.amountOf(results, line), line);
        }
        // A-1.V is 129 and the year's result, groups 6 and 7 net: the results account's A.5
        assertEquals(Statement.amountOf(results, "A.5").subtract(books.get("129").net()),
                Statement.amountOf(normal, "P.A-1.V"));
        assertTrue(Statement.amountOf(results, "A.5").signum() != 0);
    }

    /**
     * The second year of a small cooperative, posted by hand.
     * <p>
     * First year, closed: compulsory contributions subscribed for 10,000, of which 8,000 paid into the bank and 2,000
     * not yet called up (5720 and 1030 / 1000); voluntary contributions of 3,000 that members may have reimbursed, a
     * liability (5720 / 1500); and a surplus of 4,000, in the bank (5720 / 129).
     * <p>
     * Second year: the General Assembly distributes that surplus (norma 11.ª 1): 1,200 to the Fondo de Reserva
     * Obligatorio (129 / 112), 800 to the Fondo de Reserva Voluntario (129 / 113), 1,500 of cooperative return to pay
     * (129 / 526, b.1), of which 1,000 paid (526 / 5720), and 500 capitalised as voluntary contributions (129 / 1001,
     * b.4). Sales of 20,000 on credit (430 / 700), 15,000 collected (5720 / 430); services of 3,000 collected (5720 /
     * 705). Goods bought from members for 9,000 (605 / 4007), 6,000 paid (4007 / 5720). The members' work, 7,000 (647 /
     * 5720); an employee's wages, 2,000 (640 / 5720), and social security, 600 (642 / 476). Outside services, 900 (629
     * / 5720). A machine of 7,000 paid from a second bank account, which goes into overdraft (213 / 5721), amortised by
     * 700 (681 / 2813). The FEFP allocation, 900 (657 / 5298 600, 148 300), and 200 of it spent on training (5298 /
     * 5720, norma 6.ª 3). Compulsory interest on the contributions, 150 (6647 / 507). Income tax, 400 (6300 / 4752).
     */
    private static Map<String, Movement> secondYear() {
        return new HandPostedBooks().post("5720", "1000", "8000.00").post("1030", "1000", "2000.00")
                .post("5720", "1500", "3000.00").post("5720", "129", "4000.00")
                // the first year's surplus distributed
                .post("129", "112", "1200.00").post("129", "113", "800.00").post("129", "526", "1500.00")
                .post("526", "5720", "1000.00").post("129", "1001", "500.00")
                // the second year
                .post("430", "700", "20000.00").post("5720", "430", "15000.00").post("5720", "705", "3000.00")
                .post("605", "4007", "9000.00").post("4007", "5720", "6000.00").post("647", "5720", "7000.00")
                .post("640", "5720", "2000.00").post("642", "476", "600.00").post("629", "5720", "900.00")
                .post("213", "5721", "7000.00").post("681", "2813", "700.00").post("657", "5298", "600.00")
                .post("657", "148", "300.00").post("5298", "5720", "200.00").post("6647", "507", "150.00")
                .post("6300", "4752", "400.00").movements();
    }

    @Test
    void aSecondYearWorkedByHandGivesTheNormalResultsAccount() {
        List<Statement.Amount> amounts = models.read(RESULTS).evaluate(secondYear());
        // 1. Importe neto de la cifra de negocios: a) Ventas 700; b) Prestaciones de servicios 705.
        assertEquals(new BigDecimal("20000.00"), Statement.amountOf(amounts, "1.a"));
        assertEquals(new BigDecimal("3000.00"), Statement.amountOf(amounts, "1.b"));
        assertEquals(new BigDecimal("23000.00"), Statement.amountOf(amounts, "1"));
        // 4.c Consumos de existencias de socios: (605).
        assertEquals(new BigDecimal("-9000.00"), Statement.amountOf(amounts, "4.c"));
        assertEquals(new BigDecimal("-9000.00"), Statement.amountOf(amounts, "4"));
        // 6. Gastos de personal: a) (640); b) Servicios de trabajo de socios (647); b) Cargas sociales (642).
        assertEquals(new BigDecimal("-2000.00"), Statement.amountOf(amounts, "6.a"));
        assertEquals(new BigDecimal("-7000.00"), Statement.amountOf(amounts, "6.b"));
        assertEquals(new BigDecimal("-600.00"), Statement.amountOf(amounts, "6.b2"));
        assertEquals(new BigDecimal("-9600.00"), Statement.amountOf(amounts, "6"));
        // 7.a Servicios exteriores: (62).
        assertEquals(new BigDecimal("-900.00"), Statement.amountOf(amounts, "7.a"));
        assertEquals(new BigDecimal("-900.00"), Statement.amountOf(amounts, "7"));
        // 8. Amortización del inmovilizado: (68).
        assertEquals(new BigDecimal("-700.00"), Statement.amountOf(amounts, "8"));
        // 12.a Dotación al Fondo de Educación, Formación y Promoción: (657), inside the operating result.
        assertEquals(new BigDecimal("-900.00"), Statement.amountOf(amounts, "12.a"));
        assertEquals(new BigDecimal("-900.00"), Statement.amountOf(amounts, "12"));
        // A.1) 23,000 - 9,000 - 9,600 - 900 - 700 - 900.
        assertEquals(new BigDecimal("1900.00"), Statement.amountOf(amounts, "A.1"));
        // 14.d Intereses y retorno obligatorio de las aportaciones al capital social ...: (6647).
        assertEquals(new BigDecimal("-150.00"), Statement.amountOf(amounts, "14.d"));
        assertEquals(new BigDecimal("-150.00"), Statement.amountOf(amounts, "A.2"));
        assertEquals(new BigDecimal("1750.00"), Statement.amountOf(amounts, "A.3"));
        // 18. Impuestos sobre beneficios: (6300).
        assertEquals(new BigDecimal("-400.00"), Statement.amountOf(amounts, "18"));
        assertEquals(new BigDecimal("1350.00"), Statement.amountOf(amounts, "A.4"));
        assertEquals(new BigDecimal("1350.00"), Statement.amountOf(amounts, "A.5"));
        // The abbreviated results account ends with the same result.
        assertEquals(new BigDecimal("1350.00"),
                Statement.amountOf(models.read(ABBREVIATED_RESULTS).evaluate(secondYear()), "A.5"));
    }

    @Test
    void aSecondYearWorkedByHandGivesANormalBalanceSheetThatBalancesWithTheAbbreviatedTotals() {
        List<Statement.Amount> amounts = models.read(BALANCE).evaluate(secondYear());
        // A.II.2 Instalaciones técnicas, y otro inmovilizado material: 213, (2813): 7,000 - 700.
        assertEquals(new BigDecimal("6300.00"), Statement.amountOf(amounts, "A.II.2"));
        assertEquals(new BigDecimal("6300.00"), Statement.amountOf(amounts, "A"));
        // B.III.1 Clientes por ventas y prestaciones de servicios: 430, 20,000 - 15,000.
        assertEquals(new BigDecimal("5000.00"), Statement.amountOf(amounts, "B.III.1"));
        // B.VII.1 Tesorería: 572 with a debit balance only, 33,000 - 17,100; the overdrawn 5721 is not cash.
        assertEquals(new BigDecimal("15900.00"), Statement.amountOf(amounts, "B.VII.1"));
        assertEquals(new BigDecimal("20900.00"), Statement.amountOf(amounts, "B"));
        assertEquals(new BigDecimal("27200.00"), Statement.amountOf(amounts, "ACTIVO"));
        // A-1.I.1 Capital cooperativo suscrito: 100, 10,000 + the 500 capitalised; I.2 (Capital no exigido): (1030).
        assertEquals(new BigDecimal("10500.00"), Statement.amountOf(amounts, "P.A-1.I.1"));
        assertEquals(new BigDecimal("-2000.00"), Statement.amountOf(amounts, "P.A-1.I.2"));
        assertEquals(new BigDecimal("8500.00"), Statement.amountOf(amounts, "P.A-1.I"));
        // A-1.II.1 Fondo de Reserva Obligatorio: 112; II.3 Fondo de Reserva Voluntario: 113.
        assertEquals(new BigDecimal("1200.00"), Statement.amountOf(amounts, "P.A-1.II.1"));
        assertEquals(new BigDecimal("800.00"), Statement.amountOf(amounts, "P.A-1.II.3"));
        assertEquals(new BigDecimal("2000.00"), Statement.amountOf(amounts, "P.A-1.II"));
        // A-1.V Resultado de la cooperativa: 129, distributed to nothing, and groups 6 and 7, the results' A.5.
        assertEquals(new BigDecimal("1350.00"), Statement.amountOf(amounts, "P.A-1.V"));
        assertEquals(new BigDecimal("11850.00"), Statement.amountOf(amounts, "P.A"));
        // B.I Fondo de Educación, Formación y Promoción a largo plazo: 148.
        assertEquals(new BigDecimal("300.00"), Statement.amountOf(amounts, "P.B.I"));
        // B.II.1 «Capital» reembolsable exigible: 150 (1500).
        assertEquals(new BigDecimal("3000.00"), Statement.amountOf(amounts, "P.B.II.1"));
        assertEquals(new BigDecimal("3300.00"), Statement.amountOf(amounts, "P.B"));
        // C.I Fondo de Educación, Formación y Promoción a corto plazo: 5298, 600 - 200 applied.
        assertEquals(new BigDecimal("400.00"), Statement.amountOf(amounts, "P.C.I"));
        // C.V.2 Deudas con entidades de crédito: the overdraft of 5721.
        assertEquals(new BigDecimal("7000.00"), Statement.amountOf(amounts, "P.C.V.2"));
        // C.VI.3 Deudas con socios: 507, 526: 150 + 1,500 - 1,000.
        assertEquals(new BigDecimal("650.00"), Statement.amountOf(amounts, "P.C.VI.3"));
        // C.VII.2.a Socios proveedores: 4007, 9,000 - 6,000; C.VII.5 Pasivos por impuesto corriente: 4752; C.VII.6
        // Otras deudas con las Administraciones Públicas: 476.
        assertEquals(new BigDecimal("3000.00"), Statement.amountOf(amounts, "P.C.VII.2.a"));
        assertEquals(new BigDecimal("400.00"), Statement.amountOf(amounts, "P.C.VII.5"));
        assertEquals(new BigDecimal("600.00"), Statement.amountOf(amounts, "P.C.VII.6"));
        assertEquals(new BigDecimal("12050.00"), Statement.amountOf(amounts, "P.C"));
        assertEquals(new BigDecimal("27200.00"), Statement.amountOf(amounts, "PNP"));

        List<Statement.Amount> abbreviated = models.read(ABBREVIATED_BALANCE).evaluate(secondYear());
        for (String total : List.of("A", "B", "ACTIVO", "P.A", "P.B", "P.C", "PNP")) {
            assertEquals(Statement.amountOf(amounts, total), Statement.amountOf(abbreviated, total), total);
        }
        // In the abbreviated model the overdraft is in C.V.1, and the members who supply goods in C.VII.1.
        assertEquals(new BigDecimal("7000.00"), Statement.amountOf(abbreviated, "P.C.V.1"));
        assertEquals(new BigDecimal("3000.00"), Statement.amountOf(abbreviated, "P.C.VII.1"));
    }
}
