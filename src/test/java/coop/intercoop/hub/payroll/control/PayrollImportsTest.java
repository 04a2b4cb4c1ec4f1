package coop.intercoop.hub.payroll.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.EntryDraft.EntryLine;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.payroll.control.PayrollPosting.Cost;
import coop.intercoop.hub.payroll.entity.EmployeeData;
import coop.intercoop.hub.payroll.entity.PostingAccounts.Concept;
import coop.intercoop.hub.spreadsheet.control.Headers;
import coop.intercoop.hub.spreadsheet.control.ImportReport;
import coop.intercoop.hub.spreadsheet.control.ImportRow;
import coop.intercoop.hub.spreadsheet.control.ImportTexts;
import coop.intercoop.hub.spreadsheet.control.Importer;
import coop.intercoop.hub.spreadsheet.control.XlsxReader;
import coop.intercoop.hub.spreadsheet.control.XlsxReader.CellValue;
import coop.intercoop.hub.spreadsheet.entity.ImportProblem;

/** The pure parts of payroll's imports: their columns, the reading of a row, a gestoría month's entry. */
class PayrollImportsTest {

    private static final List<Importer> IMPORTERS = List.of(new EmployeesImport(), new ContractsImport(),
            new GestoriaSummaryImport(), new PayrollItemsImport());

    @Test
    void everyTemplateHeaderNamesItsColumnInSpanishAndInEnglish() {
        for (Importer importer : IMPORTERS) {
            for (Locale language : List.of(Locale.forLanguageTag("es"), Locale.ENGLISH)) {
                List<String> header = importer.columns().stream()
                        .map(c -> ImportTexts.format(importer.texts(), language, "column." + c.key())).toList();
                Headers.Mapping mapping = Headers.map(row(1, header.toArray()), importer.columns());
                for (int i = 0; i < header.size(); i++) {
                    assertEquals(i, mapping.indexOf(importer.columns().get(i).key()),
                            importer.kind() + " " + language + ": " + header.get(i));
                }
            }
        }
    }

    @Test
    void anEmployeesValuesAreReadAsTheApisBodyAndABadOneIsAnErrorOfItsColumn() {
        List<ImportProblem> problems = new ArrayList<>();
        ImportReport report = new ImportReport(Locale.forLanguageTag("es"), EmployeesImport.TEXTS, 100,
                problems::addAll);
        List<String> header = List.of("NIF", "NAF", "Nombre", "Primer apellido", "Fecha de nacimiento", "Domicilio",
                "Código postal", "Municipio", "IBAN", "Situación familiar");
        ImportRow.Layout layout = new ImportRow.Layout("Datos",
                Headers.map(row(1, header.toArray()), new EmployeesImport().columns()),
                IntStream.range(0, header.size()).boxed()
                        .collect(java.util.stream.Collectors.toMap(i -> i, header::get)),
                false);
        EmployeeData good = EmployeesImport
                .data(new ImportRow(row(2, " 12345678z ", "281234567840", "Ana", "García", number("32980"),
                        "Calle Mayor 1", "28013", "Madrid", "ES9121000418450200051332", number("3")), layout, report));
        assertEquals("12345678z", good.nif);
        assertEquals(java.time.LocalDate.of(1990, 4, 17), good.birthDate);
        assertEquals(3, good.familySituation);
        EmployeeData bad = EmployeesImport
                .data(new ImportRow(row(3, "12345678Z", "281234567840", "Ana", null, number("32980"), "Calle Mayor 1",
                        "2801", "Madrid", "ES9121000418450200051332", number("2.5")), layout, report));
        assertNull(bad.familySituation);
        report.flush();
        assertEquals(List.of("3 D (Primer apellido)", "3 G (Código postal)", "3 J (Situación familiar)"),
                problems.stream().map(p -> p.row() + " " + p.column()).sorted().toList());
        assertTrue(
                problems.stream().anyMatch(
                        p -> p.message().equals("'2801' no es un código postal: son cinco" + " cifras, como 28013")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().equals("'2,5' no es un número entero")),
                problems.toString());
    }

    /** A month's item read as the API's body; the employee by NIF, every bad cell an error of its row and column. */
    @Test
    void aMonthsItemIsReadAsTheApisBodyAndEachBadCellIsAnErrorOfItsColumn() {
        List<ImportProblem> problems = new ArrayList<>();
        ImportReport report = new ImportReport(Locale.forLanguageTag("es"), EmployeesImport.TEXTS, 100,
                problems::addAll);
        List<String> header = List.of("NIF trabajador", "Concepto", "Tipo de partida", "Importe", "Mes", "Días",
                "Salarial", "Cotiza", "Tributa IRPF", "Subclave 190");
        ImportRow.Layout layout = new ImportRow.Layout("Datos",
                Headers.map(row(1, header.toArray()), new PayrollItemsImport().columns()),
                IntStream.range(0, header.size()).boxed()
                        .collect(java.util.stream.Collectors.toMap(i -> i, header::get)),
                false);
        PayrollItemsImport importer = new PayrollItemsImport();
        Map<String, Employees.Named> byNif = Map.of("12345678Z", new Employees.Named(7, LocalDate.of(1990, 5, 17)));
        // the month is any date of it (here a serial number, 46082 = 1 March 2026), "sí" and "no" are booleans
        PayrollItemsImport.Row good = importer.item(new ImportRow(row(2, "12345678z", "Plus de productividad",
                "variable", number("150"), date("46082"), null, "sí", "NO", null, null), layout, report), byNif);
        assertEquals("12345678Z", good.nif());
        assertEquals("2026-03", good.data().month);
        assertEquals("variable", good.data().kind);
        assertEquals(0, new BigDecimal("150.00").compareTo(good.data().amount));
        assertTrue(good.data().salary);
        assertEquals(false, good.data().contributes);
        // pay not subject to withholding names its subkey of key L of modelo 190
        PayrollItemsImport.Row mileage = importer.item(new ImportRow(row(4, "12345678Z", "Kilometraje", "variable",
                number("38"), date("46082"), null, "no", "no", "no", number("1")), layout, report), byNif);
        assertEquals(false, mileage.data().taxed);
        assertEquals(1, mileage.data().exemptSubkey);
        assertNull(importer.item(new ImportRow(
                row(3, "00000023T", null, "absence", null, "marzo", number("1.5"), "quizá", null, null, number("1.5")),
                layout, report), byNif));
        report.flush();
        assertEquals(List.of("3 A (NIF trabajador)", "3 E (Mes)", "3 F (Días)", "3 G (Salarial)", "3 J (Subclave 190)"),
                problems.stream().map(p -> p.row() + " " + p.column()).sorted().toList());
        assertTrue(
                problems.stream().anyMatch(p -> p.message().equals(
                        "la organización no tiene ninguna persona empleada con el NIF 00000023T; impórtela antes")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().equals("'quizá' no es sí ni no")), problems.toString());
    }

    /**
     * The gestoría month of ImportIT: issue 19's first worked example (base 2.000,00 € in 2026: employer 613,00,
     * employee 130,00, IRPF at 14,09 % 281,80, net 1.588,20) and a second employee; gross and net pay in the mapping's
     * accounts, the rest in those {@code posting-accounts.csv} gives the ESFL chart (PGC quinta parte, 642, 476, 4751).
     */
    @Test
    void aGestoriaMonthPostsTheMappedConceptsToTheMappingsAccountsAndTheRestToTheCharts() {
        Map<Concept, coop.intercoop.hub.payroll.entity.PostingAccounts.Account> esfl = new PayrollTables(
                "config/payroll").postingAccounts().of("pgc-esfl").orElseThrow();
        EntryDraft entry = GestoriaSummaryImport.entry(esfl,
                Map.of(Concept.GROSS_PAY, "6400001", Concept.NET_PAY, "4650001"), YearMonth.of(2025, 3),
                "Nóminas de 2025-03", GestoriaSummaryImport.document(YearMonth.of(2025, 3)),
                List.of(cost("2000.00", "613.00", "130.00", "281.80", "1588.20"),
                        cost("1500.00", "459.75", "97.50", "150.00", "1252.50")));
        assertEquals(java.time.LocalDate.of(2025, 3, 31), entry.getDate());
        assertEquals(Journal.PAYROLL.name(), entry.getJournal());
        assertEquals("GESTORIA-2025-03", entry.getDocument());
        Map<String, String> lines = new TreeMap<>();
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (EntryLine line : entry.getLines()) {
            lines.put(line.getAccount(), line.getDebit() != null ? "D " + line.getDebit() : "C " + line.getCredit());
            debit = line.getDebit() == null ? debit : debit.add(line.getDebit());
            credit = line.getCredit() == null ? credit : credit.add(line.getCredit());
        }
        assertEquals(Map.of("6400001", "D 3500.00", "642", "D 1072.75", "476", "C 1300.25", "4751", "C 431.80",
                "4650001", "C 2840.70"), lines);
        assertEquals(new BigDecimal("4572.75"), debit);
        assertEquals(debit, credit);
    }

    private static Cost cost(String gross, String employer, String employee, String withholding, String net) {
        BigDecimal zero = new BigDecimal("0.00");
        return new Cost(Optional.empty(), Optional.empty(), new BigDecimal(gross), zero, new BigDecimal(employer), zero,
                new BigDecimal(employee), new BigDecimal(withholding), zero, new BigDecimal(net));
    }

    private record Stored(String raw) {
    }

    private static Stored number(String raw) {
        return new Stored(raw);
    }

    /** A number the cell formats as a date. */
    private record StoredDate(String raw) {
    }

    private static StoredDate date(String raw) {
        return new StoredDate(raw);
    }

    /** A row of cells: text, or a {@link Stored} number (a date is its serial number). */
    private static XlsxReader.Row row(int number, Object... values) {
        List<XlsxReader.Cell> cells = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            CellValue value = values[i] instanceof Stored n ? new CellValue(CellValue.Kind.NUMBER, n.raw(), i == 4)
                    : values[i] instanceof StoredDate d ? new CellValue(CellValue.Kind.NUMBER, d.raw(), true)
                            : new CellValue(CellValue.Kind.TEXT, values[i].toString(), false);
            cells.add(new XlsxReader.Cell(i, value));
        }
        return new XlsxReader.Row("Datos", number, cells);
    }
}
