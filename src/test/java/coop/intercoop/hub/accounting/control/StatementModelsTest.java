package coop.intercoop.hub.accounting.control;

import static coop.intercoop.hub.accounting.control.StatementChecks.arbitraryBooks;
import static coop.intercoop.hub.accounting.control.StatementChecks.balancedBooks;
import static coop.intercoop.hub.accounting.control.StatementChecks.notOnce;
import static coop.intercoop.hub.accounting.control.StatementChecks.postingCodes;
import static coop.intercoop.hub.accounting.control.StatementChecks.unknownAccounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import coop.intercoop.hub.accounting.entity.StatementSize;
import coop.intercoop.hub.accounting.entity.Movement;
import coop.intercoop.hub.accounting.entity.Nature;
import coop.intercoop.hub.accounting.entity.Statement;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.HubTexts;

/**
 * The real models of {@code config/statements}, each chart template against its own models as
 * {@code config/statements/plans.csv} chooses them, and the real charts of {@code config/charts}.
 */
class StatementModelsTest {

    private final StatementModels models = new StatementModels("config/statements");
    private final ChartTemplates charts = new ChartTemplates("config/charts");

    private Statement balanceOf(String chart) {
        return models.of(chart, StatementSize.ABBREVIATED, StatementModels.Kind.BALANCE);
    }

    private Statement resultsOf(String chart) {
        return models.of(chart, StatementSize.ABBREVIATED, StatementModels.Kind.RESULTS);
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl", "pgc-pymes-2007", "pgc-cooperativas" })
    void theBalanceSheetTakesEveryPostingAccountExactlyOnce(String chart) {
        assertEquals("", notOnce(balanceOf(chart).linesTaking(postingCodes(chart, "123456789"))));
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl", "pgc-pymes-2007", "pgc-cooperativas" })
    void theResultsAccountTakesEveryIncomeAndExpenseAccountExactlyOnce(String chart) {
        assertEquals("", notOnce(resultsOf(chart).linesTaking(postingCodes(chart, "6789"))));
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl" })
    void theResultsAccountTakesEveryEquityAccountExactlyOnce(String chart) {
        Statement results = resultsOf(chart);
        List<String> equity = postingCodes(chart, "1").stream().filter(code -> code.compareTo("14") < 0).toList();
        assertTrue(equity.contains("100") && equity.contains("1300"), equity.toString());
        assertEquals("", notOnce(results.linesTaking(equity)));
    }

    /**
     * The PYMESFL plan has no groups 8 and 9: a grant is credited straight to 130 when received and debited to it
     * against 746 as it is transferred to the surplus (quinta parte, 130 a1 and b1). Its model shows the first in B.1
     * and the second in C.1, not in H. Worked example: 5,000.00 received into 1300, 1,000.00 of it transferred; a
     * legacy of 700.00 into 1321; 300.00 of expenses.
     */
    @Test
    void aPymesflGrantCreditedStraightTo130AndTransferredTo746IsInPartsBAndCNotInH() {
        Map<String, Movement> books = new HashMap<>();
        books.put("1300", new Movement(new BigDecimal("1000.00"), new BigDecimal("5000.00")));
        books.put("1321", new Movement(BigDecimal.ZERO, new BigDecimal("700.00")));
        books.put("746", new Movement(BigDecimal.ZERO, new BigDecimal("1000.00")));
        books.put("629", new Movement(new BigDecimal("300.00"), BigDecimal.ZERO));
        List<Statement.Amount> amounts = resultsOf("pgc-pymesfl").evaluate(books);
        // A.4 = 11. (746) 1,000.00 + 9. (629) -300.00
        assertEquals(new BigDecimal("1000.00"), Statement.amountOf(amounts, "11"));
        assertEquals(new BigDecimal("700.00"), Statement.amountOf(amounts, "A.4"));
        // B.1 Subvenciones recibidas: the credits of 1300; B.2 Donaciones y legados recibidos: those of 1321
        assertEquals(new BigDecimal("5000.00"), Statement.amountOf(amounts, "B1"));
        assertEquals(new BigDecimal("700.00"), Statement.amountOf(amounts, "B2"));
        // C.1 Subvenciones recibidas, reclassified to the surplus: the debits of 1300
        assertEquals(new BigDecimal("-1000.00"), Statement.amountOf(amounts, "C1"));
        // D = B.1 + C.1 = 5,700.00 - 1,000.00; nothing in H
        assertEquals(new BigDecimal("4700.00"), Statement.amountOf(amounts, "D"));
        assertEquals(new BigDecimal("0.00"), Statement.amountOf(amounts, "H"));
        // I = A.4 + D: the change of equity, 700.00 of surplus and 4,700.00 more in 13
        assertEquals(new BigDecimal("5400.00"), Statement.amountOf(amounts, "I"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl" })
    void partsBToIShowASubsidyRecognisedInEquityAndTheTotalChangeOfEquity(String chart) {
        Map<String, Movement> books = new HashMap<>();
        books.put("9400", new Movement(BigDecimal.ZERO, new BigDecimal("5000.00")));
        books.put("941", new Movement(BigDecimal.ZERO, new BigDecimal("700.00")));
        books.put("8301", new Movement(new BigDecimal("250.00"), BigDecimal.ZERO));
        books.put("8400", new Movement(new BigDecimal("1000.00"), BigDecimal.ZERO));
        books.put("836", new Movement(new BigDecimal("10.00"), BigDecimal.ZERO));
        books.put("746", new Movement(BigDecimal.ZERO, new BigDecimal("1000.00")));
        books.put("629", new Movement(new BigDecimal("300.00"), BigDecimal.ZERO));
        books.put("101", new Movement(BigDecimal.ZERO, new BigDecimal("2000.00")));
        books.put("129", new Movement(new BigDecimal("400.00"), BigDecimal.ZERO));
        books.put("120", new Movement(BigDecimal.ZERO, new BigDecimal("400.00")));
        books.put("113", new Movement(BigDecimal.ZERO, new BigDecimal("35.00")));
        List<Statement.Amount> amounts = resultsOf(chart).evaluate(books);
        assertEquals(new BigDecimal("700.00"), Statement.amountOf(amounts, "A.4"));
        assertEquals(new BigDecimal("5000.00"), Statement.amountOf(amounts, "B1"));
        assertEquals(new BigDecimal("700.00"), Statement.amountOf(amounts, "B2"));
        assertEquals(new BigDecimal("0.00"), Statement.amountOf(amounts, "B3"));
        assertEquals(new BigDecimal("-250.00"), Statement.amountOf(amounts, "B4"));
        assertEquals(new BigDecimal("5450.00"), Statement.amountOf(amounts, "B"));
        assertEquals(new BigDecimal("5450.00"), Statement.amountOf(amounts, "B.1"));
        assertEquals(new BigDecimal("-1000.00"), Statement.amountOf(amounts, "C1"));
        assertEquals(new BigDecimal("-10.00"), Statement.amountOf(amounts, "C4"));
        assertEquals(new BigDecimal("-1010.00"), Statement.amountOf(amounts, "C.1"));
        assertEquals(new BigDecimal("4440.00"), Statement.amountOf(amounts, "D"));
        assertEquals(new BigDecimal("0.00"), Statement.amountOf(amounts, "E"));
        assertEquals(new BigDecimal("0.00"), Statement.amountOf(amounts, "F"));
        assertEquals(new BigDecimal("2000.00"), Statement.amountOf(amounts, "G"));
        assertEquals(new BigDecimal("35.00"), Statement.amountOf(amounts, "H"));
        assertEquals(new BigDecimal("7175.00"), Statement.amountOf(amounts, "I"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl" })
    void theTotalChangeOfEquityIsTheNetCreditOfEquityIncomeAndExpenseAccounts(String chart) {
        List<String> codes = postingCodes(chart, "16789").stream()
                .filter(code -> !code.startsWith("1") || code.compareTo("14") < 0).toList();
        Map<String, Movement> books = arbitraryBooks(codes);
        BigDecimal credit = books.values().stream().map(Movement::net).reduce(BigDecimal.ZERO, BigDecimal::subtract);
        List<Statement.Amount> amounts = resultsOf(chart).evaluate(books);
        assertEquals(credit.setScale(2), Statement.amountOf(amounts, "I"));
        assertEquals(Statement.amountOf(amounts, "B.1").add(Statement.amountOf(amounts, "C.1")),
                Statement.amountOf(amounts, "D"));
        assertTrue(Statement.amountOf(amounts, "I").signum() != 0);
    }

    /** The plans whose results account is a profit and loss account: it reads groups 6 and 7 only. */
    @ParameterizedTest
    @ValueSource(strings = { "pgc-pymes-2007", "pgc-cooperativas" })
    void theResultsAccountTakesNoBalanceSheetAccount(String chart) {
        Map<String, List<String>> taking = resultsOf(chart).linesTaking(postingCodes(chart, "12345"));
        assertEquals("", taking.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey)
                .collect(Collectors.joining(", ")));
    }

    /** The result the results account ends with is the one the balance sheet shows in equity until the year closes. */
    @ParameterizedTest
    @CsvSource({ "pgc-pymes-2007, D, P.A-1.VII", "pgc-cooperativas, A.5, P.A-1.V" })
    void theResultOfTheResultsAccountIsTheResultTheBalanceSheetShowsBeforeClosing(String chart, String resultLine,
            String equityLine) {
        Map<String, Movement> books = new HashMap<>();
        List<String> codes = postingCodes(chart, "67");
        for (int i = 0; i < codes.size(); i++) {
            BigDecimal amount = BigDecimal.valueOf((i * 7919L) % 10007, 2);
            books.put(codes.get(i),
                    i % 2 == 0 ? new Movement(amount, BigDecimal.ZERO) : new Movement(BigDecimal.ZERO, amount));
        }
        BigDecimal result = Statement.amountOf(resultsOf(chart).evaluate(books), resultLine);
        assertTrue(result.signum() != 0);
        assertEquals(result, Statement.amountOf(balanceOf(chart).evaluate(books), equityLine));
    }

    /** A term naming no account of the chart is a misprint in the model file, or an account the plan does not have. */
    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl", "pgc-pymes-2007", "pgc-cooperativas" })
    void everyAccountTermOfBothModelsNamesAnAccountOfTheChart(String chart) {
        for (Statement model : List.of(balanceOf(chart), resultsOf(chart))) {
            assertEquals("", unknownAccounts(model, chart), model.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl", "pgc-pymes-2007", "pgc-cooperativas" })
    void assetsEqualEquityAndLiabilitiesForAnyBalancedBooks(String chart) {
        List<Statement.Amount> amounts = balanceOf(chart).evaluate(balancedBooks(postingCodes(chart, "123456789")));
        assertEquals(Statement.amountOf(amounts, "ACTIVO"), Statement.amountOf(amounts, "PNP"));
        assertTrue(Statement.amountOf(amounts, "ACTIVO").signum() != 0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl" })
    void theResultsSurplusIsIncomeLessExpenses(String chart) {
        Map<String, Movement> books = new HashMap<>();
        books.put("640", new Movement(new BigDecimal("1000.00"), BigDecimal.ZERO));
        books.put("629", new Movement(new BigDecimal("120.50"), BigDecimal.ZERO));
        books.put("721", new Movement(BigDecimal.ZERO, new BigDecimal("300.00")));
        books.put("740", new Movement(BigDecimal.ZERO, new BigDecimal("2000.00")));
        books.put("769", new Movement(BigDecimal.ZERO, new BigDecimal("5.25")));
        List<Statement.Amount> amounts = resultsOf(chart).evaluate(books);
        assertEquals(new BigDecimal("2300.00"), Statement.amountOf(amounts, "1"));
        assertEquals(new BigDecimal("-1000.00"), Statement.amountOf(amounts, "8"));
        assertEquals(new BigDecimal("-120.50"), Statement.amountOf(amounts, "9"));
        assertEquals(new BigDecimal("1179.50"), Statement.amountOf(amounts, "A.1"));
        assertEquals(new BigDecimal("5.25"), Statement.amountOf(amounts, "A.2"));
        assertEquals(new BigDecimal("1184.75"), Statement.amountOf(amounts, "A.4"));
    }

    @ParameterizedTest
    @CsvSource({ "pgc-esfl, esfl-abbreviated-balance, 51, esfl-abbreviated-results, 50",
            "pgc-pymesfl, pymesfl-balance, 48, pymesfl-results, 50",
            "pgc-pymes-2007, pgc-pymes-balance, 55, pgc-pymes-results, 22",
            "pgc-cooperativas, pgc-cooperativas-balance, 80, pgc-cooperativas-results, 42" })
    void eachPlanIsDrawnUpInItsOwnModelsOfPinnedLength(String chart, String balance, int balanceLines, String results,
            int resultsLines) {
        assertEquals(balance, balanceOf(chart).name());
        assertEquals(balanceLines, balanceOf(chart).lines().size());
        assertEquals(results, resultsOf(chart).name());
        assertEquals(resultsLines, resultsOf(chart).lines().size());
    }

    /** BOE-A-2013-3736, tercera parte: the PYMESFL balance has no held-for-sale lines and its A-2 is the grants. */
    @Test
    void thePymesflBalanceIsThePlansOwnModelNotTheEsflOne() {
        Map<String, Statement.Line> pymesfl = balanceOf("pgc-pymesfl").byCode();
        assertEquals("A-2) Subvenciones, donaciones y legados recibidos", pymesfl.get("P.A-2").caption());
        assertEquals("I. Existencias", pymesfl.get("B.I").caption());
        assertEquals("VII. Efectivo y otros activos líquidos equivalentes", pymesfl.get("B.VII").caption());
        assertEquals("I. Provisiones a corto plazo", pymesfl.get("P.C.I").caption());
        assertEquals("IV. Beneficiarios–Acreedores", pymesfl.get("P.C.IV").caption());
        assertTrue(pymesfl.values().stream().noneMatch(l -> l.caption().contains("mantenidos para la venta")),
                pymesfl.keySet().toString());
        assertTrue(!pymesfl.containsKey("P.A-3") && !pymesfl.containsKey("B.VIII"), pymesfl.keySet().toString());
        Map<String, Statement.Line> esfl = balanceOf("pgc-esfl").byCode();
        assertEquals("A-2) Ajustes por cambios de valor", esfl.get("P.A-2").caption());
        assertEquals("I. Activos no corrientes mantenidos para la venta", esfl.get("B.I").caption());
    }

    /** Both models' line 4 reads "(6930), 71*, 7930": the impairment of finished goods and its reversal. */
    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl" })
    void theImpairmentOfFinishedGoodsIsOnLineFourWithTheVariationOfStocks(String chart) {
        Map<String, Movement> books = new HashMap<>();
        books.put("6930", new Movement(new BigDecimal("100.00"), BigDecimal.ZERO));
        books.put("7930", new Movement(BigDecimal.ZERO, new BigDecimal("30.00")));
        books.put("710", new Movement(BigDecimal.ZERO, new BigDecimal("50.00")));
        List<Statement.Amount> amounts = resultsOf(chart).evaluate(books);
        assertEquals(new BigDecimal("-20.00"), Statement.amountOf(amounts, "4"));
        assertEquals(new BigDecimal("0.00"), Statement.amountOf(amounts, "9"));
    }

    /** Both models divide A-1 I into 1 (100, 101) and 2, the part not yet called up (103, 104). */
    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl" })
    void theFoundingFundShowsItsUncalledPartOnASubLineOfItsOwn(String chart) {
        Map<String, Movement> books = new HashMap<>();
        books.put("101", new Movement(BigDecimal.ZERO, new BigDecimal("10000.00")));
        books.put("1034", new Movement(new BigDecimal("2000.00"), BigDecimal.ZERO));
        books.put("572", new Movement(new BigDecimal("8000.00"), BigDecimal.ZERO));
        List<Statement.Amount> amounts = balanceOf(chart).evaluate(books);
        assertEquals(new BigDecimal("10000.00"), Statement.amountOf(amounts, "P.A-1.I.1"));
        assertEquals(new BigDecimal("-2000.00"), Statement.amountOf(amounts, "P.A-1.I.2"));
        assertEquals(new BigDecimal("8000.00"), Statement.amountOf(amounts, "P.A-1.I"));
        assertEquals(Statement.amountOf(amounts, "ACTIVO"), Statement.amountOf(amounts, "PNP"));
    }

    /** 555 is on the model's own line, among the other short-term debts, and the chart calls it a liability. */
    @ParameterizedTest
    @CsvSource({ "pgc-esfl, P.C.III.3", "pgc-pymesfl, P.C.II.3" })
    void partidasPendientesDeAplicacionAreALiabilityOnTheModelsOwnLine(String chart, String line) {
        assertEquals(List.of(line), balanceOf(chart).linesTaking(List.of("555")).get("555"));
        assertEquals(Nature.LIABILITY,
                charts.read(chart).stream().filter(l -> l.code().equals("555")).findFirst().orElseThrow().nature());
        assertEquals("3. Otras deudas a corto plazo", balanceOf(chart).byCode().get(line).caption());
    }

    @Test
    void anOrganisationWithoutAChartIsDrawnUpInTheEsflModelsAsBefore() {
        assertEquals("esfl-abbreviated-balance",
                models.of(null, StatementSize.ABBREVIATED, StatementModels.Kind.BALANCE).name());
        assertEquals("esfl-abbreviated-results",
                models.of(null, StatementSize.ABBREVIATED, StatementModels.Kind.RESULTS).name());
    }

    /**
     * The statement of changes in equity is offered where the plan has it, the PGC PYMES and the cooperatives' models
     * of both sizes (Anexo II's and Anexo I's document B); the ESFL and PYMESFL plans are refused naming the plan and
     * the statement, and a size needs no model of it.
     */
    @Test
    void theStatementOfChangesInEquityIsOfferedWhereThePlanHasItAndRefusedNamingThePlanElsewhere() {
        assertEquals("pgc-pymes-equity-changes",
                models.equityChanges("pgc-pymes-2007", StatementSize.ABBREVIATED).name());
        assertEquals("pgc-cooperativas-equity-changes",
                models.equityChanges("pgc-cooperativas", StatementSize.ABBREVIATED).name());
        for (String chart : List.of("pgc-esfl", "pgc-pymesfl")) {
            StatementModels.NoStatementModelException refused = assertThrows(
                    StatementModels.NoStatementModelException.class,
                    () -> models.equityChanges(chart, StatementSize.ABBREVIATED));
            assertEquals("statement.unmapped", refused.key());
            assertEquals("The chart template '" + chart + "' of this organisation has no statement of changes in "
                    + "equity model yet: the statement of changes in equity is not drawn up in another plan's model, "
                    + "whose lines would not take this plan's accounts.", refused.message(Locale.ENGLISH));
            assertTrue(
                    refused.message(HubTexts.SPANISH)
                            .contains("no tiene modelo de estado de cambios en el " + "patrimonio neto"),
                    refused.message(HubTexts.SPANISH));
        }
        assertEquals("pgc-cooperativas-normal-equity-changes",
                models.equityChanges("pgc-cooperativas", StatementSize.NORMAL).name());
        models.requireModels("pgc-cooperativas", StatementSize.NORMAL);
    }

    /** Every plan installed has its models; a plans file of its own names one that has none. */
    @Test
    void aPlanWithoutAModelIsRefusedNamingThePlanInBothLanguages(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("plans.csv"), "# a plan without models\nchart;size;statement;model\n");
        StatementModels unmapped = new StatementModels(dir.toString());
        StatementModels.NoStatementModelException refused = assertThrows(
                StatementModels.NoStatementModelException.class,
                () -> unmapped.of("pgc-x", StatementSize.ABBREVIATED, StatementModels.Kind.BALANCE));
        assertEquals("statement.unmapped", refused.key());
        assertEquals(HubException.Kind.CONFLICT, refused.kind());
        assertEquals("The chart template 'pgc-x' of this organisation has no balance sheet model yet: the "
                + "balance sheet is not drawn up in another plan's model, whose lines would not take this plan's "
                + "accounts.", refused.message(Locale.ENGLISH));
        assertEquals("El plan de cuentas 'pgc-x' de esta organización aún no tiene modelo de cuenta de "
                + "resultados: no se formula en el modelo de otro plan, cuyas líneas no recogen las cuentas de este.",
                assertThrows(StatementModels.NoStatementModelException.class,
                        () -> unmapped.of("pgc-x", StatementSize.ABBREVIATED, StatementModels.Kind.RESULTS))
                                .message(HubTexts.SPANISH));
    }

    /** A plan with the equity statement in one size only refuses it in the other, naming the plan and the size. */
    @Test
    void theStatementOfChangesInEquityOfASizeThePlanLacksIsRefusedNamingTheSize(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("plans.csv"), "chart;size;statement;model\n"
                + "pgc-cooperativas;abbreviated;equity;pgc-cooperativas-equity-changes\n");
        Files.copy(Path.of("config/statements/pgc-cooperativas-equity-changes.csv"),
                dir.resolve("pgc-cooperativas-equity-changes.csv"));
        StatementModels installed = new StatementModels(dir.toString());
        assertEquals("pgc-cooperativas-equity-changes",
                installed.equityChanges("pgc-cooperativas", StatementSize.ABBREVIATED).name());
        StatementModels.NoStatementModelException refused = assertThrows(
                StatementModels.NoStatementModelException.class,
                () -> installed.equityChanges("pgc-cooperativas", StatementSize.NORMAL));
        assertEquals("statement.size.unmapped", refused.key());
        assertTrue(refused.message(Locale.ENGLISH).contains("pgc-cooperativas"), refused.message(Locale.ENGLISH));
    }

    @Test
    void aPlanWhoseModelIsNotInstalledIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("plans.csv"),
                "# a plan mapped to a model that is not installed\nchart;size;statement;model\n"
                        + "pgc-x;abbreviated;balance;x-balance\npgc-x;abbreviated;results;x-results\n");
        Files.copy(Path.of("config/statements/pymesfl-results.csv"), dir.resolve("x-results.csv"));
        StatementModels installed = new StatementModels(dir.toString());
        assertEquals("x-results",
                installed.of("pgc-x", StatementSize.ABBREVIATED, StatementModels.Kind.RESULTS).name());
        StatementModels.NoStatementModelException refused = assertThrows(
                StatementModels.NoStatementModelException.class,
                () -> installed.of("pgc-x", StatementSize.ABBREVIATED, StatementModels.Kind.BALANCE));
        assertEquals("statement.missing", refused.key());
        assertEquals(
                "The balance sheet model 'x-balance' of the chart template 'pgc-x' is not installed (there is no "
                        + "file x-balance.csv among the statement models); ask the hub's administrators to install it.",
                refused.message(Locale.ENGLISH));
        assertTrue(
                refused.message(HubTexts.SPANISH).startsWith(
                        "El modelo de balance 'x-balance' del plan de cuentas " + "'pgc-x' no está instalado"),
                refused.message(HubTexts.SPANISH));
    }

    @Test
    void aPlansFileThatNamesAStatementTwiceIsAnInstallationErrorNamingTheLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("plans.csv"),
                "chart;size;statement;model\n" + "pgc-x;abbreviated;balance;a\npgc-x;abbreviated;balance;b\n");
        Statement.InvalidStatementFileException refused = assertThrows(Statement.InvalidStatementFileException.class,
                () -> new StatementModels(dir.toString()).of("pgc-x", StatementSize.ABBREVIATED,
                        StatementModels.Kind.BALANCE));
        assertTrue(refused.getMessage().contains("plans.csv:3"), refused.getMessage());
    }

    /** Every plan has its abbreviated models, the size every organisation keeps until it chooses another. */
    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl", "pgc-pymes-2007", "pgc-cooperativas" })
    void theAbbreviatedSizeIsAvailableToEveryPlan(String chart) {
        models.requireModels(chart, StatementSize.ABBREVIATED);
    }

    @Test
    void aSizeThePlanHasNoModelsOfIsRefusedNamingThePlanAndTheSizeInBothLanguages(@TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("plans.csv"),
                "chart;size;statement;model\n"
                        + "pgc-x;abbreviated;balance;x-balance\npgc-x;abbreviated;results;x-results\n"
                        + "pgc-x;normal;balance;x-balance\n");
        Files.copy(Path.of("config/statements/pymesfl-balance.csv"), dir.resolve("x-balance.csv"));
        Files.copy(Path.of("config/statements/pymesfl-results.csv"), dir.resolve("x-results.csv"));
        StatementModels plans = new StatementModels(dir.toString());
        plans.requireModels("pgc-x", StatementSize.ABBREVIATED);
        StatementModels.SizeWithoutModelsException refused = assertThrows(
                StatementModels.SizeWithoutModelsException.class,
                () -> plans.requireModels("pgc-x", StatementSize.NORMAL));
        assertEquals("size", refused.field());
        assertEquals(HubException.Kind.INVALID, refused.kind());
        assertEquals("The chart template 'pgc-x' of this organisation has no normal models of the balance sheet and "
                + "the results account installed, so its annual accounts cannot be drawn up in the normal format; keep "
                + "the other size.", refused.message(Locale.ENGLISH));
        assertEquals("El plan de cuentas 'pgc-x' de esta organización no tiene instalados modelos de balance y cuenta "
                + "de resultados en formato normal: sus cuentas anuales no se pueden formular en formato normal; "
                + "mantenga el otro tamaño.", refused.message(HubTexts.SPANISH));
        // a row whose model file is not installed is no model either
        Files.writeString(dir.resolve("plans.csv"), "pgc-x;normal;results;x-normal-results\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThrows(StatementModels.SizeWithoutModelsException.class,
                () -> plans.requireModels("pgc-x", StatementSize.NORMAL));
        assertEquals("x-balance", plans.of("pgc-x", StatementSize.NORMAL, StatementModels.Kind.BALANCE).name());
    }

    /** The statements follow the size: a size without a model of the statement is refused naming both. */
    @Test
    void aStatementIsDrawnUpInTheModelOfTheChosenSize(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("plans.csv"), "chart;size;statement;model\n"
                + "pgc-x;abbreviated;balance;x-balance\npgc-x;normal;balance;x-normal-balance\n");
        Files.copy(Path.of("config/statements/pymesfl-balance.csv"), dir.resolve("x-balance.csv"));
        Files.copy(Path.of("config/statements/esfl-abbreviated-balance.csv"), dir.resolve("x-normal-balance.csv"));
        StatementModels plans = new StatementModels(dir.toString());
        assertEquals("x-balance", plans.of("pgc-x", StatementSize.ABBREVIATED, StatementModels.Kind.BALANCE).name());
        assertEquals("x-normal-balance", plans.of("pgc-x", StatementSize.NORMAL, StatementModels.Kind.BALANCE).name());
        StatementModels.NoStatementModelException refused = assertThrows(
                StatementModels.NoStatementModelException.class,
                () -> plans.of("pgc-x", StatementSize.NORMAL, StatementModels.Kind.RESULTS));
        assertEquals("The chart template 'pgc-x' of this organisation has no normal model of the results account; "
                + "choose the size of the annual accounts again.", refused.message(Locale.ENGLISH));
        assertEquals(
                "El plan de cuentas 'pgc-x' de esta organización no tiene modelo de cuenta de resultados en "
                        + "formato normal; vuelva a elegir el tamaño de las cuentas anuales.",
                refused.message(HubTexts.SPANISH));
    }
}
