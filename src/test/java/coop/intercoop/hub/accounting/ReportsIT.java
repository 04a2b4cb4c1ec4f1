package coop.intercoop.hub.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import coop.intercoop.hub.testing.Books;
import coop.intercoop.hub.testing.HubClient;
import coop.intercoop.hub.testing.HubClient.Reply;
import coop.intercoop.hub.testing.HubDeployment;

/** The accounting reports through the API, on books posted through the API, in JSON and as xlsx downloads. */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    /**
     * January to March 2025: a founding contribution, a bank, a supplier (4000 under the heading 400), expenses and
     * income.
     */
    private Books firstQuarter() {
        Books b = Books.open(base);
        b.postEntry("2025-01-02", "572", "100", "10000.00");
        b.postEntry("2025-01-15", "629", "572", "120.50");
        b.postEntry("2025-02-10", "572", "721", "3000.00");
        b.postEntry("2025-03-05", "640", "572", "1500.00");
        b.postEntry("2025-03-06", "629", "4000", "80.00");
        b.postEntry("2025-03-20", "570", "572", "200.00");
        b.postEntry("2025-03-31", "629", "570", "50.00");
        return b;
    }

    private static BigDecimal amount(JsonObject o, String key) {
        return o.getJsonNumber(key).bigDecimalValue();
    }

    private static void assertAmount(String expected, JsonObject o, String key) {
        assertEquals(new BigDecimal(expected), amount(o, key), key + " of " + o);
    }

    private static Map<String, JsonObject> rowsByCode(JsonArray rows, String key) {
        return rows.stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(r -> r.getString(key), r -> r, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static void assertBalanced(JsonObject totals) {
        assertEquals(amount(totals, "debit"), amount(totals, "credit"), totals.toString());
        assertEquals(amount(totals, "balanceDebit"), amount(totals, "balanceCredit"), totals.toString());
    }

    @Test
    void trialBalanceAtAPeriodEndCountsWholePeriods() {
        Books b = firstQuarter();
        JsonObject tb = b.expect(200, b.get("/reports/trial-balance?date=2025-02-28&level=posting")).json();
        assertEquals("2025-01-01", tb.getString("from"));
        assertEquals("posting", tb.getString("level"));
        Map<String, JsonObject> rows = rowsByCode(tb.getJsonArray("rows"), "code");
        assertEquals(List.of("100", "572", "629", "721"), List.copyOf(rows.keySet()));
        assertAmount("13000.00", rows.get("572"), "debit");
        assertAmount("120.50", rows.get("572"), "credit");
        assertAmount("12879.50", rows.get("572"), "balanceDebit");
        assertAmount("10000.00", rows.get("100"), "balanceCredit");
        assertAmount("13120.50", tb.getJsonObject("totals"), "debit");
        assertBalanced(tb.getJsonObject("totals"));
    }

    @Test
    void trialBalanceMidPeriodAddsTheDaysAtEveryLevel() {
        Books b = firstQuarter();
        JsonObject posting = b.expect(200, b.get("/reports/trial-balance?date=2025-03-10&level=posting")).json();
        Map<String, JsonObject> rows = rowsByCode(posting.getJsonArray("rows"), "code");
        assertEquals(List.of("100", "4000", "572", "629", "640", "721"), List.copyOf(rows.keySet()));
        assertAmount("1620.50", rows.get("572"), "credit");
        assertAmount("11379.50", rows.get("572"), "balanceDebit");
        assertAmount("200.50", rows.get("629"), "debit");
        assertAmount("14700.50", posting.getJsonObject("totals"), "debit");
        assertAmount("13080.00", posting.getJsonObject("totals"), "balanceDebit");
        assertBalanced(posting.getJsonObject("totals"));

        JsonObject three = b.expect(200, b.get("/reports/trial-balance?date=2025-03-10&level=3")).json();
        Map<String, JsonObject> threeRows = rowsByCode(three.getJsonArray("rows"), "code");
        assertEquals(List.of("100", "400", "572", "629", "640", "721"), List.copyOf(threeRows.keySet()));
        assertEquals("Proveedores", threeRows.get("400").getString("name"));
        assertAmount("80.00", threeRows.get("400"), "balanceCredit");
        assertAmount("14700.50", three.getJsonObject("totals"), "credit");
        assertBalanced(three.getJsonObject("totals"));

        JsonObject group = b.expect(200, b.get("/reports/trial-balance?date=2025-03-10&level=group")).json();
        Map<String, JsonObject> groups = rowsByCode(group.getJsonArray("rows"), "code");
        assertEquals(List.of("1", "4", "5", "6", "7"), List.copyOf(groups.keySet()));
        assertAmount("11379.50", groups.get("5"), "balanceDebit");
        assertAmount("1700.50", groups.get("6"), "debit");
        assertAmount("14700.50", group.getJsonObject("totals"), "debit");
        assertBalanced(group.getJsonObject("totals"));
    }

    @Test
    void trialBalanceOutsideEveryFiscalYearIsRefused() {
        Books b = firstQuarter();
        Reply reply = b.get("/reports/trial-balance?date=2024-12-31&level=3");
        assertEquals(400, reply.status(), reply.body());
        assertEquals("date", reply.json().getString("field"));
        Reply level = b.get("/reports/trial-balance?date=2025-03-31&level=9");
        assertEquals(400, level.status(), level.body());
        assertEquals("level", level.json().getString("field"));
    }

    /**
     * The reports' dates and levels and the entries' journal are converted by the platform, and a required date is
     * declared so: a value that does not convert, or a date left out or blank, is refused naming the parameter, in the
     * caller's language; a blank level is the default one.
     */
    @Test
    void reportParametersThatDoNotConvertOrAreMissingAreRefusedNamingTheParameter() {
        Books b = Books.open(base);
        assertRefused("date", "'31/03/2025' no es una fecha; escríbala como AAAA-MM-DD, por ejemplo 2025-03-31.",
                inSpanish(b, "/reports/trial-balance?date=31/03/2025"));
        assertRefused("to", "'2025-02-30' is not a date; write it as YYYY-MM-DD, e.g. 2025-03-31.",
                b.get("/reports/ledger?account=572&from=2025-01-01&to=2025-02-30"));
        assertRefused("to", "The date 'to' is missing; write it as YYYY-MM-DD, e.g. 2025-03-31.",
                b.get("/reports/results?from=2025-01-01"));
        assertRefused("date", "Falta la fecha 'date'; escríbala como AAAA-MM-DD, por ejemplo 2025-03-31.",
                inSpanish(b, "/reports/balance-sheet?date="));
        assertRefused("date", "The date 'date' is missing; write it as YYYY-MM-DD, e.g. 2025-03-31.",
                b.get("/periods"));
        assertRefused("level", "The level '4' is unknown; use group, 3, posting.",
                b.get("/reports/trial-balance?date=2025-03-31&level=4"));
        assertRefused("level", "El nivel '4' no existe; use group, 3, posting.",
                inSpanish(b, "/reports/trial-balance?date=2025-03-31&level=4"));
        assertEquals("3",
                b.expect(200, b.get("/reports/trial-balance?date=2025-03-31&level=")).json().getString("level"));
        assertRefused("journal", "'VENTAS' is not a journal; use GENERAL, SALES, PURCHASES, BANK, CASH, PAYROLL, "
                + "OPENING or CLOSING.", b.get("/entries?journal=VENTAS"));
        b.expect(200, b.get("/entries?journal=&from=&to=2025-12-31"));
        assertRefused("date", "'2025-13-01' no es una fecha; escríbala como AAAA-MM-DD, por ejemplo 2025-03-31.",
                b.client().get("api/v1/accounting/consolidated/trial-balance?orgs=" + b.orgId() + "&date=2025-13-01",
                        b.token(), Map.of("Accept-Language", "es")));
    }

    private static Reply inSpanish(Books b, String subPath) {
        return b.client().get(b.path() + subPath, b.token(), Map.of("Accept-Language", "es"));
    }

    private static void assertRefused(String parameter, String detail, Reply reply) {
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(parameter, reply.json().getString("field"), reply.body());
        assertEquals(detail, reply.json().getString("detail"), reply.body());
    }

    @Test
    void ledgerCarriesTheOpeningAndRunningBalanceAcrossPages() {
        Books b = firstQuarter();
        String range = "&from=2025-02-01&to=2025-03-31";
        JsonObject first = b.expect(200, b.get("/reports/ledger?account=572" + range + "&first=0&max=2")).json();
        assertEquals("Bancos e instituciones de crédito c/c vista, euros", first.getString("name"));
        assertAmount("9879.50", first, "opening");
        assertEquals(3, first.getInt("total"));
        JsonArray lines = first.getJsonArray("lines");
        assertEquals(2, lines.size());
        assertAmount("3000.00", lines.getJsonObject(0), "debit");
        assertAmount("12879.50", lines.getJsonObject(0), "balance");
        assertAmount("11379.50", lines.getJsonObject(1), "balance");
        assertEquals("GENERAL", lines.getJsonObject(1).getString("journal"));
        assertEquals(4, lines.getJsonObject(1).getInt("number"));
        JsonObject second = b.expect(200, b.get("/reports/ledger?account=572" + range + "&first=2&max=2")).json();
        assertEquals(1, second.getJsonArray("lines").size());
        assertAmount("11179.50", second.getJsonArray("lines").getJsonObject(0), "balance");
        assertAmount("11179.50", second, "closing");
        assertAmount("11179.50", first, "closing");

        JsonObject heading = b.expect(200, b.get("/reports/ledger?account=57" + range + "&first=3&max=10")).json();
        assertEquals(5, heading.getInt("total"));
        assertEquals("572", heading.getJsonArray("lines").getJsonObject(0).getString("account"));
        assertAmount("11379.50", heading.getJsonArray("lines").getJsonObject(0), "balance");
        assertAmount("11329.50", heading.getJsonArray("lines").getJsonObject(1), "balance");
        assertAmount("11329.50", heading, "closing");

        assertEquals(404, b.get("/reports/ledger?account=5799" + range).status());
        assertEquals(400, b.get("/reports/ledger?account=572" + range + "&max=1001").status());
    }

    @Test
    void journalListsEntriesWithTheirLines() {
        Books b = firstQuarter();
        JsonObject journal = b.expect(200, b.get("/reports/journal?from=2025-03-01&to=2025-03-31&first=1&max=2"))
                .json();
        assertEquals(4, journal.getInt("total"));
        JsonArray entries = journal.getJsonArray("entries");
        assertEquals(2, entries.size());
        JsonObject entry = entries.getJsonObject(0);
        assertEquals("2025-03-06", entry.getString("date"));
        assertEquals(5, entry.getInt("number"));
        assertEquals("629", entry.getJsonArray("lines").getJsonObject(0).getString("account"));
        assertEquals("Proveedores (euros)", entry.getJsonArray("lines").getJsonObject(1).getString("accountName"));
        assertAmount("80.00", entry.getJsonArray("lines").getJsonObject(1), "credit");
    }

    @Test
    void balanceSheetBalancesWithTheYearsSurplusInEquity() {
        Books b = firstQuarter();
        JsonObject sheet = b.expect(200, b.get("/reports/balance-sheet?date=2025-03-31")).json();
        Map<String, JsonObject> lines = rowsByCode(sheet.getJsonArray("lines"), "code");
        assertAmount("11329.50", lines.get("ACTIVO"), "amount");
        assertAmount("11329.50", lines.get("PNP"), "amount");
        assertAmount("11329.50", lines.get("B.VIII"), "amount");
        assertAmount("10000.00", lines.get("P.A-1.I"), "amount");
        assertAmount("1249.50", lines.get("P.A-1.IV"), "amount");
        assertAmount("80.00", lines.get("P.C.VI.1"), "amount");
        assertEquals("IV. Excedente del ejercicio", lines.get("P.A-1.IV").getString("caption"));
        JsonObject midMonth = b.expect(200, b.get("/reports/balance-sheet?date=2025-03-10")).json();
        Map<String, JsonObject> mid = rowsByCode(midMonth.getJsonArray("lines"), "code");
        assertEquals(amount(mid.get("ACTIVO"), "amount"), amount(mid.get("PNP"), "amount"));
    }

    /**
     * Every chart template against its own plan's models through the API: an entry per group posts to every posting
     * account of the group (debits and credits alternating, the difference to the bank), and the balance sheet's two
     * totals agree, the results account's total being the year's income less its expenses; for the plans with normal
     * models, once more in those, with the same total assets.
     */
    @Test
    void everyPlansBalanceSheetBalancesWithPostingsOnEveryAccountOfEveryGroup() {
        for (String template : List.of("pgc-esfl", "pgc-pymesfl", "pgc-pymes-2007", "pgc-cooperativas")) {
            Books b = Books.open(base, template);
            List<JsonObject> accounts = b.expect(200, b.get("/accounts")).array().stream().map(JsonValue::asJsonObject)
                    .filter(a -> a.getString("kind").equals("POSTING")).toList();
            String bank = accounts.stream().map(a -> a.getString("code")).filter(c -> c.startsWith("572")).findFirst()
                    .orElseThrow();
            BigDecimal incomeLessExpenses = BigDecimal.ZERO;
            for (int group = 1; group <= 9; group++) {
                int g = group;
                List<String> codes = accounts.stream().filter(a -> a.getInt("group") == g).map(a -> a.getString("code"))
                        .filter(c -> !c.equals(bank)).toList();
                if (codes.isEmpty()) {
                    continue;
                }
                StringBuilder lines = new StringBuilder();
                BigDecimal net = BigDecimal.ZERO;
                for (int i = 0; i < codes.size(); i++) {
                    BigDecimal amount = new BigDecimal(i + 1).add(new BigDecimal("0.25"));
                    boolean debit = i % 2 == 0;
                    net = debit ? net.add(amount) : net.subtract(amount);
                    lines.append("{\"account\":\"").append(codes.get(i)).append("\",\"")
                            .append(debit ? "debit" : "credit").append("\":").append(amount).append("},");
                    if (g == 6 || g == 7) {
                        incomeLessExpenses = debit ? incomeLessExpenses.subtract(amount)
                                : incomeLessExpenses.add(amount);
                    }
                }
                lines.append("{\"account\":\"").append(bank).append("\",\"")
                        .append(net.signum() > 0 ? "credit" : "debit").append("\":").append(net.abs()).append("}");
                b.expect(201, b.post("/entries", "{\"date\":\"2025-06-30\",\"journal\":\"GENERAL\",\"description\":"
                        + "\"Group " + g + "\",\"lines\":[" + lines + "]}"));
            }
            BigDecimal assets = assertStatementsAddUp(b, template, incomeLessExpenses);
            if (template.equals("pgc-esfl") || template.equals("pgc-cooperativas")) {
                // the plans with normal models: the same books in them, the same totals
                b.expect(200, b.put("/chart/size", "{\"size\":\"normal\"}"));
                assertEquals(assets, assertStatementsAddUp(b, template, incomeLessExpenses), template + " normal");
            }
        }
    }

    /**
     * Checks that the organisation's balance sheet at the end of 2025 balances and that a line of its results account
     * is the year's income less expenses, in the models of the size its chart is set to; answers the total assets.
     */
    private static BigDecimal assertStatementsAddUp(Books b, String template, BigDecimal incomeLessExpenses) {
        String size = b.expect(200, b.get("/chart")).json().getString("size");
        JsonObject sheet = b.expect(200, b.get("/reports/balance-sheet?date=2025-12-31")).json();
        assertEquals(size, sheet.getString("size"), template);
        assertEquals(size.equals("normal"), sheet.getString("model").contains("normal"), sheet.getString("model"));
        List<JsonObject> totals = sheet.getJsonArray("lines").stream().map(JsonValue::asJsonObject)
                .filter(l -> l.getInt("level") == 0).toList();
        String of = template + " " + size + ": ";
        assertEquals(2, totals.size(), of + totals);
        assertEquals(amount(totals.get(0), "amount"), amount(totals.get(1), "amount"), of + totals);
        assertTrue(amount(totals.get(0), "amount").signum() != 0, of + totals);
        JsonObject results = b.expect(200, b.get("/reports/results?from=2025-01-01&to=2025-12-31")).json();
        assertEquals(size, results.getString("size"), template);
        List<JsonObject> resultLines = results.getJsonArray("lines").stream().map(JsonValue::asJsonObject).toList();
        assertTrue(resultLines.stream().anyMatch(l -> amount(l, "amount").compareTo(incomeLessExpenses) == 0),
                of + "no line of the results account is the year's income less expenses, " + incomeLessExpenses);
        return amount(totals.get(0), "amount");
    }

    @Test
    void resultsShowIncomePositiveAndExpensesNegative() {
        Books b = firstQuarter();
        JsonObject results = b.expect(200, b.get("/reports/results?from=2025-01-01&to=2025-03-31")).json();
        Map<String, JsonObject> lines = rowsByCode(results.getJsonArray("lines"), "code");
        assertAmount("3000.00", lines.get("1.b"), "amount");
        assertAmount("3000.00", lines.get("1"), "amount");
        assertAmount("-1500.00", lines.get("8"), "amount");
        assertAmount("-250.50", lines.get("9"), "amount");
        assertAmount("1249.50", lines.get("A.1"), "amount");
        assertAmount("1249.50", lines.get("A.4"), "amount");
        JsonObject march = b.expect(200, b.get("/reports/results?from=2025-03-01&to=2025-03-31")).json();
        assertAmount("-1630.00", rowsByCode(march.getJsonArray("lines"), "code").get("A.4"), "amount");
    }

    /**
     * 2025 with a founding contribution, a State capital subsidy recognised in equity (9400, which the ESFL chart has
     * and closes against 1300), a tenth of it taken to the surplus through 8400 and 746, and an expense.
     */
    private Books subsidisedYear() {
        Books b = Books.open(base);
        b.postEntry("2025-01-02", "572", "100", "10000.00");
        b.postEntry("2025-03-01", "572", "9400", "5000.00");
        b.postEntry("2025-06-30", "629", "572", "300.00");
        b.postEntry("2025-12-31", "8400", "746", "500.00");
        return b;
    }

    private static Map<String, JsonObject> results(Books b, String from, String to) {
        return rowsByCode(
                b.expect(200, b.get("/reports/results?from=" + from + "&to=" + to)).json().getJsonArray("lines"),
                "code");
    }

    private static void assertChangeOfEquity(Map<String, JsonObject> lines) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String part : List.of("A.4", "D", "E", "F", "G", "H")) {
            sum = sum.add(amount(lines.get(part), "amount"));
        }
        assertEquals(sum, amount(lines.get("I"), "amount"), lines.get("I").toString());
    }

    @Test
    void resultsShowASubsidyRecognisedInEquityInPartBAndTheTotalChangeOfEquity() {
        Books b = subsidisedYear();
        Map<String, JsonObject> lines = results(b, "2025-01-01", "2025-12-31");
        assertAmount("200.00", lines.get("A.4"), "amount");
        assertAmount("5000.00", lines.get("B1"), "amount");
        assertAmount("5000.00", lines.get("B.1"), "amount");
        assertAmount("-500.00", lines.get("C1"), "amount");
        assertAmount("-500.00", lines.get("C.1"), "amount");
        assertAmount("4500.00", lines.get("D"), "amount");
        assertAmount("10000.00", lines.get("G"), "amount");
        assertAmount("0.00", lines.get("H"), "amount");
        assertAmount("14700.00", lines.get("I"), "amount");
        assertChangeOfEquity(lines);
        assertEquals("B) Ingresos y gastos imputados directamente al patrimonio neto",
                lines.get("B").getString("caption"));
    }

    @Test
    void closingTransfersGroups8And9ToSubgroup13AndTheNextYearOpensWithThem() throws IOException {
        Books b = subsidisedYear();
        JsonObject closing = b.expect(201, b.post("/fiscal-years/2025/closing", "{}")).json();
        assertEquals(5, closing.getJsonObject("transfer").getInt("number"));
        assertAmount("5000.00", closing.getJsonObject("transfer"), "total");
        assertEquals(6, closing.getJsonObject("regularisation").getInt("number"));
        JsonObject transfer = b
                .expect(200, b.get("/entries/" + closing.getJsonObject("transfer").getJsonNumber("id").longValue()))
                .json();
        assertEquals("CLOSING", transfer.getString("journal"));
        Map<String, JsonObject> moved = rowsByCode(transfer.getJsonArray("lines"), "account");
        assertEquals(List.of("8400", "9400", "1300"), List.copyOf(moved.keySet()));
        assertAmount("4500.00", moved.get("1300"), "credit");

        JsonObject yearEnd = b.expect(200, b.get("/reports/trial-balance?date=2025-12-31&level=posting")).json();
        Map<String, JsonObject> rows = rowsByCode(yearEnd.getJsonArray("rows"), "code");
        for (String code : List.of("8400", "9400")) {
            assertEquals(amount(rows.get(code), "debit"), amount(rows.get(code), "credit"), rows.get(code).toString());
        }
        assertBalanced(yearEnd.getJsonObject("totals"));

        JsonObject opened = b.expect(200, b.get("/reports/trial-balance?date=2026-01-01&level=3")).json();
        Map<String, JsonObject> next = rowsByCode(opened.getJsonArray("rows"), "code");
        assertAmount("4500.00", next.get("130"), "balanceCredit");
        assertAmount("200.00", next.get("129"), "balanceCredit");
        assertTrue(next.keySet().stream().noneMatch(code -> code.startsWith("8") || code.startsWith("9")),
                next.keySet().toString());
        assertBalanced(opened.getJsonObject("totals"));
        JsonObject group = b.expect(200, b.get("/reports/trial-balance?date=2026-01-01&level=group")).json();
        assertEquals(List.of("1", "5"), List.copyOf(rowsByCode(group.getJsonArray("rows"), "code").keySet()));
        Map<String, JsonObject> sheet = rowsByCode(
                b.expect(200, b.get("/reports/balance-sheet?date=2026-01-01")).json().getJsonArray("lines"), "code");
        assertAmount("4500.00", sheet.get("P.A-3"), "amount");
        assertEquals(amount(sheet.get("ACTIVO"), "amount"), amount(sheet.get("PNP"), "amount"));

        Map<String, JsonObject> closedYear = results(b, "2025-01-01", "2025-12-31");
        assertAmount("5000.00", closedYear.get("B1"), "amount");
        assertAmount("14700.00", closedYear.get("I"), "amount");
        assertChangeOfEquity(closedYear);
        Map<String, JsonObject> january = results(b, "2026-01-01", "2026-01-31");
        assertAmount("0.00", january.get("G"), "amount");
        assertAmount("0.00", january.get("I"), "amount");

        try (XSSFWorkbook book = download(b, "/reports/results?from=2025-01-01&to=2025-12-31&format=xlsx", b.token(),
                "cuenta-de-resultados-")) {
            XSSFSheet results = book.getSheetAt(0);
            Map<String, Double> byCaption = new java.util.HashMap<>();
            for (int r = 1; r <= results.getLastRowNum(); r++) {
                byCaption.putIfAbsent(results.getRow(r).getCell(0).getStringCellValue().strip(),
                        results.getRow(r).getCell(2).getNumericCellValue());
                assertEquals(null, results.getRow(r).getCell(3), "no previous year, no figure: row " + r);
            }
            // B1, the first of the lines so captioned (C1 is the other)
            assertEquals(5000.00, byCaption.get("1. Subvenciones recibidas"));
            assertEquals(4500.00, byCaption.get("D) Variaciones de patrimonio neto por ingresos y gastos imputados "
                    + "directamente al patrimonio neto (B.1 + C.1)"));
            assertEquals(14700.00,
                    byCaption.get("I) RESULTADO TOTAL, VARIACIÓN DEL PATRIMONIO NETO EN EL EJERCICIO (A.4+D+E+F+G+H)"));
        }
    }

    @Test
    void trialBalanceLeavesOutTheClosingEntriesOrTheOpeningEntryOnRequest() {
        Books b = subsidisedYear();
        b.expect(201, b.post("/fiscal-years/2025/closing", "{}"));
        String yearEnd = "/reports/trial-balance?date=2025-12-31&level=posting";
        JsonObject closed = b.expect(200, b.get(yearEnd)).json();
        assertAmount("0.00", closed.getJsonObject("totals"), "balanceDebit");
        assertFalse(closed.getJsonObject("excluded").getBoolean("closing"));

        JsonObject open = b.expect(200, b.get(yearEnd + "&excludeClosing=true")).json();
        assertTrue(open.getJsonObject("excluded").getBoolean("closing"));
        Map<String, JsonObject> rows = rowsByCode(open.getJsonArray("rows"), "code");
        assertAmount("14700.00", rows.get("572"), "balanceDebit");
        assertAmount("10000.00", rows.get("100"), "balanceCredit");
        assertAmount("5000.00", rows.get("9400"), "balanceCredit");
        assertAmount("500.00", rows.get("8400"), "balanceDebit");
        assertAmount("300.00", rows.get("629"), "balanceDebit");
        assertAmount("500.00", rows.get("746"), "balanceCredit");
        assertFalse(rows.containsKey("1300") || rows.containsKey("129"), rows.keySet().toString());
        assertBalanced(open.getJsonObject("totals"));
        Map<String, JsonObject> sheet = rowsByCode(
                b.expect(200, b.get("/reports/balance-sheet?date=2025-12-31")).json().getJsonArray("lines"), "code");
        assertEquals(amount(rows.get("572"), "balanceDebit"), amount(sheet.get("B.VIII"), "amount"));
        assertEquals(amount(rows.get("100"), "balanceCredit"), amount(sheet.get("P.A-1.I"), "amount"));
        JsonObject midYear = b.expect(200, b.get("/reports/trial-balance?date=2025-06-30&excludeClosing=true")).json();
        assertEquals(b.expect(200, b.get("/reports/trial-balance?date=2025-06-30")).json().getJsonArray("rows"),
                midYear.getJsonArray("rows"));

        String newYear = "/reports/trial-balance?date=2026-01-01&level=3";
        assertAmount("4500.00",
                rowsByCode(b.expect(200, b.get(newYear)).json().getJsonArray("rows"), "code").get("130"),
                "balanceCredit");
        JsonObject withoutOpening = b.expect(200, b.get(newYear + "&excludeOpening=true")).json();
        assertTrue(withoutOpening.getJsonObject("excluded").getBoolean("opening"));
        assertEquals(0, withoutOpening.getJsonArray("rows").size(), withoutOpening.toString());
        assertAmount("0.00", withoutOpening.getJsonObject("totals"), "debit");

        Reply refused = b.get(yearEnd + "&excludeClosing=yes");
        assertEquals(400, refused.status(), refused.body());
        assertEquals("excludeClosing", refused.json().getString("field"));
    }

    @Test
    void balanceSheetShowsAnOverdrawnBankAccountAsADebtWithCreditInstitutionsOnItsOwn() {
        Books b = Books.open(base);
        b.expect(201, b.post("/accounts", "{\"code\":\"5720001\",\"name\":\"Banco Uno\"}"));
        b.expect(201, b.post("/accounts", "{\"code\":\"5720002\",\"name\":\"Banco Dos\"}"));
        b.postEntry("2025-01-02", "5720001", "100", "1000.00");
        b.postEntry("2025-02-01", "629", "5720002", "300.00");
        Map<String, JsonObject> sheet = rowsByCode(
                b.expect(200, b.get("/reports/balance-sheet?date=2025-03-31")).json().getJsonArray("lines"), "code");
        assertAmount("1000.00", sheet.get("B.VIII"), "amount");
        assertAmount("300.00", sheet.get("P.C.III.1"), "amount");
        assertAmount("300.00", sheet.get("P.C"), "amount");
        assertAmount("1000.00", sheet.get("ACTIVO"), "amount");
        assertAmount("1000.00", sheet.get("PNP"), "amount");
    }

    /**
     * 2024 (the organisation's first year, closed) and 2025: each statement shows the previous year beside this one,
     * computed by hand below. Balance sheet at 31/12/2025 (2025 open, so its surplus is in IV; 129 carries 2024's
     * 1,700.00 from the opening entry): 572 = 11,700 + 3,000 - 1,500 = 13,200; IV = 1,700 + 3,000 - 1,500 - 80 = 3,120;
     * 4000 = 80. Beside it the balance sheet at 31/12/2024 without its closing entries: 572 = 10,000 + 2,000 - 300 =
     * 11,700; IV = 2,000 - 300 = 1,700. Results of 2025 without its opening entry: 1.b 3,000, 8 -1,500, 9 -80, A.4
     * 1,420, I 1,420; of 2024 without its closing entries: 1.b 2,000, 8 0, 9 -300, A.4 1,700, and I 11,700 with the
     * founding contribution in G.
     */
    @Test
    void statementsShowThePreviousYearBesideThisYearAndNothingBesideTheFirstYear() throws IOException {
        Books b = Books.open(base);
        b.expect(201, b.post("/fiscal-years", "{\"year\":2024}"));
        b.postEntry("2024-01-02", "572", "100", "10000.00");
        b.postEntry("2024-05-10", "572", "721", "2000.00");
        b.postEntry("2024-09-01", "629", "572", "300.00");
        b.expect(201, b.post("/fiscal-years/2024/closing", "{}"));
        b.postEntry("2025-02-10", "572", "721", "3000.00");
        b.postEntry("2025-03-05", "640", "572", "1500.00");
        b.postEntry("2025-06-01", "629", "4000", "80.00");

        JsonObject balance = b.expect(200, b.get("/reports/balance-sheet?date=2025-12-31")).json();
        assertEquals("2025-01-01", balance.getString("from"));
        assertEquals("2025-12-31", balance.getString("to"));
        assertEquals("2024-01-01", balance.getString("previousFrom"));
        assertEquals("2024-12-31", balance.getString("previousTo"));
        Map<String, JsonObject> sheet = rowsByCode(balance.getJsonArray("lines"), "code");
        assertColumns("13200.00", "11700.00", sheet.get("ACTIVO"));
        assertColumns("13200.00", "11700.00", sheet.get("B.VIII"));
        assertColumns("10000.00", "10000.00", sheet.get("P.A-1.I"));
        assertColumns("3120.00", "1700.00", sheet.get("P.A-1.IV"));
        assertColumns("80.00", "0.00", sheet.get("P.C.VI.1"));
        assertColumns("13200.00", "11700.00", sheet.get("PNP"));

        JsonObject results = b.expect(200, b.get("/reports/results?from=2025-01-01&to=2025-12-31")).json();
        assertEquals("2024-01-01", results.getString("previousFrom"));
        assertEquals("2024-12-31", results.getString("previousTo"));
        Map<String, JsonObject> year = rowsByCode(results.getJsonArray("lines"), "code");
        assertColumns("3000.00", "2000.00", year.get("1.b"));
        assertColumns("-1500.00", "0.00", year.get("8"));
        assertColumns("-80.00", "-300.00", year.get("9"));
        assertColumns("1420.00", "1700.00", year.get("A.4"));
        assertColumns("0.00", "10000.00", year.get("G"));
        assertColumns("1420.00", "11700.00", year.get("I"));
        JsonObject spring = b.expect(200, b.get("/reports/results?from=2025-02-01&to=2025-05-31")).json();
        assertEquals("2024-02-01", spring.getString("previousFrom"));
        assertEquals("2024-05-31", spring.getString("previousTo"));
        assertColumns("3000.00", "2000.00", rowsByCode(spring.getJsonArray("lines"), "code").get("1.b"));

        JsonObject first = b.expect(200, b.get("/reports/balance-sheet?date=2024-06-30")).json();
        assertTrue(first.isNull("previousFrom") && first.isNull("previousTo"), first.toString());
        Map<String, JsonObject> firstSheet = rowsByCode(first.getJsonArray("lines"), "code");
        assertAmount("12000.00", firstSheet.get("ACTIVO"), "amount");
        assertTrue(firstSheet.values().stream().allMatch(l -> l.isNull("previous")), firstSheet.toString());
        JsonObject firstResults = b.expect(200, b.get("/reports/results?from=2024-01-01&to=2024-12-31")).json();
        assertTrue(firstResults.isNull("previousFrom") && firstResults.isNull("previousTo"));
        assertTrue(firstResults.getJsonArray("lines").stream().allMatch(l -> l.asJsonObject().isNull("previous")));
        assertAmount("1700.00", rowsByCode(firstResults.getJsonArray("lines"), "code").get("A.4"), "amount");
        Reply outside = b.get("/reports/balance-sheet?date=2023-12-31");
        assertEquals(400, outside.status(), outside.body());
        assertEquals("date", outside.json().getString("field"));

        try (XSSFWorkbook book = download(b, "/reports/balance-sheet?date=2025-12-31&format=xlsx", b.token(),
                "balance-")) {
            XSSFSheet xlsx = book.getSheetAt(0);
            XSSFRow header = xlsx.getRow(0);
            assertEquals(List.of("Concepto", "Notas", "31/12/2025", "31/12/2024"),
                    List.of(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
                            header.getCell(2).getStringCellValue(), header.getCell(3).getStringCellValue()));
            assertEquals("TOTAL ACTIVO (A+B)", xlsx.getRow(1).getCell(0).getStringCellValue());
            assertEquals(null, xlsx.getRow(1).getCell(1));
            assertEquals(13200.00, xlsx.getRow(1).getCell(2).getNumericCellValue());
            assertEquals(11700.00, xlsx.getRow(1).getCell(3).getNumericCellValue());
        }
    }

    /**
     * A small company on the PGC PYMES, worked by hand. 2024: capital of 10,000 (572 / 100), services sold 5,000 (4300
     * / 705) and bought 3,000 (629 / 572), a capital grant of 5,000 received into 130 and 500 of it transferred to
     * results (130 / 746); closed, a profit of 2,500. 2025: 1,500 of the profit to the voluntary reserves (129 / 113)
     * and 1,000 as dividend (129 / 526), a capital increase of 4,000, wages 4,000, sales 1,000, again 500 of the grant
     * to 746. The statement of changes in equity puts each movement in its row (PGC PYMES, tercera parte, norm 7.ª),
     * its closing columns are the balance sheet's equity lines in both years, and the xlsx is the same grid. While 2024
     * is open the statement of 2025 is refused, naming both years; an ESFL organisation, whose plan has no such model,
     * is refused naming its plan.
     */
    @Test
    void equityChangesOfAPymesYearFollowTheModelAndCloseAtTheBalanceSheetsEquity() throws IOException {
        Books b = Books.open(base, "pgc-pymes-2007");
        b.expect(201, b.post("/fiscal-years", "{\"year\":2024}"));
        b.postEntry("2024-01-02", "572", "100", "10000.00");
        b.postEntry("2024-03-01", "4300", "705", "5000.00");
        b.postEntry("2024-04-01", "629", "572", "3000.00");
        b.postEntry("2024-05-01", "572", "130", "5000.00");
        b.postEntry("2024-12-31", "130", "746", "500.00");
        Reply open = b.get("/reports/equity-changes?date=2025-06-30");
        assertEquals(409, open.status(), open.body());
        assertEquals("The statement of changes in equity of 2025 starts from the balances the closing of 2024 carries "
                + "into it, and 2024 is not closed yet: close the fiscal year 2024 first, or ask for the statement of "
                + "2024.", open.json().getString("detail"));
        Reply abierto = inSpanish(b, "/reports/equity-changes?date=2025-06-30");
        assertEquals(409, abierto.status(), abierto.body());
        assertTrue(abierto.json().getString("detail").startsWith("El estado de cambios en el patrimonio neto de 2025"),
                abierto.body());
        b.expect(201, b.post("/fiscal-years/2024/closing", "{}"));
        b.postEntry("2025-02-01", "129", "113", "1500.00");
        b.postEntry("2025-02-01", "129", "526", "1000.00");
        b.postEntry("2025-03-01", "572", "100", "4000.00");
        b.postEntry("2025-04-01", "640", "572", "4000.00");
        b.postEntry("2025-05-01", "4300", "705", "1000.00");
        b.postEntry("2025-12-31", "130", "746", "500.00");

        JsonObject report = b.expect(200, b.get("/reports/equity-changes?date=2025-06-30")).json();
        assertEquals("pgc-pymes-equity-changes", report.getString("model"));
        assertEquals(2025, report.getInt("year"));
        assertEquals("2024-01-01", report.getString("previousFrom"));
        assertEquals("2025-12-31", report.getString("to"));
        List<String> leaves = report.getJsonArray("columns").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getBoolean("leaf")).map(c -> c.getString("code")).toList();
        assertEquals(List.of("CAP.E", "CAP.NE", "PRIMA", "RES", "PROP", "REA", "APS", "RDO", "DIV", "SUB", "AJ"),
                leaves);
        Map<String, JsonObject> rows = rowsByCode(report.getJsonArray("rows"), "code");
        assertEquals("C. SALDO, FINAL DEL AÑO 2024", rows.get("C").getString("caption"));
        assertCells(rows.get("A"), leaves, "TOTAL=0");
        assertCells(rows.get("B.I"), leaves, "RDO=2500", "TOTAL=2500");
        assertCells(rows.get("B.II"), leaves, "SUB=4500", "TOTAL=4500");
        assertCells(rows.get("B.III.1"), leaves, "CAP.E=10000", "TOTAL=10000");
        assertCells(rows.get("C"), leaves, "CAP.E=10000", "RDO=2500", "SUB=4500", "TOTAL=17000");
        assertCells(rows.get("D"), leaves, "CAP.E=10000", "RDO=2500", "SUB=4500", "TOTAL=17000");
        // wages 4,000, sales 1,000 and the 500 of the grant imputed to results
        assertCells(rows.get("D.I"), leaves, "RDO=-2500", "TOTAL=-2500");
        // the grant transferred to 746 leaves the grants column here, not in IV
        assertCells(rows.get("D.II"), leaves, "SUB=-500", "TOTAL=-500");
        assertCells(rows.get("D.III.1"), leaves, "CAP.E=4000", "TOTAL=4000");
        assertCells(rows.get("D.III.3"), leaves, "RDO=-1000", "TOTAL=-1000");
        assertCells(rows.get("D.IV"), leaves, "RES=1500", "RDO=-1500", "TOTAL=0");
        assertCells(rows.get("E"), leaves, "CAP.E=14000", "RES=1500", "RDO=-2500", "SUB=4000", "TOTAL=17000");
        List<String> empty = report.getJsonArray("emptyRows").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList();
        assertTrue(empty.contains("B.III.2") && empty.contains("D.III.2") && !empty.contains("D.III.3"),
                empty.toString());

        // the closing columns are the balance sheet's equity, at the year-end and a year before
        Map<String, JsonObject> sheet = rowsByCode(
                b.expect(200, b.get("/reports/balance-sheet?date=2025-12-31")).json().getJsonArray("lines"), "code");
        Map<String, String> lineOf = Map.of("CAP.E", "P.A-1.I.1", "RES", "P.A-1.III", "RDO", "P.A-1.VII", "SUB",
                "P.A-2", "TOTAL", "P.A");
        lineOf.forEach((column, line) -> {
            assertEquals(0, amount(sheet.get(line), "amount").compareTo(cell(rows.get("E"), leaves, column)), line);
            assertEquals(0, amount(sheet.get(line), "previous").compareTo(cell(rows.get("C"), leaves, column)), line);
        });

        try (XSSFWorkbook book = download(b, "/reports/equity-changes?date=2025-12-31&format=xlsx", b.token(),
                "cambios-patrimonio-neto-" + b.orgId() + "-2025-01-01-2025-12-31")) {
            assertEquals(
                    "Estado de cambios en el patrimonio neto del ejercicio 2025, del 01/01/2025 al 31/12/2025, "
                            + "modelo pgc-pymes-equity-changes (abreviado)",
                    book.getProperties().getCoreProperties().getTitle());
            XSSFSheet xlsx = book.getSheetAt(0);
            assertEquals("Capital", xlsx.getRow(0).getCell(1).getStringCellValue());
            assertEquals("Escriturado", xlsx.getRow(1).getCell(1).getStringCellValue());
            assertEquals("TOTAL", xlsx.getRow(0).getCell(12).getStringCellValue());
            XSSFRow closing = xlsx.getRow(xlsx.getLastRowNum());
            assertEquals("E. SALDO, FINAL DEL AÑO 2025", closing.getCell(0).getStringCellValue());
            assertEquals(14000.00, closing.getCell(1).getNumericCellValue());
            assertEquals(-2500.00, closing.getCell(8).getNumericCellValue());
            assertEquals(4000.00, closing.getCell(10).getNumericCellValue());
            assertEquals(17000.00, closing.getCell(12).getNumericCellValue());
            // the dividend in "3. Otras operaciones con socios o propietarios" of 2025
            XSSFRow dividend = xlsx.getRow(2 + 22);
            assertEquals("3. Otras operaciones con socios o propietarios",
                    dividend.getCell(0).getStringCellValue().strip());
            assertEquals(-1000.00, dividend.getCell(8).getNumericCellValue());
        }

        Books esfl = Books.open(base);
        Reply refused = esfl.get("/reports/equity-changes?date=2025-06-30");
        assertEquals(409, refused.status(), refused.body());
        assertEquals("The chart template 'pgc-esfl' of this organisation has no statement of changes in equity model "
                + "yet: the statement of changes in equity is not drawn up in another plan's model, whose lines would "
                + "not take this plan's accounts.", refused.json().getString("detail"));
        assertTrue(inSpanish(esfl, "/reports/equity-changes?date=2025-06-30").json().getString("detail")
                .startsWith("El plan de cuentas 'pgc-esfl' de esta organización aún no tiene modelo de estado de "
                        + "cambios en el patrimonio neto"));
    }

    /** A cell of a row of the statement of changes in equity: a leaf column's amount, or the TOTAL. */
    private static BigDecimal cell(JsonObject row, List<String> leaves, String column) {
        return column.equals("TOTAL") ? amount(row, "total")
                : row.getJsonArray("amounts").getJsonNumber(leaves.indexOf(column)).bigDecimalValue();
    }

    /** Every leaf column of a row and its total, those not named being zero. */
    private static void assertCells(JsonObject row, List<String> leaves, String... expected) {
        Map<String, String> named = new java.util.HashMap<>();
        for (String pair : expected) {
            named.put(pair.split("=")[0], pair.split("=")[1]);
        }
        for (String column : leaves) {
            assertEquals(0, new BigDecimal(named.getOrDefault(column, "0")).compareTo(cell(row, leaves, column)),
                    row.getString("code") + " " + column + ": " + row);
        }
        assertEquals(0, new BigDecimal(named.getOrDefault("TOTAL", "0")).compareTo(cell(row, leaves, "TOTAL")),
                row.getString("code") + " TOTAL: " + row);
    }

    /** A statement's line with this period's amount and the previous period's. */
    private static void assertColumns(String amount, String previous, JsonObject line) {
        assertAmount(amount, line, "amount");
        assertAmount(previous, line, "previous");
    }

    @Test
    void closingRefusesBalancesOfGroups8And9ItCannotPlaceNamingThem() {
        Books b = Books.open(base);
        b.postEntry("2025-01-02", "572", "100", "10000.00");
        b.postEntry("2025-03-01", "572", "9400", "1000.00");
        b.postEntry("2025-03-02", "8301", "572", "250.00");
        Reply refused = b.post("/fiscal-years/2025/closing", "{}");
        assertEquals(409, refused.status(), refused.body());
        assertEquals("year", refused.json().getString("field"));
        String detail = refused.json().getString("detail");
        assertTrue(detail.contains("8301 goes to the subgroup 13 account of the item"), detail);
        assertFalse(detail.contains("9400"), detail);
        assertTrue(b.expect(200, b.get("/fiscal-years")).array().stream()
                .noneMatch(y -> y.asJsonObject().getBoolean("closed")));
        assertEquals(0, b.expect(200, b.get("/entries?journal=CLOSING")).json().getInt("total"));
    }

    /**
     * Each organisation's statements follow its own plan: a PYMESFL organisation gets the PYMESFL model of
     * BOE-A-2013-3736 (grants in A-2, no lines for assets held for sale, current assets numbered B.I to B.VII), with
     * its balances; a cooperative gets the models of Orden EHA/3360/2010 (BOE-A-2010-20034) with the cooperative
     * captions, the FEFP on its own lines, and a balance sheet that balances with postings in groups 1 to 7. (A plan
     * without models is refused naming it: StatementModelsTest.)
     */
    @Test
    void eachOrganisationsStatementsFollowItsOwnPlanAndACooperativesBalanceSheetBalancesWithPostingsInGroups1To7()
            throws IOException {
        Books b = Books.open(base, "pgc-pymesfl");
        b.postEntry("2025-01-02", "572", "101", "10000.00");
        b.postEntry("2025-02-01", "572", "1320", "3000.00");
        b.postEntry("2025-03-05", "629", "572", "500.00");
        b.postEntry("2025-03-06", "4000", "555", "40.00");
        JsonObject balance = b.expect(200, b.get("/reports/balance-sheet?date=2025-03-31")).json();
        assertEquals("pymesfl-balance", balance.getString("model"));
        Map<String, JsonObject> sheet = rowsByCode(balance.getJsonArray("lines"), "code");
        assertEquals("A-2) Subvenciones, donaciones y legados recibidos", sheet.get("P.A-2").getString("caption"));
        assertAmount("3000.00", sheet.get("P.A-2"), "amount");
        assertEquals("VII. Efectivo y otros activos líquidos equivalentes", sheet.get("B.VII").getString("caption"));
        assertAmount("12500.00", sheet.get("B.VII"), "amount");
        assertAmount("10000.00", sheet.get("P.A-1.I.1"), "amount");
        assertAmount("-500.00", sheet.get("P.A-1.IV"), "amount");
        assertAmount("40.00", sheet.get("P.C.II.3"), "amount");
        assertAmount("-40.00", sheet.get("P.C.V.1"), "amount");
        assertAmount("12500.00", sheet.get("ACTIVO"), "amount");
        assertAmount("12500.00", sheet.get("PNP"), "amount");
        assertFalse(sheet.containsKey("P.A-3") || sheet.containsKey("B.VIII"), sheet.keySet().toString());
        assertTrue(sheet.values().stream().noneMatch(l -> l.getString("caption").contains("mantenidos para la venta")));
        JsonObject results = b.expect(200, b.get("/reports/results?from=2025-01-01&to=2025-03-31")).json();
        assertEquals("pymesfl-results", results.getString("model"));
        assertAmount("-500.00", rowsByCode(results.getJsonArray("lines"), "code").get("9"), "amount");
        try (XSSFWorkbook book = download(b, "/reports/balance-sheet?date=2025-03-31&format=xlsx", b.token(),
                "balance-")) {
            assertEquals("Balance a 31/03/2025, modelo pymesfl-balance (abreviado)",
                    book.getProperties().getCoreProperties().getTitle());
        }

        // A cooperative's first quarter: compulsory contributions to capital (1000), a machine on credit (213 / 523),
        // goods bought from members (605 / 4007) and their stock (307 / 617), sales (4300 / 700), the members' work
        // (647), the FEFP allocation (657 / 5298) and a grant imputable to it (7571).
        Books cooperative = Books.open(base, "pgc-cooperativas");
        cooperative.postEntry("2025-01-02", "572", "1000", "6000.00");
        cooperative.postEntry("2025-01-10", "213", "523", "2000.00");
        cooperative.postEntry("2025-01-15", "605", "4007", "3000.00");
        cooperative.postEntry("2025-01-20", "307", "617", "500.00");
        cooperative.postEntry("2025-02-01", "4300", "700", "8000.00");
        cooperative.postEntry("2025-02-15", "647", "572", "2500.00");
        cooperative.postEntry("2025-03-31", "657", "5298", "400.00");
        cooperative.postEntry("2025-03-31", "572", "7571", "100.00");
        JsonObject coopBalance = cooperative.expect(200, cooperative.get("/reports/balance-sheet?date=2025-03-31"))
                .json();
        assertEquals("pgc-cooperativas-balance", coopBalance.getString("model"));
        Map<String, JsonObject> coopSheet = rowsByCode(coopBalance.getJsonArray("lines"), "code");
        assertEquals("1. Capital cooperativo suscrito", coopSheet.get("P.A-1.I.1").getString("caption"));
        assertAmount("6000.00", coopSheet.get("P.A-1.I.1"), "amount");
        assertEquals("1. Fondo de Reserva Obligatorio", coopSheet.get("P.A-1.II.1").getString("caption"));
        assertEquals("V. Resultado de la cooperativa (positivo o negativo)",
                coopSheet.get("P.A-1.V").getString("caption"));
        // 8,000 + 500 + 100 - 3,000 - 2,500 - 400.
        assertAmount("2700.00", coopSheet.get("P.A-1.V"), "amount");
        assertEquals("I. Fondo de Educación, Formación y Promoción a corto plazo",
                coopSheet.get("P.C.I").getString("caption"));
        assertAmount("400.00", coopSheet.get("P.C.I"), "amount");
        assertAmount("0.00", coopSheet.get("P.C.IV"), "amount");
        assertAmount("3000.00", coopSheet.get("P.C.VII.1"), "amount");
        assertAmount("500.00", coopSheet.get("B.II"), "amount");
        // 2,000 (213) + 500 (307) + 8,000 (4300) + 3,600 (572).
        assertAmount("14100.00", coopSheet.get("ACTIVO"), "amount");
        assertAmount("14100.00", coopSheet.get("PNP"), "amount");
        Reply spanish = inSpanish(cooperative, "/reports/results?from=2025-01-01&to=2025-03-31");
        assertEquals(200, spanish.status(), spanish.body());
        assertEquals("pgc-cooperativas-results", spanish.json().getString("model"));
        Map<String, JsonObject> coopResults = rowsByCode(spanish.json().getJsonArray("lines"), "code");
        assertEquals("12. Fondo de Educación, Formación y Promoción", coopResults.get("12").getString("caption"));
        assertAmount("-400.00", coopResults.get("12.a"), "amount");
        assertAmount("100.00", coopResults.get("12.b"), "amount");
        assertEquals("c) Consumos de existencias de socios", coopResults.get("4.c").getString("caption"));
        assertAmount("-2500.00", coopResults.get("4.c"), "amount");
        assertEquals("A.5) RESULTADO DEL EJERCICIO (A.4+19)", coopResults.get("A.5").getString("caption"));
        assertAmount("2700.00", coopResults.get("A.5"), "amount");
    }

    @Test
    void reportsDownloadAsXlsx() throws IOException {
        Books b = firstQuarter();
        try (XSSFWorkbook book = download(b, "/reports/trial-balance?date=2025-03-10&level=posting&format=xlsx",
                b.auditorToken(), "sumas-y-saldos-")) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertEquals("Cuenta", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("100", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("4000", sheet.getRow(2).getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, sheet.getRow(3).getCell(2).getCellType());
            assertEquals(13000.00, sheet.getRow(3).getCell(2).getNumericCellValue());
            assertEquals("Total", sheet.getRow(7).getCell(0).getStringCellValue());
            assertEquals(14700.50, sheet.getRow(7).getCell(2).getNumericCellValue());
            assertEquals(14700.50, sheet.getRow(7).getCell(3).getNumericCellValue());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertEquals("Balance de sumas y saldos del 01/01/2025 al 10/03/2025, nivel posting",
                    book.getProperties().getCoreProperties().getTitle());
        }
        try (XSSFWorkbook book = download(b, "/reports/ledger?account=572&from=2025-02-01&to=2025-03-31&format=xlsx",
                b.token(), "mayor-572-")) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertEquals("Saldo anterior", sheet.getRow(1).getCell(4).getStringCellValue());
            assertEquals(9879.50, sheet.getRow(1).getCell(7).getNumericCellValue());
            assertEquals(11179.50, sheet.getRow(4).getCell(7).getNumericCellValue());
            assertEquals(11179.50, sheet.getRow(5).getCell(7).getNumericCellValue());
            assertEquals(5, sheet.getLastRowNum());
        }
        try (XSSFWorkbook book = download(b, "/reports/journal?from=2025-01-01&to=2025-03-31&format=xlsx", b.token(),
                "diario-")) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertEquals(15, sheet.getLastRowNum());
            assertEquals(14950.50, sheet.getRow(15).getCell(8).getNumericCellValue());
        }
        try (XSSFWorkbook book = download(b, "/reports/balance-sheet?date=2025-03-31&format=xlsx", b.token(),
                "balance-")) {
            assertEquals("TOTAL ACTIVO (A+B)", book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue());
            assertEquals(11329.50, book.getSheetAt(0).getRow(1).getCell(2).getNumericCellValue());
        }
    }

    /**
     * Thousands of lines on one account: the ledger download streams every one, in order, with the opening balance, a
     * running balance that adds up line by line, and totals and closing balance equal to the JSON report's; the journal
     * download of the same range has every line of every entry.
     */
    @Test
    void aWorkbooksTitleFollowsTheCallersLanguageAndItsFileNameDoesNot() throws IOException {
        Books b = firstQuarter();
        String path = b.path() + "/reports/trial-balance?date=2025-03-10&level=3&format=xlsx";
        String name = "sumas-y-saldos-" + b.orgId() + "-nivel-3-2025-03-10";
        try (XSSFWorkbook english = downloadFrom(path, b.auditorToken(), name, "en-GB, es;q=0.5");
                XSSFWorkbook spanish = downloadFrom(path, b.auditorToken(), name, "es-ES")) {
            assertEquals("Trial balance from 01/01/2025 to 10/03/2025, level 3",
                    english.getProperties().getCoreProperties().getTitle());
            assertEquals("Balance de sumas y saldos del 01/01/2025 al 10/03/2025, nivel 3",
                    spanish.getProperties().getCoreProperties().getTitle());
            // the sheet is the same in both: the books are kept in Spanish
            assertEquals("Cuenta", english.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
            assertEquals(spanish.getSheetAt(0).getSheetName(), english.getSheetAt(0).getSheetName());
        }
        try (XSSFWorkbook book = downloadFrom(b.path() + "/reports/journal?from=2025-01-01&to=2025-03-31&format=xlsx",
                b.token(), "diario-" + b.orgId() + "-2025-01-01-2025-03-31", "en")) {
            assertEquals("Journal from 01/01/2025 to 31/03/2025", book.getProperties().getCoreProperties().getTitle());
        }
    }

    @Test
    void ledgerAndJournalExportsHoldEveryLineWithItsRunningBalance() throws IOException {
        Books b = Books.open(base);
        b.postEntry("2025-01-05", "572", "100", "500.00");
        int perEntry = 1000;
        BigDecimal posted = BigDecimal.ZERO;
        for (String date : new String[] { "2025-01-10", "2025-02-10", "2025-03-10" }) {
            StringBuilder lines = new StringBuilder();
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 1; i <= perEntry; i++) {
                BigDecimal amount = new BigDecimal((i % 97 + 1) + ".25");
                sum = sum.add(amount);
                lines.append("{\"account\":\"572\",\"debit\":").append(amount).append(",\"text\":\"Recibo ").append(i)
                        .append("\"},");
            }
            lines.append("{\"account\":\"721\",\"credit\":").append(sum).append('}');
            b.expect(201, b.post("/entries", "{\"date\":\"" + date + "\",\"journal\":\"BANK\","
                    + "\"description\":\"Remesa de recibos\",\"lines\":[" + lines + "]}"));
            posted = posted.add(sum);
        }
        String range = "&from=2025-01-06&to=2025-12-31";
        JsonObject json = b.expect(200, b.get("/reports/ledger?account=572" + range + "&max=1")).json();
        assertEquals(3 * perEntry, json.getInt("total"));
        try (XSSFWorkbook book = download(b, "/reports/ledger?account=572" + range + "&format=xlsx", b.token(),
                "mayor-572-")) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertEquals(1, book.getNumberOfSheets());
            assertEquals(3 * perEntry + 2, sheet.getLastRowNum());
            assertEquals("Saldo anterior", sheet.getRow(1).getCell(4).getStringCellValue());
            BigDecimal balance = exact(sheet.getRow(1).getCell(7));
            assertEquals(new BigDecimal("500.00"), balance);
            BigDecimal debit = BigDecimal.ZERO;
            for (int r = 2; r <= 3 * perEntry + 1; r++) {
                XSSFRow row = sheet.getRow(r);
                BigDecimal lineDebit = row.getCell(5) == null ? BigDecimal.ZERO : exact(row.getCell(5));
                BigDecimal lineCredit = row.getCell(6) == null ? BigDecimal.ZERO : exact(row.getCell(6));
                balance = balance.add(lineDebit).subtract(lineCredit);
                assertEquals(0, balance.compareTo(exact(row.getCell(7))), "running balance on row " + (r + 1));
                debit = debit.add(lineDebit);
            }
            assertEquals("Remesa de recibos - Recibo 1000",
                    sheet.getRow(3 * perEntry + 1).getCell(4).getStringCellValue());
            XSSFRow totals = sheet.getRow(3 * perEntry + 2);
            assertEquals("Total y saldo final", totals.getCell(4).getStringCellValue());
            assertEquals(0, posted.compareTo(debit));
            assertEquals(0, posted.compareTo(exact(totals.getCell(5))));
            assertEquals(0, amount(json, "closing").compareTo(exact(totals.getCell(7))));
            assertEquals(0, new BigDecimal("500.00").add(posted).compareTo(exact(totals.getCell(7))));
        }
        try (XSSFWorkbook book = download(b, "/reports/journal?from=2025-01-06&to=2025-03-31&format=xlsx",
                b.auditorToken(), "diario-")) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertEquals(3 * (perEntry + 1) + 1, sheet.getLastRowNum());
            assertEquals(2.0, sheet.getRow(1).getCell(0).getNumericCellValue());
            assertEquals(4.0, sheet.getRow(3 * (perEntry + 1)).getCell(0).getNumericCellValue());
            assertEquals(1001.0, sheet.getRow(3 * (perEntry + 1)).getCell(5).getNumericCellValue());
            XSSFRow totals = sheet.getRow(3 * (perEntry + 1) + 1);
            assertEquals(0, posted.compareTo(exact(totals.getCell(8))));
            assertEquals(0, posted.compareTo(exact(totals.getCell(9))));
        }
    }

    /** The entries download has exactly the entries the same filters list in JSON, with the reversal marks. */
    @Test
    void entriesExportHonoursTheListsFilters() throws IOException {
        Books b = firstQuarter();
        long last = b.expect(200, b.get("/entries?from=2025-03-31&to=2025-03-31")).json().getJsonArray("entries")
                .getJsonObject(0).getJsonNumber("id").longValue();
        b.expect(201, b.post("/entries/" + last + "/reversal", "{\"date\":\"2025-03-31\"}"));
        String filters = "/entries?from=2025-02-01&to=2025-03-31&account=57&journal=GENERAL";
        JsonObject list = b.expect(200, b.get(filters)).json();
        assertEquals(5, list.getInt("total"));
        try (XSSFWorkbook book = download(b, filters + "&format=xlsx", b.auditorToken(),
                "asientos-" + b.orgId() + "-desde-2025-02-01-hasta-2025-03-31")) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertEquals("Asientos", sheet.getSheetName());
            assertEquals(6, sheet.getLastRowNum());
            JsonArray entries = list.getJsonArray("entries");
            for (int i = 0; i < entries.size(); i++) {
                JsonObject entry = entries.getJsonObject(i);
                XSSFRow row = sheet.getRow(i + 1);
                assertEquals(2025.0, row.getCell(0).getNumericCellValue());
                assertEquals(entry.getInt("number"), (int) row.getCell(1).getNumericCellValue());
                assertEquals(entry.getString("date"),
                        row.getCell(2).getLocalDateTimeCellValue().toLocalDate().toString());
                assertEquals(0, amount(entry, "total").compareTo(exact(row.getCell(6))));
                assertTrue(entry.getString("postedBy").startsWith("accountant-"), entry.toString());
                assertEquals(entry.getString("postedBy"), row.getCell(8).getStringCellValue());
            }
            assertEquals(List.of(3, 4, 6, 7, 8), java.util.stream.IntStream.rangeClosed(1, 5)
                    .mapToObj(r -> (int) sheet.getRow(r).getCell(1).getNumericCellValue()).toList());
            assertEquals("anulado", sheet.getRow(4).getCell(7).getStringCellValue());
            assertEquals("anulación", sheet.getRow(5).getCell(7).getStringCellValue());
            assertEquals(0, new BigDecimal("4800.00").compareTo(exact(sheet.getRow(6).getCell(6))));
        }
        try (XSSFWorkbook book = download(b, "/entries?text=nada-parecido&format=xlsx", b.token(), "asientos-")) {
            assertEquals(1, book.getSheetAt(0).getLastRowNum());
            assertEquals("Total", book.getSheetAt(0).getRow(1).getCell(4).getStringCellValue());
        }
        assertEquals(400, b.get("/entries?format=pdf").status());
    }

    /** A number cell's value exactly as written, not through a double. */
    private static BigDecimal exact(XSSFCell cell) {
        return new BigDecimal(cell.getRawValue());
    }

    @Test
    void grantExecutionComparesSpendingWithTheBudget() {
        Books b = Books.open(base);
        b.expect(201,
                b.post("/grants", "{\"code\":\"G1\",\"name\":\"Empleo 2025\",\"funder\":\"Comunidad\","
                        + "\"awarded\":5000,\"eligibleFrom\":\"2025-01-01\",\"eligibleTo\":\"2025-12-31\","
                        + "\"budget\":[{\"account\":\"62\",\"amount\":1000},{\"account\":\"64\",\"amount\":3000}]}"));
        b.postEntry("2025-01-02", "572", "100", "10000.00");
        for (String[] expense : new String[][] { { "640", "1000" }, { "629", "100" }, { "600", "40" } }) {
            b.expect(201,
                    b.post("/entries",
                            "{\"date\":\"2025-02-01\",\"journal\":\"GENERAL\",\"description\":\"x\","
                                    + "\"lines\":[{\"account\":\"" + expense[0] + "\",\"debit\":" + expense[1]
                                    + ",\"analytic\":[{\"dimension\":\"GRANT\",\"code\":\"G1\",\"percent\":100}]},"
                                    + "{\"account\":\"572\",\"credit\":" + expense[1] + "}]}"));
        }
        JsonObject execution = b.expect(200, b.get("/reports/grant-execution?grant=G1")).json();
        Map<String, JsonObject> lines = rowsByCode(execution.getJsonArray("lines"), "account");
        assertAmount("100.00", lines.get("62"), "actual");
        assertAmount("900.00", lines.get("62"), "remaining");
        assertAmount("1000.00", lines.get("64"), "actual");
        assertEquals("Gastos de personal", lines.get("64").getString("name"));
        assertAmount("4000.00", execution, "budget");
        assertAmount("1100.00", execution, "actual");
        assertAmount("2900.00", execution, "remaining");
        assertAmount("40.00", execution, "outsideBudget");
        assertAmount("5000.00", execution, "awarded");
        assertEquals(404, b.get("/reports/grant-execution?grant=NOPE").status());
    }

    @Test
    void grantExecutionShowsTheGrantsOwnIncomeApartAndNotAsChargedOutsideTheBudget() {
        Books b = Books.open(base);
        b.expect(201,
                b.post("/grants",
                        "{\"code\":\"G2\",\"name\":\"Inserción 2025\",\"funder\":\"Comunidad\","
                                + "\"awarded\":15000,\"eligibleFrom\":\"2025-01-01\",\"eligibleTo\":\"2025-12-31\","
                                + "\"budget\":[{\"account\":\"64\",\"amount\":15000}]}"));
        b.expect(201,
                b.post("/entries", "{\"date\":\"2025-03-01\",\"journal\":\"GENERAL\",\"description\":\"Subvención\","
                        + "\"lines\":[{\"account\":\"572\",\"debit\":15000},{\"account\":\"740\",\"credit\":15000,"
                        + "\"analytic\":[{\"dimension\":\"GRANT\",\"code\":\"G2\"}]}]}"));
        b.expect(201, b.post("/entries", "{\"date\":\"2025-04-01\",\"journal\":\"PAYROLL\",\"description\":\"Nómina\","
                + "\"lines\":[{\"account\":\"640\",\"debit\":1000,"
                + "\"analytic\":[{\"dimension\":\"GRANT\",\"code\":\"G2\"}]},{\"account\":\"572\",\"credit\":1000}]}"));
        JsonObject execution = b.expect(200, b.get("/reports/grant-execution?grant=G2")).json();
        assertAmount("1000.00", rowsByCode(execution.getJsonArray("lines"), "account").get("64"), "actual");
        assertAmount("1000.00", execution, "actual");
        assertAmount("14000.00", execution, "remaining");
        assertAmount("0.00", execution, "outsideBudget");
        assertAmount("15000.00", execution, "income");
    }

    @Test
    void consolidatedTrialBalanceSumsTheCallersOrganisationsOnly() {
        HubClient client = new HubClient(base);
        String admin = client.adminToken();
        String shared = HubClient.unique("shared");
        String keeper = HubClient.unique("keeper");
        client.createUser(admin, shared, Books.PASSWORD);
        client.createUser(admin, keeper, Books.PASSWORD);
        String token = client.token(shared, Books.PASSWORD);
        String keeperToken = client.token(keeper, Books.PASSWORD);
        Books one = keptBooks(client, admin, keeper, keeperToken, shared, "accountant");
        Books two = keptBooks(client, admin, keeper, keeperToken, shared, "auditor");
        Books staffOnly = keptBooks(client, admin, keeper, keeperToken, shared, "staff");
        Books foreign = Books.open(base);
        one.postEntry("2025-01-02", "572", "100", "1000.00");
        two.postEntry("2025-02-03", "572", "721", "500.00");
        staffOnly.postEntry("2025-02-03", "572", "721", "300.00");
        foreign.postEntry("2025-01-02", "572", "100", "777.00");

        String path = "api/v1/accounting/consolidated/trial-balance?date=2025-06-30&level=3&orgs=";
        Reply reply = client.get(path + one.orgId() + "," + two.orgId(), token);
        assertEquals(200, reply.status(), reply.body());
        Map<String, JsonObject> rows = rowsByCode(reply.json().getJsonArray("rows"), "code");
        assertEquals(List.of("100", "572", "721"), List.copyOf(rows.keySet()));
        assertAmount("1500.00", rows.get("572"), "debit");
        assertAmount("1000.00", rows.get("100"), "credit");
        assertAmount("500.00", rows.get("721"), "balanceCredit");
        assertAmount("1500.00", reply.json().getJsonObject("totals"), "debit");
        assertBalanced(reply.json().getJsonObject("totals"));

        assertEquals(404, client.get(path + one.orgId() + "," + foreign.orgId(), token).status());
        assertEquals(404, client.get(path + one.orgId() + "," + staffOnly.orgId(), token).status());
        assertEquals(404, client.get(path + "abc", token).status());
        assertEquals(400, client.get(path, token).status());
        Reply outside = client.get(path.replace("2025-06-30", "2024-06-30") + one.orgId(), token);
        assertEquals(400, outside.status(), outside.body());
        assertTrue(outside.json().getString("detail").contains("organisation " + one.orgId()), outside.body());
        assertEquals(403, client.get(staffOnly.path() + "/reports/trial-balance?date=2025-06-30", token).status());
    }

    @Test
    void aConsortiumIsFormedByInvitationAndItsTrialBalanceSumsTheMembersTheCallerReads() throws IOException {
        HubClient client = new HubClient(base);
        String admin = client.adminToken();
        String keeper = HubClient.unique("keeper");
        String bidder = HubClient.unique("bidder");
        String shared = HubClient.unique("shared");
        String onlyTwo = HubClient.unique("only-two");
        for (String user : List.of(keeper, bidder, shared, onlyTwo)) {
            client.createUser(admin, user, Books.PASSWORD);
        }
        String keeperToken = client.token(keeper, Books.PASSWORD);
        Books lead = keptBooks(client, admin, keeper, keeperToken, bidder, "tender-manager");
        Books two = keptBooks(client, admin, keeper, keeperToken, shared, "accountant");
        Books three = keptBooks(client, admin, keeper, keeperToken, onlyTwo, "staff");
        client.grant(admin, lead.orgId(), shared, "auditor");
        client.grant(admin, two.orgId(), onlyTwo, "auditor");
        String bidderToken = client.token(bidder, Books.PASSWORD);
        lead.postEntry("2025-01-02", "572", "100", "1000.00");
        lead.postEntry("2025-03-04", "629", "572", "120.50");
        two.postEntry("2025-02-03", "572", "721", "500.00");
        three.postEntry("2025-02-03", "572", "721", "333.33");

        // the lead's tender-manager creates the consortium and invites by tax id
        String consortia = "api/v1/orgs/" + lead.orgId() + "/consortia";
        Reply created = client.post(consortia, bidderToken, "{\"name\":\"UTE Servicios Sociales Norte\",\"share\":50}");
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals(false, created.json().getBoolean("formed"));
        String taxIdOfTwo = taxIdOf(client, admin, two.orgId());
        String taxIdOfThree = taxIdOf(client, admin, three.orgId());
        Reply invited = client.post(consortia + "/" + id + "/invitations", bidderToken,
                "{\"taxId\":\"" + taxIdOfTwo + "\",\"share\":30.25}");
        assertEquals(201, invited.status(), invited.body());
        JsonObject pending = invited.json().getJsonArray("members").getJsonObject(1);
        assertEquals(taxIdOfTwo, pending.getString("taxId"));
        assertEquals("INVITED", pending.getString("status"));
        assertTrue(HubClient.isNull(pending, "name") && HubClient.isNull(pending, "organisationId"),
                pending.toString());
        Reply over = client.post(consortia + "/" + id + "/invitations", bidderToken,
                "{\"taxId\":\"" + taxIdOfThree + "\",\"share\":19.76}");
        assertEquals(409, over.status(), over.body());
        assertEquals("share", over.json().getString("field"));
        assertEquals(201, client.post(consortia + "/" + id + "/invitations", bidderToken,
                "{\"taxId\":\"" + taxIdOfThree + "\",\"share\":19.75}").status());

        // each invited organisation's org-admin accepts
        for (Books member : List.of(two, three)) {
            String invitations = "api/v1/orgs/" + member.orgId() + "/consortium-invitations";
            JsonArray mine = client.get(invitations, keeperToken).array();
            assertEquals(1, mine.size(), mine.toString());
            assertEquals("UTE Servicios Sociales Norte", mine.getJsonObject(0).getString("consortium"));
            long invitation = mine.getJsonObject(0).getJsonNumber("id").longValue();
            Reply accepted = client.post(invitations + "/" + invitation + "/acceptance", keeperToken, "");
            assertEquals(200, accepted.status(), accepted.body());
            assertEquals("ACCEPTED", accepted.json().getString("status"));
            assertEquals(409, client.post(invitations + "/" + invitation + "/refusal", keeperToken, "").status());
            assertEquals(0, client.get(invitations, keeperToken).array().size());
        }
        JsonObject formed = client.get(consortia + "/" + id, bidderToken).json();
        assertTrue(formed.getBoolean("formed"), formed.toString());
        assertAmount("100.00", formed, "acceptedShare");
        assertEquals(three.orgId(),
                formed.getJsonArray("members").getJsonObject(2).getJsonNumber("organisationId").longValue());
        assertEquals(1, client.get("api/v1/orgs/" + three.orgId() + "/consortia", keeperToken).array().size());

        // a caller in two members: their figures summed, the third named as left out
        String shares = "/consortia/" + id + "/trial-balance?date=2025-06-30&level=3";
        Reply both = client.get("api/v1/orgs/" + lead.orgId() + shares, client.token(shared, Books.PASSWORD));
        assertEquals(200, both.status(), both.body());
        JsonObject report = both.json();
        assertEquals(List.of(lead.orgId(), two.orgId()), ids(report.getJsonArray("included")));
        assertEquals(List.of(three.orgId()), ids(report.getJsonArray("leftOut")));
        assertTrue(report.getBoolean("formed"));
        assertFalse(both.body().contains("333.33"), both.body());
        Map<String, BigDecimal> summed = debits(lead, "level=3");
        debits(two, "level=3")
                .forEach((code, debit) -> summed.merge(code, debit, (x, y) -> x.add(y).stripTrailingZeros()));
        JsonObject tb = report.getJsonObject("trialBalance");
        assertEquals(summed, rowsByCode(tb.getJsonArray("rows"), "code").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> amount(e.getValue(), "debit").stripTrailingZeros())));
        assertAmount("1620.50", tb.getJsonObject("totals"), "debit");
        assertBalanced(tb.getJsonObject("totals"));

        // a caller in one member only sees that one included
        String onlyTwoToken = client.token(onlyTwo, Books.PASSWORD);
        Reply one = client.get("api/v1/orgs/" + two.orgId() + shares, onlyTwoToken);
        assertEquals(200, one.status(), one.body());
        assertEquals(List.of(two.orgId()), ids(one.json().getJsonArray("included")));
        assertEquals(List.of(lead.orgId(), three.orgId()), ids(one.json().getJsonArray("leftOut")));
        assertEquals(
                two.expect(200, two.get("/reports/trial-balance?date=2025-06-30&level=3")).json().getJsonArray("rows"),
                one.json().getJsonObject("trialBalance").getJsonArray("rows"));
        Reply throughStaff = client.get("api/v1/orgs/" + three.orgId() + shares, onlyTwoToken);
        assertEquals(200, throughStaff.status(), throughStaff.body());
        assertEquals(List.of(two.orgId()), ids(throughStaff.json().getJsonArray("included")));

        // the tender-manager reads no books: nothing to sum
        assertEquals(403, client.get("api/v1/orgs/" + lead.orgId() + shares, bidderToken).status());

        try (XSSFWorkbook book = downloadFrom("api/v1/orgs/" + two.orgId() + shares + "&format=xlsx", onlyTwoToken,
                "sumas-y-saldos-consolidado-")) {
            XSSFSheet sheet = book.getSheetAt(0);
            List<String> heading = heading(sheet);
            assertTrue(heading.contains("Consorcio: UTE Servicios Sociales Norte"), heading.toString());
            assertTrue(heading.stream().anyMatch(line -> line.contains(taxIdOfTwo) && line.contains("al 30/06/2025")),
                    heading.toString());
            assertTrue(heading.stream().anyMatch(line -> line.startsWith("Sin incluir") && line.contains(taxIdOfThree)),
                    heading.toString());
            assertEquals(500.00, sheet.getRow(sheet.getLastRowNum()).getCell(2).getNumericCellValue());
            String title = book.getProperties().getCoreProperties().getTitle();
            assertTrue(title.contains("consorcio UTE Servicios Sociales Norte") && title.contains("sin incluir"),
                    title);
        }
    }

    /** The title rows of a sheet, above its header row ("Cuenta"), which is checked to follow them. */
    private static List<String> heading(XSSFSheet sheet) {
        List<String> heading = new java.util.ArrayList<>();
        int r = 0;
        for (; sheet.getRow(r) != null; r++) {
            heading.add(sheet.getRow(r).getCell(0).getStringCellValue());
        }
        assertEquals("Cuenta", sheet.getRow(r + 1).getCell(0).getStringCellValue(), heading.toString());
        return heading;
    }

    @Test
    void consolidatedTrialBalanceLabelsCodesWithoutPickingAnOrganisationsNameAndItsWorkbookSaysWhatItSums()
            throws IOException {
        HubClient client = new HubClient(base);
        String admin = client.adminToken();
        String shared = HubClient.unique("shared");
        String keeper = HubClient.unique("keeper");
        client.createUser(admin, shared, Books.PASSWORD);
        client.createUser(admin, keeper, Books.PASSWORD);
        String token = client.token(shared, Books.PASSWORD);
        String keeperToken = client.token(keeper, Books.PASSWORD);
        Books one = keptBooks(client, admin, keeper, keeperToken, shared, "accountant");
        Books two = keptBooks(client, admin, keeper, keeperToken, shared, "auditor");
        one.expect(201, one.post("/accounts", "{\"code\":\"5720001\",\"name\":\"Banco de la Asociación Uno\"}"));
        two.expect(201, two.post("/accounts", "{\"code\":\"5720001\",\"name\":\"Caja de la Fundación Dos\"}"));
        one.expect(201, one.post("/accounts", "{\"code\":\"5720002\",\"name\":\"Cuenta de ahorro\"}"));
        two.expect(201, two.post("/accounts", "{\"code\":\"5720002\",\"name\":\"Cuenta de ahorro\"}"));
        one.postEntry("2025-01-02", "5720001", "100", "1000.00");
        two.postEntry("2025-02-03", "5720001", "721", "500.00");
        two.postEntry("2025-02-04", "5720002", "721", "50.00");

        String path = "api/v1/accounting/consolidated/trial-balance?date=2025-06-30&orgs=" + one.orgId() + ","
                + two.orgId();
        Map<String, JsonObject> rows = rowsByCode(
                client.get(path + "&level=posting", token).json().getJsonArray("rows"), "code");
        String bank = rows.get("5720001").getString("name");
        assertEquals("Subcuenta de 572 Bancos e instituciones de crédito c/c vista, euros (nombre distinto en cada "
                + "organización)", bank);
        assertEquals("Cuenta de ahorro", rows.get("5720002").getString("name"));
        assertEquals("Dotación fundacional", rows.get("100").getString("name"));
        assertEquals("Bancos e instituciones de crédito c/c vista, euros",
                rowsByCode(client.get(path + "&level=3", token).json().getJsonArray("rows"), "code").get("572")
                        .getString("name"));

        try (XSSFWorkbook book = downloadFrom(path + "&level=posting&format=xlsx", token,
                "sumas-y-saldos-consolidado-")) {
            List<String> heading = heading(book.getSheetAt(0));
            assertEquals("Balance de sumas y saldos consolidado a 30/06/2025, nivel posting", heading.get(0));
            for (Books summed : List.of(one, two)) {
                JsonObject org = client.get("api/v1/organisations/" + summed.orgId(), admin).json();
                assertTrue(heading.contains(
                        org.getString("name") + " (" + org.getString("taxId") + "), del 01/01/2025 al 30/06/2025"),
                        heading.toString());
            }
        }
    }

    private static String taxIdOf(HubClient client, String admin, long org) {
        return client.get("api/v1/organisations/" + org, admin).json().getString("taxId");
    }

    private static List<Long> ids(JsonArray parties) {
        return parties.stream().map(p -> p.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    /** The debit per account code of the organisation's own trial balance at 30 June 2025. */
    private static Map<String, BigDecimal> debits(Books books, String level) {
        JsonObject tb = books.expect(200, books.get("/reports/trial-balance?date=2025-06-30&" + level)).json();
        return rowsByCode(tb.getJsonArray("rows"), "code").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> amount(e.getValue(), "debit").stripTrailingZeros()));
    }

    /**
     * The size of the annual accounts through the API: abbreviated until chosen, and the statements say it with their
     * model; a size the plan has no models of (the PYMESFL plan has one size only) is refused naming the plan and the
     * size in the caller's language, nothing changed; a word that is no size, an auditor and an organisation without a
     * chart are refused too.
     */
    @Test
    void theSizeOfTheAnnualAccountsIsChosenThroughTheApiAndASizeWithoutModelsIsRefusedNamingPlanAndSize()
            throws IOException {
        Books b = Books.open(base, "pgc-pymesfl");
        assertEquals("abbreviated", b.expect(200, b.get("/chart")).json().getString("size"));
        JsonObject balance = b.expect(200, b.get("/reports/balance-sheet?date=2025-12-31")).json();
        assertEquals("abbreviated", balance.getString("size"));
        assertEquals("pymesfl-balance", balance.getString("model"));
        assertEquals(List.of(), balance.getJsonArray("warnings"));
        JsonObject results = b.expect(200, b.get("/reports/results?from=2025-01-01&to=2025-12-31")).json();
        assertEquals("abbreviated", results.getString("size"));
        assertEquals("pymesfl-results", results.getString("model"));

        Reply refused = b.put("/chart/size", "{\"size\":\"normal\"}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals("size", refused.json().getString("field"));
        assertEquals("The chart template 'pgc-pymesfl' of this organisation has no normal models of the balance sheet "
                + "and the results account installed, so its annual accounts cannot be drawn up in the normal format; "
                + "keep the other size.", refused.json().getString("detail"));
        Reply enEspañol = b.client().raw("PUT", b.path() + "/chart/size", b.token(),
                "{\"size\":\"normal\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type",
                "application/json", "Accept-Language", "es");
        assertEquals(400, enEspañol.status(), enEspañol.body());
        assertTrue(enEspañol.json().getString("detail").startsWith("El plan de cuentas 'pgc-pymesfl' de esta "
                + "organización no tiene instalados modelos de balance y cuenta de resultados en formato normal"),
                enEspañol.body());
        assertEquals("abbreviated", b.expect(200, b.get("/chart")).json().getString("size"));

        Reply unknown = b.put("/chart/size", "{\"size\":\"big\"}");
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals("size", unknown.json().getString("field"));
        assertEquals(403,
                b.client().put(b.path() + "/chart/size", b.auditorToken(), "{\"size\":\"abbreviated\"}").status());
        JsonObject kept = b.expect(200, b.put("/chart/size", "{\"size\":\"ABBREVIATED\"}")).json();
        assertEquals("abbreviated", kept.getString("size"));
        assertEquals("pgc-pymesfl", kept.getString("template"));

        HubClient client = b.client();
        String admin = client.adminToken();
        long withoutChart = client.createOrganisation(admin, HubClient.unique("NoChart"));
        String keeper = HubClient.unique("keeper");
        client.createUser(admin, keeper, Books.PASSWORD);
        client.grant(admin, withoutChart, keeper, "accountant");
        Reply noChart = client.put("api/v1/orgs/" + withoutChart + "/accounting/chart/size",
                client.token(keeper, Books.PASSWORD), "{\"size\":\"abbreviated\"}");
        assertEquals(409, noChart.status(), noChart.body());
        assertEquals("size", noChart.json().getString("field"));

        try (XSSFWorkbook book = download(b, "/reports/balance-sheet?date=2025-12-31&format=xlsx", b.token(),
                "balance-")) {
            assertEquals("Balance a 31/12/2025, modelo pymesfl-balance (abreviado)",
                    book.getProperties().getCoreProperties().getTitle());
        }
    }

    /**
     * An ESFL organisation on abbreviated accounts whose books passed the limits of the abbreviated balance sheet
     * (total assets 2,850,000, volume of income 5,700,000: BOE-A-2013-3781, tercera parte, norma 3.ª 2 a) at the close
     * of 2024 and of 2025: 6,000,000 of users' contributions (721, line 1.b) each year, kept in the bank, so total
     * assets 6,000,000 at the close of 2024 and 12,000,000 at that of 2025. The balance sheet warns, naming the years
     * and the figures, in the caller's language; the results account, whose limits are 11,400,000 and 22,800,000 (norma
     * 3.ª 2 b), does not: 12,000,000 of assets passed only one of them, in 2025 only. With one year closed there was no
     * warning.
     */
    @Test
    void booksPastTwoLimitsAtTwoClosingsAreWarnedOnTheStatementWhoseLimitsTheyPassed() {
        Books b = Books.open(base);
        b.expect(201, b.post("/fiscal-years", "{\"year\":2024}"));
        b.postEntry("2024-03-01", "572", "721", "6000000.00");
        b.expect(201, b.post("/fiscal-years/2024/closing", "{}"));
        assertEquals(List.of(),
                b.expect(200, b.get("/reports/balance-sheet?date=2025-12-31")).json().getJsonArray("warnings"));
        b.postEntry("2025-03-01", "572", "721", "6000000.00");
        b.expect(201, b.post("/fiscal-years/2025/closing", "{}"));

        JsonObject balance = b.expect(200, b.get("/reports/balance-sheet?date=2025-12-31")).json();
        assertEquals("esfl-abbreviated-balance", balance.getString("model"));
        assertEquals(List.of("At the closes of 2024 and 2025 the books passed two of the three limits for drawing up "
                + "the abbreviated model of the balance sheet (2024: total assets 6,000,000.00 (limit 2,850,000), "
                + "turnover, lines 1+2 of the results account, 6,000,000.00 (limit 5,700,000); 2025: total assets "
                + "12,000,000.00 (limit 2,850,000), turnover, lines 1+2 of the results account, 6,000,000.00 (limit "
                + "5,700,000)): an entity that passes two of them at two consecutive closings may no longer draw up this "
                + "abbreviated model."),
                balance.getJsonArray("warnings").getValuesAs(jakarta.json.JsonString::getString));
        JsonObject spanish = b.client()
                .get(b.path() + "/reports/balance-sheet?date=2025-12-31", b.token(), Map.of("Accept-Language", "es"))
                .json();
        assertTrue(spanish.getJsonArray("warnings").getString(0).startsWith("Al cierre de 2024 y de 2025 las cuentas "
                + "superaron dos de los tres límites para formular el modelo abreviado de balance (2024: total activo "
                + "6.000.000,00 (límite 2.850.000)"), spanish.toString());
        JsonObject results = b.expect(200, b.get("/reports/results?from=2025-01-01&to=2025-12-31")).json();
        assertEquals(List.of(), results.getJsonArray("warnings"));
    }

    /** An organisation kept by {@code keeper}, with the chart and 2025 open, where {@code member} has {@code role}. */
    private static Books keptBooks(HubClient client, String admin, String keeper, String keeperToken, String member,
            String role) {
        long org = client.createOrganisation(admin, HubClient.unique("Consolidated"));
        client.grant(admin, org, keeper, "accountant", "org-admin");
        client.grant(admin, org, member, role);
        Books books = new Books(client, org, keeperToken, null, "api/v1/orgs/" + org + "/accounting");
        books.expect(201, books.post("/chart", "{\"template\":\"pgc-esfl\"}"));
        books.expect(201, books.post("/fiscal-years", "{\"year\":2025}"));
        return books;
    }

    private XSSFWorkbook download(Books b, String subPath, String token, String fileStart) throws IOException {
        return downloadFrom(b.path() + subPath, token, fileStart);
    }

    /** A workbook asked for in Spanish, the language the titles these tests read are written in. */
    private XSSFWorkbook downloadFrom(String path, String token, String fileStart) throws IOException {
        return downloadFrom(path, token, fileStart, "es");
    }

    private XSSFWorkbook downloadFrom(String path, String token, String fileStart, String language) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(HubClient.root(base) + path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", language).GET().build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), new String(response.body()));
            assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    response.headers().firstValue("Content-Type").orElse(""));
            String disposition = response.headers().firstValue("Content-Disposition").orElse("");
            assertTrue(disposition.startsWith("attachment; filename=\"" + fileStart) && disposition.endsWith(".xlsx\""),
                    disposition);
            return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
