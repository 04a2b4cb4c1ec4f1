package coop.intercoop.hub.accounting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import coop.intercoop.hub.accounting.entity.AccountKind;
import coop.intercoop.hub.accounting.entity.Movement;
import coop.intercoop.hub.accounting.entity.Statement;

/** The real models of {@code config/statements} against the real charts of {@code config/charts}. */
class StatementModelsTest {

    private final StatementModels models = new StatementModels("config/statements");
    private final ChartTemplates charts = new ChartTemplates("config/charts");

    private List<String> postingCodes(String chart, String groups) {
        return charts.read(chart).stream().filter(l -> l.kind() == AccountKind.POSTING)
                .filter(l -> groups.indexOf(l.code().charAt(0)) >= 0).map(ChartTemplates.Line::code).toList();
    }

    private static String notOnce(Map<String, List<String>> taking) {
        return taking.entrySet().stream().filter(e -> e.getValue().size() != 1)
                .map(e -> e.getKey() + "->" + e.getValue()).collect(Collectors.joining(", "));
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl" })
    void theBalanceSheetTakesEveryPostingAccountExactlyOnce(String chart) {
        Statement balance = models.read(StatementModels.BALANCE_SHEET);
        assertEquals("", notOnce(balance.linesTaking(postingCodes(chart, "123456789"))));
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl" })
    void theResultsAccountTakesEveryIncomeAndExpenseAccountExactlyOnce(String chart) {
        Statement results = models.read(StatementModels.RESULTS);
        assertEquals("", notOnce(results.linesTaking(postingCodes(chart, "6789"))));
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl" })
    void theResultsAccountTakesEveryEquityAccountExactlyOnce(String chart) {
        Statement results = models.read(StatementModels.RESULTS);
        List<String> equity = postingCodes(chart, "1").stream().filter(code -> code.compareTo("14") < 0).toList();
        assertTrue(equity.contains("100") && equity.contains("1300"), equity.toString());
        assertEquals("", notOnce(results.linesTaking(equity)));
    }

    @Test
    void partsBToIShowASubsidyRecognisedInEquityAndTheTotalChangeOfEquity() {
        Map<String, Movement> books = new HashMap<>();
        books.put("940", new Movement(BigDecimal.ZERO, new BigDecimal("5000.00")));
        books.put("941", new Movement(BigDecimal.ZERO, new BigDecimal("700.00")));
        books.put("8301", new Movement(new BigDecimal("250.00"), BigDecimal.ZERO));
        books.put("840", new Movement(new BigDecimal("1000.00"), BigDecimal.ZERO));
        books.put("836", new Movement(new BigDecimal("10.00"), BigDecimal.ZERO));
        books.put("746", new Movement(BigDecimal.ZERO, new BigDecimal("1000.00")));
        books.put("629", new Movement(new BigDecimal("300.00"), BigDecimal.ZERO));
        books.put("101", new Movement(BigDecimal.ZERO, new BigDecimal("2000.00")));
        books.put("129", new Movement(new BigDecimal("400.00"), BigDecimal.ZERO));
        books.put("120", new Movement(BigDecimal.ZERO, new BigDecimal("400.00")));
        books.put("113", new Movement(BigDecimal.ZERO, new BigDecimal("35.00")));
        List<Statement.Amount> amounts = models.read(StatementModels.RESULTS).evaluate(books);
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
        Map<String, Movement> books = new HashMap<>();
        BigDecimal credit = BigDecimal.ZERO;
        for (int i = 0; i < codes.size(); i++) {
            BigDecimal amount = BigDecimal.valueOf((i * 7919L) % 10007, 2);
            Movement m = i % 3 == 0 ? new Movement(amount, BigDecimal.ZERO) : new Movement(BigDecimal.ZERO, amount);
            books.put(codes.get(i), m);
            credit = credit.subtract(m.net());
        }
        List<Statement.Amount> amounts = models.read(StatementModels.RESULTS).evaluate(books);
        assertEquals(credit.setScale(2), Statement.amountOf(amounts, "I"));
        assertEquals(Statement.amountOf(amounts, "B.1").add(Statement.amountOf(amounts, "C.1")),
                Statement.amountOf(amounts, "D"));
        assertTrue(Statement.amountOf(amounts, "I").signum() != 0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl", "pgc-pymesfl" })
    void assetsEqualEquityAndLiabilitiesForAnyBalancedBooks(String chart) {
        List<String> codes = postingCodes(chart, "123456789");
        Map<String, Movement> books = new HashMap<>();
        BigDecimal open = BigDecimal.ZERO;
        for (int i = 0; i < codes.size() - 1; i++) {
            BigDecimal amount = BigDecimal.valueOf((i * 7919L) % 10007, 2);
            books.put(codes.get(i), i % 3 == 0 ? new Movement(amount, BigDecimal.ZERO)
                    : new Movement(BigDecimal.ZERO, amount.add(BigDecimal.ONE)));
            open = open.add(books.get(codes.get(i)).net());
        }
        String last = codes.get(codes.size() - 1);
        books.put(last,
                open.signum() < 0 ? new Movement(open.negate(), BigDecimal.ZERO) : new Movement(BigDecimal.ZERO, open));
        List<Statement.Amount> amounts = models.read(StatementModels.BALANCE_SHEET).evaluate(books);
        assertEquals(Statement.amountOf(amounts, "ACTIVO"), Statement.amountOf(amounts, "PNP"));
        assertTrue(Statement.amountOf(amounts, "ACTIVO").signum() != 0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl" })
    void theResultsSurplusIsIncomeLessExpenses(String chart) {
        Map<String, Movement> books = new HashMap<>();
        books.put("640", new Movement(new BigDecimal("1000.00"), BigDecimal.ZERO));
        books.put("629", new Movement(new BigDecimal("120.50"), BigDecimal.ZERO));
        books.put("721", new Movement(BigDecimal.ZERO, new BigDecimal("300.00")));
        books.put("740", new Movement(BigDecimal.ZERO, new BigDecimal("2000.00")));
        books.put("769", new Movement(BigDecimal.ZERO, new BigDecimal("5.25")));
        List<Statement.Amount> amounts = models.read(StatementModels.RESULTS).evaluate(books);
        assertEquals(new BigDecimal("2300.00"), Statement.amountOf(amounts, "1"));
        assertEquals(new BigDecimal("-1000.00"), Statement.amountOf(amounts, "8"));
        assertEquals(new BigDecimal("-120.50"), Statement.amountOf(amounts, "9"));
        assertEquals(new BigDecimal("1179.50"), Statement.amountOf(amounts, "A.1"));
        assertEquals(new BigDecimal("5.25"), Statement.amountOf(amounts, "A.2"));
        assertEquals(new BigDecimal("1184.75"), Statement.amountOf(amounts, "A.4"));
    }
}
