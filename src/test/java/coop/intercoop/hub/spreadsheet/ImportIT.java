package coop.intercoop.hub.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import coop.intercoop.hub.testing.Books;
import coop.intercoop.hub.testing.HubClient;
import coop.intercoop.hub.testing.HubClient.Reply;
import coop.intercoop.hub.testing.HubDeployment;
import coop.intercoop.hub.testing.TestDatabase;
import coop.intercoop.hub.testing.Workbooks;

/**
 * The import pipeline end to end through the API: jobs run in the background, report every problem with its row and
 * column, write all or nothing (or the valid rows), refuse a file imported before, and post journal entries of several
 * organisations through the ledger.
 */
@ExtendWith(ArquillianExtension.class)
class ImportIT {

    static final List<String> JOURNAL_HEADER = List.of("Organización", "Asiento", "Fecha", "Diario", "Cuenta",
            "Concepto", "Debe", "Haber", "Proyecto");

    @ArquillianResource
    URL base;

    @TempDir
    Path dir;

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    @Test
    void journalEntriesOfTwoOrganisationsArePostedThroughTheLedger() {
        Shared shared = sharedOrganisations();
        Books a = shared.a();
        Books b = shared.b();
        String taxA = shared.taxA();
        String taxB = shared.taxB();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            String org = i % 2 == 0 ? taxA : taxB;
            rows.add(new Object[] { org, "E" + i, LocalDate.of(2025, 3, 1 + i % 28), "BANK", "629", "Gasto " + i,
                    new BigDecimal("10.25"), null });
        }
        for (int i = 1; i <= 50; i++) {
            String org = i % 2 == 0 ? taxA : taxB;
            rows.add(new Object[] { org, "E" + i, LocalDate.of(2025, 3, 1 + i % 28), "BANK", "572", "Pago " + i, null,
                    "10,25" });
        }
        JsonObject job = finished(a, upload(a, "journal-entries", "", Workbooks.of(JOURNAL_HEADER, rows)));
        assertEquals("succeeded", job.getString("status"), job.toString());
        assertEquals(100, job.getJsonNumber("rowsWritten").longValue());
        // the sheet declares rows 1 to 101: the job expected the 100 below the header, and read and checked them
        assertEquals(100, job.getJsonNumber("rowsExpected").longValue(), job.toString());
        assertEquals(100, job.getJsonNumber("rowsRead").longValue(), job.toString());
        assertEquals(100, job.getJsonNumber("rowsValidated").longValue(), job.toString());
        assertEquals(0, job.getJsonNumber("errorCount").longValue());
        for (Books books : List.of(a, b)) {
            JsonObject page = books.expect(200, books.get("/entries?max=500")).json();
            assertEquals(25, page.getJsonNumber("total").longValue(), page.toString());
            JsonObject tb = books.expect(200, books.get("/reports/trial-balance?date=2025-12-31&level=posting")).json();
            assertEquals(0, new BigDecimal("256.25")
                    .compareTo(tb.getJsonObject("totals").getJsonNumber("debit").bigDecimalValue()), tb.toString());
            JsonObject integrity = books
                    .expect(200,
                            books.client().get("api/v1/orgs/" + books.orgId() + "/accounting/integrity", books.token()))
                    .json();
            assertTrue(integrity.getBoolean("intact"), integrity.toString());
        }
    }

    @Test
    void rowsWithoutAnOrganisationStayTheJobsAfterAnotherOrganisationsBatchIsPosted() {
        Shared shared = sharedOrganisations();
        Books a = shared.a();
        Books b = shared.b();
        String taxB = shared.taxB();
        int entriesOfB = 5_000; // one full batch of the second organisation, posted before the last rows are read
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < entriesOfB; i++) {
            rows.add(new Object[] { taxB, "B" + i, LocalDate.of(2025, 5, 1 + i % 28), "GENERAL", "629", "Gasto " + i,
                    new BigDecimal("1.00"), null });
            rows.add(new Object[] { taxB, "B" + i, LocalDate.of(2025, 5, 1 + i % 28), "GENERAL", "572", "Pago " + i,
                    null, new BigDecimal("1.00") });
        }
        for (int i = 0; i < 3; i++) {
            rows.add(new Object[] { null, "A" + i, LocalDate.of(2025, 6, 2), "GENERAL", "629", "Gasto", "5,00", null });
            rows.add(new Object[] { null, "A" + i, LocalDate.of(2025, 6, 2), "GENERAL", "572", "Pago", null, "5,00" });
        }
        JsonObject job = finished(a, upload(a, "journal-entries", "", Workbooks.of(JOURNAL_HEADER, rows)));
        assertEquals("succeeded", job.getString("status"), job.toString());
        assertEquals(entriesOfB * 2L + 6, job.getJsonNumber("rowsWritten").longValue());
        assertEquals(3, a.expect(200, a.get("/entries?max=1")).json().getJsonNumber("total").longValue());
        assertEquals(entriesOfB, b.expect(200, b.get("/entries?max=1")).json().getJsonNumber("total").longValue());
    }

    @Test
    void linesOfAnEntryApartAfterABatchWasWrittenAreImportedOnceInTwoPasses() {
        Books a = Books.open(base);
        int entries = 5_001; // the one pass posts a full batch of 5,000 before the apart lines show
        List<Object[]> rows = twoLineRows("S", entries, new BigDecimal("1.00"));
        rows.add(new Object[] { null, "S0", LocalDate.of(2025, 1, 1), "GENERAL", "629", "Más", "2,00", null });
        rows.add(new Object[] { null, "S0", LocalDate.of(2025, 1, 1), "GENERAL", "572", "Más", null, "2,00" });
        JsonObject job = finished(a, upload(a, "journal-entries", "", Workbooks.of(JOURNAL_HEADER, rows)));
        assertEquals("succeeded", job.getString("status"), job.toString());
        assertEquals(entries * 2L + 2, job.getJsonNumber("rowsWritten").longValue());
        assertEquals(0, job.getJsonNumber("errorCount").longValue());
        assertEquals(entries, a.expect(200, a.get("/entries?max=1")).json().getJsonNumber("total").longValue());
        JsonObject tb = a.expect(200, a.get("/reports/trial-balance?date=2025-12-31&level=posting")).json();
        assertEquals(0, new BigDecimal("5003.00")
                .compareTo(tb.getJsonObject("totals").getJsonNumber("debit").bigDecimalValue()), tb.toString());
        assertTrue(a.expect(200, a.get("/integrity")).json().getBoolean("intact"));
    }

    @Test
    void anErrorAfterTheFirstBatchLeavesNothingInAllOrNothingModeAndSkipsItsEntryInValidRowsMode() {
        Books a = Books.open(base);
        int entries = 6_000;
        List<Object[]> rows = twoLineRows("L", entries, new BigDecimal("3.00"));
        rows.get(rows.size() - 1)[4] = "9999"; // the last entry's credit line, row 12,001
        byte[] workbook = Workbooks.of(JOURNAL_HEADER, rows);

        JsonObject all = finished(a, upload(a, "journal-entries", "", workbook));
        assertEquals("failed", all.getString("status"), all.toString());
        assertEquals(0, all.getJsonNumber("rowsWritten").longValue());
        assertEquals(1, all.getJsonNumber("errorCount").longValue(), all.toString());
        String problems = a.client()
                .get("api/v1/orgs/" + a.orgId() + "/imports/" + all.getJsonNumber("id") + "/problems", a.token())
                .body();
        assertTrue(problems.contains("\"row\":12001") && problems.contains("9999"), problems);
        assertEquals(0, a.expect(200, a.get("/entries?max=1")).json().getJsonNumber("total").longValue());

        JsonObject valid = finished(a, upload(a, "journal-entries", "?mode=valid-rows", workbook));
        assertEquals("succeeded", valid.getString("status"), valid.toString());
        assertEquals((entries - 1) * 2L, valid.getJsonNumber("rowsWritten").longValue());
        assertEquals(2, valid.getJsonNumber("rowsSkipped").longValue(), valid.toString());
        assertEquals(entries - 1, a.expect(200, a.get("/entries?max=1")).json().getJsonNumber("total").longValue());
        assertTrue(a.expect(200, a.get("/integrity")).json().getBoolean("intact"));
    }

    @Test
    void twoJobsWritingTwoOrganisationsInOppositeOrdersBothFinishWhole() {
        Shared shared = sharedOrganisations();
        Books a = shared.a();
        Books b = shared.b();
        // three batches of each organisation, so that the jobs overlap: each holds one organisation's books while it
        // reads the other's, so the two may wait for each other; the one the database picks as the deadlock's victim
        // runs again in two passes
        int entries = 15_000;
        List<Object[]> aThenB = new ArrayList<>(organisationRows(shared.taxA(), "X", entries));
        aThenB.addAll(organisationRows(shared.taxB(), "X", entries));
        List<Object[]> bThenA = new ArrayList<>(organisationRows(shared.taxB(), "Y", entries));
        bThenA.addAll(organisationRows(shared.taxA(), "Y", entries));
        byte[] one = Workbooks.of(JOURNAL_HEADER, aThenB);
        byte[] other = Workbooks.of(JOURNAL_HEADER, bThenA);
        Reply first = upload(a, "journal-entries", "", one);
        Reply second = upload(b, "journal-entries", "", other);
        for (JsonObject job : List.of(finished(a, first), finished(b, second))) {
            assertEquals("succeeded", job.getString("status"), job.toString());
            assertEquals(entries * 4L, job.getJsonNumber("rowsWritten").longValue(), job.toString());
        }
        for (Books books : List.of(a, b)) {
            assertEquals(entries * 2L,
                    books.expect(200, books.get("/entries?max=1")).json().getJsonNumber("total").longValue());
            assertTrue(books.expect(200, books.get("/integrity")).json().getBoolean("intact"));
            JsonObject verification = books.expect(200, books.post("/balances/verification", "")).json();
            assertTrue(verification.getBoolean("consistent"), verification.toString());
        }
    }

    /**
     * Issue 17: a row is checked by the posting rules the ledger applies, and refused in the words the API uses for the
     * same rule (the row and column address it), every problem of the row at once; a date in a legalised year is
     * refused while the rows are checked, not when the ledger writes them.
     */
    @Test
    void aRowIsRefusedInTheApisWordsWithEveryProblemAndALegalisedYearUpFront() {
        Books a = Books.open(base);
        a.postEntry("2025-03-10", "629", "572", "10");
        a.expect(201, a.post("/fiscal-years/2025/renumbering", ""));
        a.expect(200, a.post("/fiscal-years/2025/legalisation", ""));
        a.expect(201, a.post("/fiscal-years", "{\"year\":2026}"));
        List<Object[]> rows = List.of(
                new Object[] { null, "1", LocalDate.of(2025, 5, 1), "GENERAL", "629", "Legalizado", new BigDecimal("5"),
                        null },
                new Object[] { null, "1", LocalDate.of(2025, 5, 1), "GENERAL", "572", "Legalizado", null,
                        new BigDecimal("5") },
                new Object[] { null, "2", LocalDate.of(2026, 2, 1), "GENERAL", "9999", "Dos fallos",
                        new BigDecimal("5.005"), null },
                new Object[] { null, "2", LocalDate.of(2026, 2, 1), "GENERAL", "572", "Dos fallos", null,
                        new BigDecimal("5.005") });
        JsonObject job = finished(a, upload(a, "journal-entries", "", Workbooks.of(JOURNAL_HEADER, rows)));
        assertEquals("failed", job.getString("status"), job.toString());
        List<JsonObject> problems = a.client()
                .get("api/v1/orgs/" + a.orgId() + "/imports/" + job.getJsonNumber("id") + "/problems", a.token()).json()
                .getJsonArray("problems").stream().map(p -> p.asJsonObject()).toList();

        String legalised = spanishDetail(a, Books.entry("2025-05-01", "629", "572", "5"));
        assertTrue(legalised.contains("legalizado"), legalised);
        assertEquals(List.of("2 C (Fecha) " + legalised, "3 C (Fecha) " + legalised),
                problems.stream().filter(p -> p.getInt("row") < 4).map(ImportIT::rowColumnMessage).toList());
        String unknown = spanishDetail(a, Books.entry("2026-02-01", "9999", "572", "5"));
        String cents = spanishDetail(a, Books.entry("2026-02-01", "629", "572", "5.005"));
        assertTrue(unknown.contains("9999") && cents.startsWith("Línea 1: 5,005 tiene más de dos decimales"), cents);
        assertEquals(List.of("4 E (Cuenta) " + unknown, "4 G (Debe) " + cents),
                problems.stream().filter(p -> p.getInt("row") == 4).map(ImportIT::rowColumnMessage).sorted().toList());
        assertEquals(1, a.expect(200, a.get("/entries")).json().getInt("total"));
    }

    /**
     * Issue 17: a row's work centre is checked among the work centres of the row's own organisation, which the import
     * reads through tenancy once per organisation: another organisation's CCC is an error of its row and column, and
     * the shares posted read back with their CCCs.
     */
    @Test
    void aRowsWorkCentreIsOneOfItsOwnOrganisationsAndIsPostedByItsCcc() {
        Books adminOfA = Books.open(base);
        Books adminOfB = Books.open(base);
        List<Books> shared = sharedAccountant(adminOfA, adminOfB);
        Books a = shared.get(0);
        Books b = shared.get(1);
        String cccOfA = a.client().createWorkCentre(adminOfA.token(), a.orgId(), "Taller").getString("ccc");
        String cccOfB = b.client().createWorkCentre(adminOfB.token(), b.orgId(), "Almacén").getString("ccc");
        List<String> header = List.of("Organización", "Asiento", "Fecha", "Diario", "Cuenta", "Concepto", "Debe",
                "Haber", "Centro de trabajo");
        String taxA = taxId(a);
        String taxB = taxId(b);
        java.util.function.Function<String, List<Object[]>> rows = centreOfB -> List.of(
                new Object[] { taxA, "1", LocalDate.of(2025, 5, 2), "GENERAL", "629", "Gasto", new BigDecimal("7"),
                        null, cccOfA },
                new Object[] { taxA, "1", LocalDate.of(2025, 5, 2), "GENERAL", "572", "Pago", null, new BigDecimal("7"),
                        null },
                new Object[] { taxB, "1", LocalDate.of(2025, 5, 2), "GENERAL", "629", "Gasto", new BigDecimal("8"),
                        null, centreOfB },
                new Object[] { taxB, "1", LocalDate.of(2025, 5, 2), "GENERAL", "572", "Pago", null, new BigDecimal("8"),
                        null });
        JsonObject refused = finished(a, upload(a, "journal-entries", "", Workbooks.of(header, rows.apply(cccOfA))));
        assertEquals("failed", refused.getString("status"), refused.toString());
        List<JsonObject> problems = a.client()
                .get("api/v1/orgs/" + a.orgId() + "/imports/" + refused.getJsonNumber("id") + "/problems", a.token())
                .json().getJsonArray("problems").stream().map(p -> p.asJsonObject()).toList();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(4, problems.get(0).getInt("row"), problems.toString());
        assertTrue(problems.get(0).getString("column").startsWith("I "), problems.toString());
        assertTrue(problems.get(0).getString("message").contains(cccOfA), problems.toString());

        JsonObject job = finished(a, upload(a, "journal-entries", "", Workbooks.of(header, rows.apply(cccOfB))));
        assertEquals("succeeded", job.getString("status"), job.toString());
        for (var books : List.of(Map.entry(a, cccOfA), Map.entry(b, cccOfB))) {
            Books bk = books.getKey();
            long id = bk.expect(200, bk.get("/entries")).json().getJsonArray("entries").getJsonObject(0)
                    .getJsonNumber("id").longValue();
            JsonObject share = bk.expect(200, bk.get("/entries/" + id)).json().getJsonArray("lines").getJsonObject(0)
                    .getJsonArray("analytic").getJsonObject(0);
            assertEquals("WORK_CENTRE", share.getString("dimension"), share.toString());
            assertEquals(books.getValue(), share.getString("code"), share.toString());
        }
    }

    /** The detail of the API's refusal of an entry, in Spanish. */
    private static String spanishDetail(Books books, String entry) {
        Reply refused = books.client().raw("POST", books.path() + "/entries", books.token(),
                entry.getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "application/json",
                "Accept-Language", "es");
        assertTrue(refused.status() >= 400, refused.body());
        return refused.json().getJsonArray("errors") == null ? refused.json().getString("detail")
                : refused.json().getJsonArray("errors").getJsonObject(0).getString("message");
    }

    private static String rowColumnMessage(JsonObject problem) {
        return problem.getInt("row") + " " + problem.getString("column") + " " + problem.getString("message");
    }

    @Test
    void everyProblemIsReportedWithRowAndColumnAndNothingIsWritten() throws IOException {
        Books a = Books.open(base);
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] { null, "1", LocalDate.of(2025, 2, 1), "GENERAL", "629", "Bien", new BigDecimal("5"),
                null });
        rows.add(new Object[] { null, "1", LocalDate.of(2025, 2, 1), "GENERAL", "572", "Bien", null,
                new BigDecimal("5") });
        rows.add(new Object[0]); // a blank row between two entries: skipped, and kept in the errors workbook
        rows.add(new Object[] { null, "2", LocalDate.of(2025, 2, 1), "GENERAL", "9999", "Cuenta", new BigDecimal("5"),
                null });
        rows.add(new Object[] { null, "2", "31/02/2025", "GENERAL", "572", "Fecha", null, "cinco" });
        rows.add(new Object[] { null, "3", LocalDate.of(2025, 2, 1), "GENERAL", "629", "Descuadre", new BigDecimal("7"),
                null });
        rows.add(new Object[] { null, "3", LocalDate.of(2025, 2, 1), "GENERAL", "572", "Descuadre", null,
                new BigDecimal("6.5") });
        byte[] workbook = Workbooks.of(JOURNAL_HEADER, rows);
        JsonObject job = finished(a, upload(a, "journal-entries", "", workbook));
        assertEquals("failed", job.getString("status"), job.toString());
        assertEquals(0, job.getJsonNumber("rowsWritten").longValue());
        String problems = a.client()
                .get("api/v1/orgs/" + a.orgId() + "/imports/" + job.getJsonNumber("id") + "/problems", a.token())
                .body();
        assertTrue(problems.contains("\"row\":5") && problems.contains("9999"), problems);
        assertTrue(problems.contains("\"row\":6") && problems.contains("31/02/2025"), problems);
        assertTrue(problems.contains("cinco") && problems.contains("H (Haber)"), problems);
        assertTrue(problems.contains("\"row\":7") && problems.contains("diferencia de 0,50"), problems);
        assertEquals(0, a.expect(200, a.get("/entries")).json().getJsonNumber("total").longValue());

        byte[] errors = a.client()
                .download("api/v1/orgs/" + a.orgId() + "/imports/" + job.getJsonNumber("id") + "/workbook", a.token());
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(errors))) {
            Sheet sheet = read.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertEquals("Errores", header.getCell(JOURNAL_HEADER.size()).getStringCellValue());
            assertEquals(null, sheet.getRow(1).getCell(JOURNAL_HEADER.size()));
            // every row where the upload had it, so the report's row 5 is row 5 here
            assertEquals(null, sheet.getRow(3));
            assertTrue(sheet.getRow(4).getCell(JOURNAL_HEADER.size()).getStringCellValue().contains("9999"));
            assertEquals(8, sheet.getLastRowNum() + 1);
            String extent = read.getSheetAt(0).getCTWorksheet().getDimension().getRef();
            assertTrue(extent.endsWith("8"), extent);
        }
    }

    static final List<String> EMPLOYEES_HEADER = List.of("NIF", "NAF", "Nombre", "Primer apellido",
            "Fecha de nacimiento", "Domicilio", "Código postal", "Municipio", "IBAN", "Situación familiar");

    static final List<String> CONTRACTS_HEADER = List.of("NIF trabajador", "Fecha de alta", "Tipo de contrato",
            "Coeficiente de parcialidad", "Grupo de cotización", "CNAE", "Categoría profesional", "CCC",
            "Salario base");

    static final List<String> SUMMARY_HEADER = List.of("Gestoría", "Mes", "NIF", "Devengado", "SS empresa",
            "SS trabajador", "IRPF", "Líquido");

    private static Object[] employeeRow(String nif, String naf, String postalCode) {
        return new Object[] { nif, naf, "Ana", "García", LocalDate.of(1990, 5, 17), "Calle Mayor 1", postalCode,
                "Madrid", "ES9121000418450200051332", 3 };
    }

    private static List<JsonObject> problemsOf(Books books, JsonObject job) {
        return books
                .expect(200,
                        books.client()
                                .get("api/v1/orgs/" + books.orgId() + "/imports/" + job.getJsonNumber("id")
                                        + "/problems", books.token()))
                .json().getJsonArray("problems").getValuesAs(JsonObject.class);
    }

    private static JsonArray employeesOf(Books books) {
        return books
                .expect(200, books.client().get("api/v1/orgs/" + books.orgId() + "/payroll/employees", books.token()))
                .array();
    }

    @Test
    void employeesImportWithEveryRuleOfTheApiOnItsRowAndColumnAndNothingWrittenIfARowFails() {
        Books a = Books.open(base);
        // a bad NIF (its control letter), a bad postal code, and a NAF repeated from an earlier row
        JsonObject bad = finished(a,
                upload(a, "payroll-employees", "",
                        Workbooks.of(EMPLOYEES_HEADER,
                                List.of(employeeRow("12345678Z", "281234567840", "28013"),
                                        employeeRow("12345678A", "281111111189", "2801"),
                                        employeeRow("11111111H", "281234567840", "28013")))));
        assertEquals("failed", bad.getString("status"), bad.toString());
        assertEquals(0, bad.getJsonNumber("rowsWritten").longValue());
        List<String> problems = problemsOf(a, bad).stream().map(ImportIT::rowColumnMessage).sorted().toList();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("3 A (NIF) ") && problems.get(0).contains("12345678A"), problems.get(0));
        assertTrue(problems.get(1).startsWith("3 G (Código postal) ") && problems.get(1).contains("2801"),
                problems.get(1));
        assertTrue(problems.get(2).startsWith("4 B (NAF) ") && problems.get(2).contains("fila 2"), problems.get(2));
        assertEquals(0, employeesOf(a).size());

        JsonObject good = finished(a,
                upload(a, "payroll-employees", "",
                        Workbooks.of(EMPLOYEES_HEADER, List.of(employeeRow("12345678Z", "281234567840", "28013"),
                                employeeRow("11111111H", "281111111189", "28013")))));
        assertEquals("succeeded", good.getString("status"), good.toString());
        assertEquals(2, good.getJsonNumber("rowsWritten").longValue());
        assertEquals(List.of("11111111H", "12345678Z"),
                employeesOf(a).getValuesAs(JsonObject.class).stream().map(e -> e.getString("nif")).sorted().toList());

        // an employee the organisation has is refused on its row, in the API's words: the import adds
        JsonObject again = finished(a,
                upload(a, "payroll-employees", "",
                        Workbooks.of(EMPLOYEES_HEADER,
                                List.<Object[]> of(employeeRow("22222222J", "082222222273", "08001"),
                                        employeeRow("12345678Z", "281234567840", "28013")))));
        assertEquals("failed", again.getString("status"), again.toString());
        JsonObject taken = problemsOf(a, again).get(0);
        assertEquals(3, taken.getInt("row"));
        assertEquals("A (NIF)", taken.getString("column"));
        assertTrue(taken.getString("message").contains("12345678Z"), taken.toString());
        assertEquals(2, employeesOf(a).size());
    }

    @Test
    void contractsImportForTheOrganisationsEmployeesByNifAndWorkCentresByCcc() {
        Books a = Books.open(base);
        String ccc = a.client().createWorkCentre(a.token(), a.orgId(), "Centro de día").getString("ccc");
        // the employees template, as downloaded, imports its example: 12345678Z
        byte[] template = a.client().download("api/v1/orgs/" + a.orgId() + "/import-templates/payroll-employees",
                a.token());
        assertEquals("succeeded", finished(a, upload(a, "payroll-employees", "", template)).getString("status"));
        // an unknown NIF, a CCC the organisation has not, a part-time type without its coefficient, months of an extra
        // payment that do not read, and months without the extra's amount
        List<String> header = new ArrayList<>(CONTRACTS_HEADER);
        header.addAll(List.of("Paga extra", "Meses paga extra"));
        JsonObject bad = finished(a,
                upload(a, "payroll-contracts", "", Workbooks.of(header, List.of(
                        new Object[] { "00000023T", LocalDate.of(2025, 1, 1), "100", null, 5, "8891", "Educadora", ccc,
                                new BigDecimal("1600.00"), null, null },
                        new Object[] { "12345678Z", LocalDate.of(2025, 1, 1), "100", null, 5, "8891", "Educadora",
                                "28999999999", new BigDecimal("1600.00"), null, null },
                        new Object[] { "12345678Z", LocalDate.of(2025, 1, 1), "200", null, 5, "8891", "Educadora", ccc,
                                new BigDecimal("800.00"), null, null },
                        new Object[] { "12345678Z", LocalDate.of(2025, 1, 1), "100", null, 5, "8891", "Educadora", ccc,
                                new BigDecimal("1600.00"), new BigDecimal("1600.00"), "junio y diciembre" },
                        new Object[] { "12345678Z", LocalDate.of(2025, 1, 1), "100", null, 5, "8891", "Educadora", ccc,
                                new BigDecimal("1600.00"), null, "6,12" }))));
        assertEquals("failed", bad.getString("status"), bad.toString());
        List<String> problems = problemsOf(a, bad).stream().map(ImportIT::rowColumnMessage).sorted().toList();
        assertEquals(5, problems.size(), problems.toString());
        assertEquals("5 K (Meses paga extra) La paga extraordinaria Paga extraordinaria se paga en los meses 1 a 12,"
                + " cada uno una vez, no junio y diciembre.", problems.get(3));
        assertEquals("6 K (Meses paga extra) los meses de la paga extra necesitan su importe en la columna Paga extra",
                problems.get(4));
        assertTrue(problems.get(0).startsWith("2 A (NIF trabajador) ") && problems.get(0).contains("00000023T"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("3 H (CCC) ") && problems.get(1).contains("28999999999"),
                problems.get(1));
        assertTrue(problems.get(2).startsWith("4 D (Coeficiente de parcialidad) "), problems.get(2));
        long employee = employeesOf(a).getJsonObject(0).getJsonNumber("id").longValue();
        String contracts = "api/v1/orgs/" + a.orgId() + "/payroll/employees/" + employee + "/contracts";
        assertEquals(0, a.expect(200, a.client().get(contracts, a.token())).array().size());

        // a part-time contract with two extra payments of 800,00 paid whole in June and December
        JsonObject good = finished(a,
                upload(a, "payroll-contracts", "",
                        Workbooks.of(header,
                                List.<Object[]> of(new Object[] { "12345678Z", LocalDate.of(2025, 1, 1), "200",
                                        new BigDecimal("0.5"), 5, "8891", "Educadora", ccc, new BigDecimal("800.00"),
                                        new BigDecimal("800.00"), "6, 12" }))));
        assertEquals("succeeded", good.getString("status"), good.toString());
        JsonObject contract = a.expect(200, a.client().get(contracts, a.token())).array().getJsonObject(0);
        assertEquals(ccc, contract.getString("workCentreCcc"));
        assertEquals("200", contract.getString("contractType"));
        JsonObject salary = contract.getJsonArray("salaryItems").getJsonObject(0);
        assertEquals("BASE", salary.getString("kind"));
        assertEquals(0, new BigDecimal("800.00").compareTo(salary.getJsonNumber("monthlyAmount").bigDecimalValue()));
        JsonObject extra = contract.getJsonArray("salaryItems").getJsonObject(1);
        assertEquals("EXTRA_PAYMENT", extra.getString("kind"));
        assertEquals("Paga extraordinaria", extra.getString("name"));
        assertEquals("[6,12]", extra.getJsonArray("paidIn").toString());
    }

    @Test
    void aMonthsItemsSheetWithBadRowsReportsEachByRowAndColumnAndWritesNothing() {
        Books a = Books.open(base);
        byte[] template = a.client().download("api/v1/orgs/" + a.orgId() + "/import-templates/payroll-employees",
                a.token());
        assertEquals("succeeded", finished(a, upload(a, "payroll-employees", "", template)).getString("status"));
        LocalDate march = LocalDate.of(2026, 3, 1);
        // a good row; an unknown NIF; a kind that is none; overtime without its pay; 31 days of absence
        JsonObject bad = finished(a,
                upload(a, "payroll-items", "", Workbooks.of(
                        List.of("NIF trabajador", "Mes", "Tipo de partida", "Concepto", "Horas", "Importe", "Días"),
                        List.of(new Object[] { "12345678Z", march, "variable", "Plus", null, 150, null },
                                new Object[] { "00000023T", march, "overtime", null, 2, 40, null },
                                new Object[] { "12345678Z", march, "bonus", null, null, 10, null },
                                new Object[] { "12345678Z", march, "overtime", null, 2, null, null },
                                new Object[] { "12345678Z", march, "absence", null, null, null, 31 }))));
        assertEquals("failed", bad.getString("status"), bad.toString());
        assertEquals(0, bad.getJsonNumber("rowsWritten").longValue());
        List<String> problems = problemsOf(a, bad).stream().map(ImportIT::rowColumnMessage).sorted().toList();
        assertEquals(List.of(
                "3 A (NIF trabajador) la organización no tiene ninguna persona empleada con el NIF 00000023T;"
                        + " impórtela antes",
                "4 C (Tipo de partida) 'bonus' no es un tipo de partida; los tipos son hours-worked, overtime,"
                        + " variable, absence, sick-leave, advance, leave-top-up.",
                "5 F (Importe) Una partida de tipo overtime necesita su importe en euros, más de 0 y con dos"
                        + " decimales como mucho.",
                "6 G (Días) Una ausencia necesita sus días no retribuidos, de 1 a 30, no 31."), problems);
        assertEquals(0,
                a.expect(200, a.client().get("api/v1/orgs/" + a.orgId() + "/payroll/items?month=2026-03", a.token()))
                        .array().size(),
                "nothing was written");
    }

    @Test
    void aGestoriaSummaryPostsOneBalancedPayrollEntryPerMonthInTheMappedAccounts() {
        Books a = Books.open(base);
        assertEquals("succeeded",
                finished(a,
                        upload(a, "payroll-employees", "",
                                Workbooks.of(EMPLOYEES_HEADER,
                                        List.of(employeeRow("12345678Z", "281234567840", "28013"),
                                                employeeRow("11111111H", "281111111189", "28013")))))
                                                        .getString("status"));
        a.expect(201, a.post("/accounts", "{\"code\":\"6400001\",\"name\":\"Sueldos de la gestoría\"}"));
        a.expect(201, a.post("/accounts", "{\"code\":\"4650001\",\"name\":\"Nóminas pendientes\"}"));
        String mapping = "api/v1/orgs/" + a.orgId() + "/payroll/gestoria-mappings/asesoria-norte";
        assertEquals(404, a.client().get(mapping, a.token()).status());
        JsonObject refused = a.expect(400,
                a.client().put(mapping, a.token(), "{\"accounts\":{\"gross\":\"6400001\",\"net-pay\":\"4659999\"}}"))
                .json();
        assertEquals(List.of("accounts.gross", "accounts.net-pay"), refused.getJsonArray("errors")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList());
        a.expect(200, a.client().put(mapping, a.token(),
                "{\"accounts\":{\"gross-pay\":\"6400001\",\"net-pay\":\"4650001\"}}"));
        JsonObject saved = a.expect(200, a.client().get(mapping, a.token())).json();
        assertEquals("6400001", saved.getJsonObject("accounts").getString("gross-pay"));
        assertEquals("4650001", saved.getJsonObject("accounts").getString("net-pay"));

        LocalDate march = LocalDate.of(2025, 3, 31);
        // an unknown NIF, and a net pay that is not what the row's other figures leave
        JsonObject bad = finished(a,
                upload(a, "payroll-gestoria-summary", "",
                        Workbooks.of(SUMMARY_HEADER,
                                List.of(new Object[] { "asesoria-norte", march, "12345678Z", new BigDecimal("2000.00"),
                                        new BigDecimal("613.00"), new BigDecimal("130.00"), new BigDecimal("281.80"),
                                        new BigDecimal("1588.20") },
                                        new Object[] { "asesoria-norte", march, "00000023T", new BigDecimal("1000.00"),
                                                new BigDecimal("306.50"), new BigDecimal("65.00"),
                                                new BigDecimal("20.00"), new BigDecimal("915.00") },
                                        new Object[] { "asesoria-norte", march, "11111111H", new BigDecimal("1500.00"),
                                                new BigDecimal("459.75"), new BigDecimal("97.50"),
                                                new BigDecimal("150.00"), new BigDecimal("1252.00") }))));
        assertEquals("failed", bad.getString("status"), bad.toString());
        List<String> problems = problemsOf(a, bad).stream().map(ImportIT::rowColumnMessage).sorted().toList();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("3 C (NIF) ") && problems.get(0).contains("00000023T"), problems.get(0));
        assertTrue(problems.get(1).startsWith("4 H (Líquido) ") && problems.get(1).contains("1.252,50"),
                problems.get(1));
        assertEquals(0, a.expect(200, a.get("/entries?max=1")).json().getJsonNumber("total").longValue());

        JsonObject good = finished(a,
                upload(a, "payroll-gestoria-summary", "",
                        Workbooks.of(SUMMARY_HEADER,
                                List.of(new Object[] { "asesoria-norte", march, "12345678Z", new BigDecimal("2000.00"),
                                        new BigDecimal("613.00"), new BigDecimal("130.00"), new BigDecimal("281.80"),
                                        new BigDecimal("1588.20") },
                                        new Object[] { "asesoria-norte", march, "11111111H", new BigDecimal("1500.00"),
                                                new BigDecimal("459.75"), new BigDecimal("97.50"),
                                                new BigDecimal("150.00"), new BigDecimal("1252.50") }))));
        assertEquals("succeeded", good.getString("status"), good.toString());
        JsonObject page = a.expect(200, a.get("/entries?max=10")).json();
        assertEquals(1, page.getJsonNumber("total").longValue(), page.toString());
        JsonObject entry = a
                .expect(200, a.get("/entries/" + page.getJsonArray("entries").getJsonObject(0).getJsonNumber("id")))
                .json();
        assertEquals("PAYROLL", entry.getString("journal"));
        assertEquals("2025-03-31", entry.getString("date"));
        Map<String, String> lines = new java.util.TreeMap<>();
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (JsonObject line : entry.getJsonArray("lines").getValuesAs(JsonObject.class)) {
            boolean isDebit = !HubClient.isNull(line, "debit")
                    && line.getJsonNumber("debit").bigDecimalValue().signum() != 0;
            BigDecimal amount = line.getJsonNumber(isDebit ? "debit" : "credit").bigDecimalValue();
            lines.put(line.getString("account"), (isDebit ? "D " : "C ") + amount.setScale(2).toPlainString());
            debit = isDebit ? debit.add(amount) : debit;
            credit = isDebit ? credit : credit.add(amount);
        }
        // the mapped accounts for gross and net pay, the chart's posting accounts (pgc-esfl) for the rest
        assertEquals(Map.of("6400001", "D 3500.00", "642", "D 1072.75", "476", "C 1300.25", "4751", "C 431.80",
                "4650001", "C 2840.70"), lines);
        assertEquals(0, debit.compareTo(credit));
        assertEquals(0, new BigDecimal("4572.75").compareTo(debit));

        // one entry per month: another summary of March is refused on its month until March's entry is reversed
        JsonObject twice = finished(a,
                upload(a, "payroll-gestoria-summary", "",
                        Workbooks.of(SUMMARY_HEADER,
                                List.<Object[]> of(new Object[] { "asesoria-norte", march, "12345678Z",
                                        new BigDecimal("100.00"), new BigDecimal("30.00"), new BigDecimal("6.50"),
                                        new BigDecimal("2.00"), new BigDecimal("91.50") }))));
        assertEquals("failed", twice.getString("status"), twice.toString());
        JsonObject posted = problemsOf(a, twice).get(0);
        assertEquals(2, posted.getInt("row"));
        assertEquals("B (Mes)", posted.getString("column"));
        assertTrue(posted.getString("message").contains("2025-03"), posted.toString());
        assertEquals(1, a.expect(200, a.get("/entries?max=1")).json().getJsonNumber("total").longValue());

        // in valid-rows mode a month with a bad row is skipped whole, never posted in part
        LocalDate april = LocalDate.of(2025, 4, 30);
        LocalDate may = LocalDate.of(2025, 5, 31);
        JsonObject validRows = finished(a,
                upload(a, "payroll-gestoria-summary", "?mode=valid-rows",
                        Workbooks.of(SUMMARY_HEADER,
                                List.of(new Object[] { "asesoria-norte", april, "12345678Z", new BigDecimal("100.00"),
                                        new BigDecimal("30.00"), new BigDecimal("6.50"), new BigDecimal("2.00"),
                                        new BigDecimal("91.50") },
                                        new Object[] { "asesoria-norte", may, "12345678Z", new BigDecimal("100.00"),
                                                new BigDecimal("30.00"), new BigDecimal("6.50"), new BigDecimal("2.00"),
                                                new BigDecimal("91.50") },
                                        new Object[] { "asesoria-norte", may, "00000023T", new BigDecimal("100.00"),
                                                new BigDecimal("30.00"), new BigDecimal("6.50"), new BigDecimal("2.00"),
                                                new BigDecimal("91.50") }))));
        assertEquals("succeeded", validRows.getString("status"), validRows.toString());
        assertEquals(1, validRows.getJsonNumber("rowsWritten").longValue(), validRows.toString());
        JsonObject months = a.expect(200, a.get("/entries?max=10")).json();
        assertEquals(2, months.getJsonNumber("total").longValue(), months.toString());
        assertEquals(List.of("2025-03-31", "2025-04-30"), months.getJsonArray("entries").getValuesAs(JsonObject.class)
                .stream().map(e -> e.getString("date")).sorted().toList());
    }

    @Test
    void threeBadRowsAmongFiveThousandAllOrNothingThenValidRows() {
        Books a = Books.open(base);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 5_000; i++) {
            String code = String.valueOf(6290000 + i);
            rows.add(new Object[] { i == 100 ? "X" + i : i == 2500 ? "629" : code,
                    i == 4999 ? null : "Subcuenta " + i });
        }
        byte[] workbook = Workbooks.of(List.of("Código", "Nombre"), rows);
        JsonObject all = finished(a, upload(a, "chart-subaccounts", "", workbook));
        assertEquals("failed", all.getString("status"));
        assertEquals(5_000, all.getJsonNumber("rowsExpected").longValue(), all.toString());
        assertEquals(5_000, all.getJsonNumber("rowsValidated").longValue(), all.toString());
        assertEquals(3, all.getJsonNumber("errorCount").longValue(), all.toString());
        JsonObject problems = a.client()
                .get("api/v1/orgs/" + a.orgId() + "/imports/" + all.getJsonNumber("id") + "/problems", a.token())
                .json();
        List<Integer> badRows = problems.getJsonArray("problems").stream().map(p -> p.asJsonObject().getInt("row"))
                .toList();
        assertEquals(List.of(101, 2501, 5000), badRows);
        assertTrue(problems.toString().contains("A (Código)") && problems.toString().contains("B (Nombre)"),
                problems.toString());
        assertEquals(404, a.get("/accounts/6290001").status());

        long audited = auditEvents(a);
        JsonObject valid = finished(a, upload(a, "chart-subaccounts", "?mode=valid-rows", workbook));
        assertEquals("succeeded", valid.getString("status"), valid.toString());
        assertEquals(4_997, valid.getJsonNumber("rowsWritten").longValue());
        // each subaccount is audited as one added through the API, and the job once
        assertEquals(audited + 4_997 + 1, auditEvents(a));
        assertEquals(200, a.get("/accounts/6290001").status());
        assertEquals(404, a.get("/accounts/6294999").status());
    }

    @Test
    void aSubaccountExtendingAnEarlierRowsCodeIsAnErrorOfItsRow() {
        Books a = Books.open(base);
        byte[] workbook = Workbooks.of(List.of("Código", "Nombre"),
                List.of(new Object[] { "5720001", "Banco" }, new Object[] { "57200011", "Banco bis" }));
        JsonObject job = finished(a, upload(a, "chart-subaccounts", "?mode=valid-rows", workbook));
        assertEquals(1, job.getJsonNumber("errorCount").longValue(), job.toString());
        assertEquals(1, job.getJsonNumber("rowsWritten").longValue(), job.toString());
        JsonObject problem = a.client()
                .get("api/v1/orgs/" + a.orgId() + "/imports/" + job.getJsonNumber("id") + "/problems", a.token()).json()
                .getJsonArray("problems").getJsonObject(0);
        assertEquals(3, problem.getInt("row"), problem.toString());
        assertTrue(
                problem.getString("message").contains("57200011") && problem.getString("message").contains("5720001,"),
                problem.toString());
        assertEquals(200, a.get("/accounts/5720001").status());
        assertEquals(404, a.get("/accounts/57200011").status());
    }

    /** The import applies the chart's rules as the API does: no subaccount under a subgroup, no code cut short. */
    @Test
    void aSubaccountUnderASubgroupOrLongerThanTheMaximumIsAnErrorOfItsRow() {
        Books a = Books.open(base);
        byte[] workbook = Workbooks.of(List.of("Código", "Nombre"), List.of(new Object[] { "9990001", "Otros" },
                new Object[] { "572000000000001", "Banco" }, new Object[] { "5720001", "Banco uno" }));
        JsonObject job = finished(a, upload(a, "chart-subaccounts", "?mode=valid-rows", workbook));
        assertEquals(2, job.getJsonNumber("errorCount").longValue(), job.toString());
        JsonArray problems = a.client()
                .get("api/v1/orgs/" + a.orgId() + "/imports/" + job.getJsonNumber("id") + "/problems", a.token()).json()
                .getJsonArray("problems");
        assertEquals(2, problems.getJsonObject(0).getInt("row"), problems.toString());
        assertTrue(problems.getJsonObject(0).getString("message").contains("99,"), problems.toString());
        assertEquals(3, problems.getJsonObject(1).getInt("row"), problems.toString());
        assertTrue(problems.getJsonObject(1).getString("message").matches(".*572000000000001\\D+15\\D+12.*"),
                problems.toString());
        assertEquals(404, a.get("/accounts/9990001").status());
        assertEquals(404, a.get("/accounts/572000000000").status());
        assertEquals(200, a.get("/accounts/5720001").status());
    }

    /**
     * The import refuses, as the API does, a subaccount that would make an account posted in an open year a heading.
     */
    @Test
    void aSubaccountOfAnAccountPostedInAnOpenYearIsAnErrorOfItsRow() {
        Books a = Books.open(base);
        a.postEntry("2025-03-10", "629", "572", "80");
        byte[] workbook = Workbooks.of(List.of("Código", "Nombre"),
                List.of(new Object[] { "6290001", "Otros" }, new Object[] { "6230001", "Asesoría" }));
        JsonObject job = finished(a, upload(a, "chart-subaccounts", "?mode=valid-rows", workbook));
        assertEquals(1, job.getJsonNumber("errorCount").longValue(), job.toString());
        JsonObject problem = a.client()
                .get("api/v1/orgs/" + a.orgId() + "/imports/" + job.getJsonNumber("id") + "/problems", a.token()).json()
                .getJsonArray("problems").getJsonObject(0);
        assertEquals(2, problem.getInt("row"), problem.toString());
        assertTrue(problem.getString("message").contains("629") && problem.getString("message").contains("2025"),
                problem.toString());
        assertEquals("POSTING", a.get("/accounts/629").json().getString("kind"));
        assertEquals(200, a.get("/accounts/6230001").status());
    }

    @Test
    void theSameFileTwiceIsRefusedUnlessForced() {
        Books a = Books.open(base);
        byte[] workbook = Workbooks.of(List.of("Código", "Nombre"),
                List.<Object[]> of(new Object[] { "5720001", "Banco uno" }));
        assertEquals("succeeded", finished(a, upload(a, "chart-subaccounts", "", workbook)).getString("status"));
        Reply again = a.client().upload("api/v1/orgs/" + a.orgId() + "/imports/chart-subaccounts", a.token(), workbook,
                Workbooks.XLSX);
        assertEquals(409, again.status(), again.body());
        assertTrue(again.body().contains("force=true"), again.body());
        JsonObject forced = finished(a, upload(a, "chart-subaccounts", "?force=true", workbook));
        assertEquals("failed", forced.getString("status"), "the account exists now: " + forced);
    }

    /** Rows of {@code entries} two-line entries of each of two organisations, keyed {@code prefix} and a number. */
    private static List<Object[]> twoOrganisationRows(Shared shared, String prefix, int entries) {
        List<Object[]> rows = new ArrayList<>();
        for (String tax : List.of(shared.taxA(), shared.taxB())) {
            for (int i = 0; i < entries; i++) {
                rows.add(new Object[] { tax, prefix + i, LocalDate.of(2025, 4, 1 + i % 28), "GENERAL", "629",
                        "Gasto " + i, new BigDecimal("3.00"), null });
                rows.add(new Object[] { tax, prefix + i, LocalDate.of(2025, 4, 1 + i % 28), "GENERAL", "572",
                        "Pago " + i, null, new BigDecimal("3.00") });
            }
        }
        return rows;
    }

    @Test
    void aTwoOrganisationWorkbookImportedUnderOneIsADuplicateUnderTheOtherAndItsDryRunSaysSo() {
        Shared shared = sharedOrganisations();
        Books a = shared.a();
        Books b = shared.b();
        byte[] workbook = Workbooks.of(JOURNAL_HEADER, twoOrganisationRows(shared, "D", 3));
        JsonObject first = finished(b, upload(b, "journal-entries", "?fileName=dos-entidades.xlsx", workbook));
        assertEquals("succeeded", first.getString("status"), first.toString());
        long firstId = first.getJsonNumber("id").longValue();

        Reply again = a.client().upload("api/v1/orgs/" + a.orgId() + "/imports/journal-entries", a.token(), workbook,
                Workbooks.XLSX);
        assertEquals(409, again.status(),
                "the file was imported into this organisation from the other: " + again.body());
        assertTrue(again.body().contains("job " + firstId + ", dos-entidades.xlsx"), again.body());

        JsonObject dryRun = finished(a, upload(a, "journal-entries", "?mode=validate", workbook));
        assertEquals("succeeded", dryRun.getString("status"), "a warning, not a refusal: " + dryRun);
        assertEquals(1, dryRun.getJsonNumber("warningCount").longValue(), dryRun.toString());
        String problems = a.client()
                .get("api/v1/orgs/" + a.orgId() + "/imports/" + dryRun.getJsonNumber("id") + "/problems", a.token())
                .body();
        assertTrue(problems.contains("WARNING") && problems.contains("ya se importó")
                && problems.contains("trabajo " + firstId + ", dos-entidades.xlsx"), problems);
        for (Books books : List.of(a, b)) {
            assertEquals(3, books.expect(200, books.get("/entries?max=1")).json().getJsonNumber("total").longValue());
        }
    }

    @Test
    void theSameTwoOrganisationWorkbookUploadedUnderBothAtOnceIsWrittenOnce() {
        Shared shared = sharedOrganisations();
        Books a = shared.a();
        Books b = shared.b();
        byte[] workbook = Workbooks.of(JOURNAL_HEADER, twoOrganisationRows(shared, "C", 400));
        // neither has run yet, so both uploads are accepted; running, each records the file in both organisations,
        // and whichever comes second waits for the first and fails naming it, rolling back what it wrote
        Reply underA = upload(a, "journal-entries", "", workbook);
        Reply underB = upload(b, "journal-entries", "", workbook);
        JsonObject jobA = finished(a, underA);
        JsonObject jobB = finished(b, underB);
        List<String> statuses = List.of(jobA.getString("status"), jobB.getString("status"));
        assertTrue(statuses.contains("succeeded") && statuses.contains("failed"), jobA + "\n" + jobB);
        JsonObject failed = jobA.getString("status").equals("failed") ? jobA : jobB;
        JsonObject succeeded = failed == jobA ? jobB : jobA;
        assertTrue(failed.getString("outcome").contains("trabajo " + succeeded.getJsonNumber("id")), failed.toString());
        assertEquals(0, failed.getJsonNumber("rowsWritten").longValue(), failed.toString());
        for (Books books : List.of(a, b)) {
            assertEquals(400, books.expect(200, books.get("/entries?max=1")).json().getJsonNumber("total").longValue());
            assertTrue(books.expect(200, books.get("/integrity")).json().getBoolean("intact"));
        }
    }

    @Test
    void aTwoOrganisationImportIsListedInTheOtherOrganisationWithWhatItWroteThereAndAudited() {
        Shared shared = sharedOrganisations();
        Books a = shared.a();
        Books b = shared.b();
        List<Object[]> rows = new ArrayList<>(twoOrganisationRows(shared, "L", 1).subList(0, 2)); // two lines in A
        rows.addAll(twoOrganisationRows(shared, "M", 2).subList(4, 8)); // four lines in B
        JsonObject job = finished(a,
                upload(a, "journal-entries", "?fileName=compartido.xlsx", Workbooks.of(JOURNAL_HEADER, rows)));
        assertEquals("succeeded", job.getString("status"), job.toString());
        long id = job.getJsonNumber("id").longValue();

        // as the shared accountant sees it; the view of a member of B only is TenantIsolationIT's
        String token = b.token();
        JsonObject list = b.client().get("api/v1/orgs/" + b.orgId() + "/imports", token).json();
        assertEquals(1, list.getJsonNumber("total").longValue(), list.toString());
        JsonObject listed = list.getJsonArray("jobs").getJsonObject(0);
        assertEquals(id, listed.getJsonNumber("id").longValue(), listed.toString());
        assertEquals(false, listed.getBoolean("startedHere"), listed.toString());
        assertEquals(4, listed.getJsonNumber("rowsWritten").longValue(), "the rows written into B: " + listed);
        assertTrue(
                !listed.containsKey("rowsRead") && !listed.containsKey("errorCount") && !listed.containsKey("outcome"),
                "nothing of the workbook's other rows: " + listed);
        assertEquals(200, b.client().get("api/v1/orgs/" + b.orgId() + "/imports/" + id, token).status());
        assertEquals(404, b.client().get("api/v1/orgs/" + b.orgId() + "/imports/" + id + "/problems", token).status());
        assertEquals(404, b.client().get("api/v1/orgs/" + b.orgId() + "/imports/" + id + "/workbook", token).status());
        JsonObject own = a.client().get("api/v1/orgs/" + a.orgId() + "/imports/" + id, a.token()).json();
        assertTrue(own.getBoolean("startedHere") && own.getJsonNumber("rowsWritten").longValue() == 6, own.toString());

        String audit = b.client().get("api/v1/orgs/" + b.orgId() + "/audit?max=50", shared.adminOfB()).body();
        assertTrue(audit.contains("\"objectId\":\"" + id + "\"") && audit.contains("compartido.xlsx")
                && audit.contains("4 rows written into this organisation"), audit);
    }

    @Test
    void allOrNothingCountsEveryRowUnwrittenAndAnUnbalancedEntryNamesItsSheetAndAmountColumns() {
        Books a = Books.open(base);
        List<Object[]> rows = twoLineRows("U", 5, new BigDecimal("2.00"));
        rows.add(new Object[] { null, "X", LocalDate.of(2025, 2, 3), "GENERAL", "629", "Descuadre", new BigDecimal("7"),
                null });
        rows.add(new Object[] { null, "X", LocalDate.of(2025, 2, 3), "GENERAL", "572", "Descuadre", null,
                new BigDecimal("6") });
        JsonObject job = finished(a, upload(a, "journal-entries", "", Workbooks.of(JOURNAL_HEADER, rows)));
        assertEquals("failed", job.getString("status"), job.toString());
        assertEquals(12, job.getJsonNumber("rowsRead").longValue(), job.toString());
        assertEquals(0, job.getJsonNumber("rowsWritten").longValue(), job.toString());
        assertEquals(12, job.getJsonNumber("rowsSkipped").longValue(), "every row was left unwritten: " + job);
        JsonObject problem = a.client()
                .get("api/v1/orgs/" + a.orgId() + "/imports/" + job.getJsonNumber("id") + "/problems", a.token()).json()
                .getJsonArray("problems").getJsonObject(0);
        assertEquals(12, problem.getInt("row"), problem.toString());
        assertEquals("Datos", problem.getString("sheet"), problem.toString());
        assertEquals("G (Debe), H (Haber)", problem.getString("column"), problem.toString());
    }

    @Test
    void journalsAndActivitiesAreNamedAsThePortalNamesThemInTheTemplateAndTheImport() throws IOException {
        Books a = Books.open(base);
        byte[] template = a.client().download("api/v1/orgs/" + a.orgId() + "/import-templates/journal-entries",
                a.token());
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet lists = read.getSheet("listas");
            List<String> values = new ArrayList<>();
            lists.forEach(row -> row.forEach(cell -> values.add(cell.getStringCellValue())));
            assertTrue(values.contains("Bancos") && values.contains("Actividad propia") && !values.contains("BANK")
                    && !values.contains("OWN"), values.toString());
        }
        List<String> header = List.of("Asiento", "Fecha", "Diario", "Cuenta", "Concepto", "Debe", "Haber", "Actividad");
        List<Object[]> rows = new ArrayList<>();
        String[][] names = { { "Bancos", "Actividad propia" }, { "bank", "Commercial activity" },
                { "Diario general", "OWN" }, { "Compras", "Actividad mercantil" } };
        for (int i = 0; i < names.length; i++) {
            rows.add(new Object[] { "N" + i, LocalDate.of(2025, 5, 2), names[i][0], "629", "Gasto",
                    new BigDecimal("4.00"), null, names[i][1] });
            rows.add(new Object[] { "N" + i, LocalDate.of(2025, 5, 2), names[i][0], "572", "Pago", null,
                    new BigDecimal("4.00"), null });
        }
        JsonObject job = finished(a, upload(a, "journal-entries", "", Workbooks.of(header, rows)));
        assertEquals("succeeded", job.getString("status"), job.toString());
        assertEquals(8, job.getJsonNumber("rowsWritten").longValue(), job.toString());
    }

    @Test
    void aFileThatIsNotAnXlsxIsRefusedAtOnce() {
        Books a = Books.open(base);
        Reply csv = a.client().upload("api/v1/orgs/" + a.orgId() + "/imports/journal-entries", a.token(),
                "Fecha;Cuenta\n01/01/2025;572\n".getBytes(StandardCharsets.UTF_8), Workbooks.XLSX);
        assertEquals(400, csv.status(), csv.body());
        assertTrue(csv.body().contains("CSV"), csv.body());
        assertTrue(csv.body().contains("only Excel workbooks (.xlsx) are read"),
                "the refusal is worded like every answer of the API, by Accept-Language (English when none is asked "
                        + "for): " + csv.body());
        assertEquals(0, a.client().get("api/v1/orgs/" + a.orgId() + "/imports", a.token()).json().getJsonNumber("total")
                .longValue());
    }

    @Test
    void theTemplateHasTheHeadersAndAnExampleThatImports() throws IOException {
        Books a = Books.open(base);
        byte[] template = a.client().download("api/v1/orgs/" + a.orgId() + "/import-templates/journal-entries",
                a.token());
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = read.getSheetAt(0);
            assertEquals("Organización", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(2, sheet.getDataValidations().size());
        }
        Path file = Files.write(dir.resolve("template.xlsx"), template);
        assertTrue(Files.size(file) > 0);
    }

    @Test
    void aDatabaseKilledMidImportLeavesNothingAndTheJobRunsAgainCleanly() throws Exception {
        assumeTrue(TestDatabase.isEmbedded(), "crashing the database needs the run's own embedded MariaDB");
        Books a = Books.open(base);
        int entries = 40_000;
        byte[] workbook = twoLineEntries("K", entries, new BigDecimal("1.25"));
        long id = upload(a, "journal-entries", "", workbook).json().getJsonNumber("id").longValue();
        awaitWriting(a, id);
        TestDatabase.crashAndRestart();
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM journal_entry WHERE org_id = ?")) {
            s.setLong(1, a.orgId());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(0, r.getLong(1), "rows of the interrupted import survived the crash");
            }
        }
        JsonObject done = finished(a, id);
        assertEquals("succeeded", done.getString("status"), done.toString());
        assertEquals(2, done.getInt("attempts"), done.toString());
        assertEquals(entries * 2L, done.getJsonNumber("rowsWritten").longValue());
        JsonObject page = a.expect(200, a.get("/entries?max=1")).json();
        assertEquals(entries, page.getJsonNumber("total").longValue());
        assertTrue(a.expect(200, a.get("/integrity")).json().getBoolean("intact"));
        JsonObject verification = a.expect(200, a.post("/balances/verification", "")).json();
        assertTrue(verification.getBoolean("consistent"), verification.toString());
    }

    @Test
    void twoHundredThousandLinesImportInTheTestHubsSmallHeap() {
        String metrics = new HubClient(base).get("metrics?scope=base", null).body();
        java.util.regex.Matcher maxHeap = java.util.regex.Pattern.compile("memory_maxHeap_bytes\\{[^}]*\\} ([0-9.E+]+)")
                .matcher(metrics);
        assertTrue(maxHeap.find(), metrics);
        assertTrue(Double.parseDouble(maxHeap.group(1)) <= 384 * 1024 * 1024,
                "the hub under test must run with at most 384 MiB of heap: " + maxHeap.group());
        Books a = Books.open(base);
        int lines = 200_000;
        byte[] workbook = Workbooks.of(JOURNAL_HEADER, () -> new java.util.Iterator<Object[]>() {
            int n;

            @Override
            public boolean hasNext() {
                return n < lines;
            }

            @Override
            public Object[] next() {
                int entry = n / 4;
                int line = n++ % 4;
                String account = switch (line) {
                    case 0 -> "629";
                    case 1 -> "640";
                    default -> "572";
                };
                return new Object[] { null, "M" + entry, LocalDate.of(2025, 1 + entry % 12, 1 + entry % 28), "BANK",
                        account, "Movimiento " + entry, line < 2 ? new BigDecimal("10.10") : null,
                        line < 2 ? null : new BigDecimal("10.10"), line == 0 ? "P1" : null };
            }
        });
        assertEquals(201, a.post("/projects", "{\"code\":\"P1\",\"name\":\"Proyecto uno\"}").status());
        long id = upload(a, "journal-entries", "", workbook).json().getJsonNumber("id").longValue();
        // while it runs, the job shows the rows its sheet declares beside those checked so far: the portal's share
        JsonObject running = checking(a, id);
        assertEquals(lines, running.getJsonNumber("rowsExpected").longValue(), running.toString());
        assertTrue(running.getJsonNumber("rowsValidated").longValue() <= lines, running.toString());
        JsonObject job = finished(a, id);
        assertEquals("succeeded", job.getString("status"), job.toString());
        assertEquals(lines, job.getJsonNumber("rowsWritten").longValue());
        assertEquals(lines / 4, a.expect(200, a.get("/entries?max=1")).json().getJsonNumber("total").longValue());
        JsonObject tb = a.expect(200, a.get("/reports/trial-balance?date=2025-12-31&level=posting")).json();
        assertEquals(0, new BigDecimal("1010000.00")
                .compareTo(tb.getJsonObject("totals").getJsonNumber("debit").bigDecimalValue()), tb.toString());
    }

    // ---- helpers

    /** Two-line entries of the organisation with this tax id, keyed {@code prefix} and a number. */
    private static List<Object[]> organisationRows(String taxId, String prefix, int entries) {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : twoLineRows(prefix, entries, new BigDecimal("2.50"))) {
            row[0] = taxId;
            rows.add(row);
        }
        return rows;
    }

    /** The rows of {@link #twoLineEntries}, to change before making the workbook. */
    static List<Object[]> twoLineRows(String prefix, int entries, BigDecimal amount) {
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < entries * 2; n++) {
            rows.add(twoLineRow(prefix, n, amount));
        }
        return rows;
    }

    private static Object[] twoLineRow(String prefix, int n, BigDecimal amount) {
        int entry = n / 2;
        boolean debit = n % 2 == 0;
        // every day of the year: a posted batch of 5,000 entries adds to 730 day balances, more than one statement of
        // the ledger's upsert takes
        return new Object[] { null, prefix + entry, LocalDate.of(2025, 1, 1).plusDays(entry % 365), "GENERAL",
                debit ? "629" : "572", "Apunte " + entry, debit ? amount : null, debit ? null : amount };
    }

    /** A journal workbook of two-line entries over 2025 (629 to 572), keyed {@code prefix} and a number. */
    static byte[] twoLineEntries(String prefix, int entries, BigDecimal amount) {
        return Workbooks.of(JOURNAL_HEADER, () -> new java.util.Iterator<Object[]>() {
            int n;

            @Override
            public boolean hasNext() {
                return n < entries * 2;
            }

            @Override
            public Object[] next() {
                return twoLineRow(prefix, n++, amount);
            }
        });
    }

    /** Waits until the job has handed 5,000 rows to the ledger (nothing is committed before its end). */
    static void awaitWriting(Books books, long id) throws InterruptedException {
        String jobPath = "api/v1/orgs/" + books.orgId() + "/imports/" + id;
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        JsonObject job = books.client().get(jobPath, books.token()).json();
        while (job.getJsonNumber("rowsWritten").longValue() < 5_000) {
            assertTrue(Instant.now().isBefore(until), "the import did not start writing: " + job);
            assertTrue("running".equals(job.getString("status")) || "queued".equals(job.getString("status")),
                    job.toString());
            Thread.sleep(100);
            job = books.client().get(jobPath, books.token()).json();
        }
    }

    /** Two organisations' books, kept by one new accountant, and their tax ids. */
    private record Shared(Books a, Books b, String taxA, String taxB, String adminOfB) {
    }

    private Shared sharedOrganisations() {
        Books b = Books.open(base);
        List<Books> shared = sharedAccountant(Books.open(base), b);
        return new Shared(shared.get(0), shared.get(1), taxId(shared.get(0)), taxId(shared.get(1)), b.token());
    }

    /** A second organisation's books, kept by a new accountant who keeps the first one's too. */
    private List<Books> sharedAccountant(Books a, Books b) {
        HubClient client = a.client();
        String admin = client.adminToken();
        String accountant = HubClient.unique("shared");
        client.createUser(admin, accountant, Books.PASSWORD);
        client.grant(admin, a.orgId(), accountant, "accountant");
        client.grant(admin, b.orgId(), accountant, "accountant");
        String token = client.token(accountant, Books.PASSWORD);
        return List.of(new Books(client, a.orgId(), token, a.auditorToken(), a.path()),
                new Books(client, b.orgId(), token, b.auditorToken(), b.path()));
    }

    private static String taxId(Books books) {
        return books.client().get("api/v1/orgs/" + books.orgId(), books.token()).json().getJsonObject("organisation")
                .getString("taxId");
    }

    static Reply upload(Books books, String kind, String query, byte[] workbook) {
        Reply reply = books.client().upload("api/v1/orgs/" + books.orgId() + "/imports/" + kind + query, books.token(),
                workbook, Workbooks.XLSX);
        assertEquals(202, reply.status(), reply.body());
        return reply;
    }

    /** Follows the job until it ends. */
    static JsonObject finished(Books books, Reply accepted) {
        return finished(books, accepted.json().getJsonNumber("id").longValue());
    }

    private static long auditEvents(Books books) {
        return books.expect(200, books.client().get("api/v1/orgs/" + books.orgId() + "/audit?max=1", books.token()))
                .json().getJsonNumber("total").longValue();
    }

    /** Follows the job until a heartbeat has recorded rows checked while it runs; fails if it ends first. */
    static JsonObject checking(Books books, long id) {
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(until)) {
            JsonObject job = books
                    .expect(200, books.client().get("api/v1/orgs/" + books.orgId() + "/imports/" + id, books.token()))
                    .json();
            String status = job.getString("status");
            if (status.equals("succeeded") || status.equals("failed")) {
                throw new AssertionError("The import job " + id + " ended before it showed its progress: " + job);
            }
            if (status.equals("running") && job.getJsonNumber("rowsValidated").longValue() > 0) {
                return job;
            }
            pause(100);
        }
        throw new AssertionError("The import job " + id + " showed no rows checked within 2 minutes");
    }

    /** Follows the job until it ends; an answer other than 200 (the database restarting) is asked again. */
    static JsonObject finished(Books books, long id) {
        return books.client().finishedJob("api/v1/orgs/" + books.orgId() + "/imports/" + id, books.token());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
