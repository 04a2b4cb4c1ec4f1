package coop.intercoop.hub.spreadsheet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook;
import org.junit.jupiter.api.io.TempDir;

import coop.intercoop.hub.spreadsheet.control.XlsxReader.CellValue;

class XlsxReaderTest {

    static final XlsxReader.Limits LIMITS = new XlsxReader.Limits(50_000_000, 1_000, 0.01, 100_000_000, 10_000_000);

    @TempDir
    Path dir;

    private Path workbook(String name, Consumer<XSSFWorkbook> fill) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            fill.accept(wb);
            wb.write(out);
        }
        return file;
    }

    /** A workbook of one sheet whose rows hold their index in column A. */
    private Path numbered(String name, int rows) throws IOException {
        return workbook(name, wb -> {
            Sheet sheet = wb.createSheet("s");
            for (int r = 0; r < rows; r++) {
                sheet.createRow(r).createCell(0).setCellValue(r);
            }
        });
    }

    private static List<XlsxReader.Row> rows(Path file) {
        List<XlsxReader.Row> rows = new ArrayList<>();
        try (XlsxReader reader = XlsxReader.open(file, LIMITS)) {
            reader.read(0, rows::add);
        }
        return rows;
    }

    @Test
    void readsNumbersTextBooleansFormulasAndDatesAndSkipsEmptyFormattedRows() throws IOException {
        Path file = workbook("values.xlsx", wb -> {
            Sheet sheet = wb.createSheet("Asientos");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row row = sheet.createRow(0);
            row.createCell(0).setCellValue(-125.5);
            row.createCell(1).setCellValue("=HYPERLINK(\"x\")");
            row.createCell(2).setCellValue(true);
            row.createCell(3).setCellFormula("A1*2");
            var dated = row.createCell(5);
            dated.setCellValue(LocalDate.of(2025, 3, 31));
            dated.setCellStyle(date);
            for (int r = 1; r < 50; r++) {
                sheet.createRow(r).createCell(0).setCellStyle(date); // formatted but empty
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        List<XlsxReader.Row> rows = rows(file);
        assertEquals(1, rows.size());
        XlsxReader.Row row = rows.get(0);
        assertEquals(1, row.number());
        assertEquals("Asientos", row.sheet());
        assertEquals(new BigDecimal("-125.5"), Values.number(row.at(0), Locale.ROOT));
        assertEquals(CellValue.Kind.TEXT, row.at(1).kind());
        assertEquals("=HYPERLINK(\"x\")", Values.text(row.at(1)));
        assertTrue(Values.bool(row.at(2)));
        assertEquals(new BigDecimal("-251"), Values.number(row.at(3), Locale.ROOT));
        assertEquals(null, row.at(4));
        assertTrue(row.at(5).dateFormatted());
        assertEquals(LocalDate.of(2025, 3, 31), Values.date(row.at(5), false));
    }

    @Test
    void readsSerialDatesOfThe1904DateSystem() throws IOException {
        Path file = workbook("mac.xlsx", wb -> {
            CTWorkbook workbook = wb.getCTWorkbook();
            // a workbook has one workbookPr; POI writes one of its own
            (workbook.isSetWorkbookPr() ? workbook.getWorkbookPr() : workbook.addNewWorkbookPr()).setDate1904(true);
            // the serial a Mac workbook stores for 31 March 2025
            wb.createSheet("s").createRow(0).createCell(0)
                    .setCellValue(DateUtil.getExcelDate(LocalDate.of(2025, 3, 31).atStartOfDay(), true));
        });
        try (XlsxReader reader = XlsxReader.open(file, LIMITS)) {
            assertTrue(reader.isDate1904());
            List<XlsxReader.Row> rows = new ArrayList<>();
            reader.read(0, rows::add);
            // the serial counts from 1904: read in the 1900 system it would be four years and a day off
            assertEquals(LocalDate.of(2025, 3, 31), Values.date(rows.get(0).at(0), reader.isDate1904()));
            assertEquals(LocalDate.of(2021, 3, 30), Values.date(rows.get(0).at(0), false));
        }
    }

    @Test
    void refusesMoreRowsThanAllowed() throws IOException {
        Path file = numbered("long.xlsx", 1_001);
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class, () -> rows(file));
        assertTrue(refused.getMessage().contains("more than 1,000 rows"), refused.getMessage());
    }

    @Test
    void tellsTheLastRowASheetDeclaresWithoutReadingItsRows() throws IOException {
        Path plain = numbered("dimension.xlsx", 3);
        Path declared = rewriteSheet(plain, xml -> xml.replaceAll("<dimension[^>]*/>", "")
                .replaceFirst("(<worksheet[^>]*>)", "$1<dimension ref=\"A1:D5000\"/>"));
        Path undeclared = rewriteSheet(plain, xml -> xml.replaceAll("<dimension[^>]*/>", ""));
        try (XlsxReader reader = XlsxReader.open(declared, LIMITS)) {
            // 5,000 is beyond the reader's 1,000-row limit: the rows are not read
            assertEquals(5000, reader.lastRowDeclared(0));
        }
        try (XlsxReader reader = XlsxReader.open(undeclared, LIMITS)) {
            assertEquals(0, reader.lastRowDeclared(0));
            assertEquals(3, rows(undeclared).size());
        }
    }

    @Test
    void readsTheLastRowOfARangeReference() {
        assertEquals(1_000_001, XlsxReader.lastRow("A1:H1000001"));
        assertEquals(7, XlsxReader.lastRow("C7"));
        assertEquals(0, XlsxReader.lastRow("A:H"));
        assertEquals(0, XlsxReader.lastRow(null));
        assertEquals(0, XlsxReader.lastRow("A1:B99999999999"));
    }

    @Test
    void refusesWhatIsNotAnXlsxSayingWhatItIs() throws IOException {
        Path csv = Files.writeString(dir.resolve("entries.xlsx"), "fecha;cuenta;debe\n2025-01-01;572;10\n");
        assertRefused("looks like text", csv);

        Path xls = dir.resolve("old.xlsx");
        try (HSSFWorkbook wb = new HSSFWorkbook();
                OutputStream out = Files.newOutputStream(xls)) {
            wb.createSheet("s").createRow(0).createCell(0).setCellValue(1);
            wb.write(out);
        }
        assertRefused("(.xls)", xls);

        Path corrupt = dir.resolve("corrupt.xlsx");
        byte[] valid = Files.readAllBytes(workbook("valid.xlsx", wb -> wb.createSheet("s")));
        Files.write(corrupt, java.util.Arrays.copyOf(valid, valid.length / 2));
        assertRefused("not a readable xlsx", corrupt);

        assertRefused("empty", Files.write(dir.resolve("empty.xlsx"), new byte[0]));
    }

    @Test
    void refusesAPasswordProtectedWorkbook() throws Exception {
        byte[] plain = Files.readAllBytes(workbook("plain.xlsx", wb -> wb.createSheet("s")));
        Path encrypted = dir.resolve("secret.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(plain);
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(out);
            }
        }
        assertRefused("password-protected", encrypted);
    }

    @Test
    void refusesAZipBomb() throws IOException {
        Path bomb = rewriteSheet(
                workbook("bomb.xlsx", wb -> wb.createSheet("s").createRow(0).createCell(0).setCellValue("x")),
                xml -> xml.replace("</worksheet>", "</worksheet>" + " ".repeat(30_000_000)));
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class, () -> rows(bomb));
        // the hub's sentence, not POI's, which tells how to lift its limit
        assertEquals(
                "A part of the workbook inflates to a disproportionate size (over 100,000,000 bytes, or over 100 "
                        + "times its compressed size) or the workbook has more than 1,000 parts; it is not read.",
                refused.getMessage());
        assertTrue(refused.message(Locale.forLanguageTag("es")).startsWith("Una parte del libro se descomprime"));
    }

    @Test
    void refusesASheetWhoseNumbersAreNotNumbersWithoutQuotingThem() throws IOException {
        Path bad = rewriteSheet(workbook("bad.xlsx", wb -> {
            var sheet = wb.createSheet("Datos");
            for (int i = 0; i < 3; i++) {
                sheet.createRow(i).createCell(0).setCellValue("fila " + (i + 1));
            }
        }), xml -> xml.replace("<row r=\"3\"", "<row r=\"tres: secreto de Beta\""));
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class, () -> rows(bad));
        assertEquals("The sheet Datos is not that of a valid xlsx (near row 2); it is not read.", refused.getMessage());
    }

    /**
     * The forms of a cell's attributes other writers use: no reference (the next column), a lower-case reference, a
     * style padded with spaces, a formula's text result, an error, a type the format does not define; a style that is
     * not a number refuses the sheet.
     */
    @Test
    void readsEachFormOfACellsAttributes() throws IOException {
        Path base = workbook("forms.xlsx", wb -> wb.createSheet("Datos").createRow(0).createCell(0).setCellValue(1));
        Path forms = rewriteSheet(base, xml -> xml.replaceAll("(?s)<sheetData>.*</sheetData>",
                "<sheetData>" + "<row r=\"1\"><c><v>1</v></c><c t=\"inlineStr\"><is><t>sin referencia</t></is></c>"
                        + "<c r=\"e1\" s=\" 0 \"><v>5</v></c><c r=\"F1\" t=\"str\"><v>texto de fórmula</v></c>"
                        + "<c r=\"G1\" t=\"e\"><v>#DIV/0!</v></c><c r=\"H1\" t=\"x\"><v>otro</v></c></row>"
                        + "</sheetData>"));
        XlsxReader.Row row = rows(forms).get(0);
        assertEquals(List.of(0, 1, 4, 5, 6, 7), row.cells().stream().map(XlsxReader.Cell::column).toList());
        assertEquals("sin referencia", Values.text(row.at(1)));
        assertEquals(new BigDecimal("5"), Values.number(row.at(4), Locale.ROOT));
        assertEquals("texto de fórmula", Values.text(row.at(5)));
        assertEquals(CellValue.Kind.ERROR, row.at(6).kind());
        assertEquals(new XlsxReader.CellValue(CellValue.Kind.TEXT, "otro", false), row.at(7));

        Path badStyle = rewriteSheet(base, xml -> xml.replaceAll("(?s)<sheetData>.*</sheetData>",
                "<sheetData><row r=\"1\"><c r=\"A1\" s=\"uno\"><v>1</v></c></row></sheetData>"));
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class, () -> rows(badStyle));
        assertEquals("The sheet Datos is not that of a valid xlsx (near row 1); it is not read.", refused.getMessage());
    }

    @Test
    void refusesExternalEntities() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        Path xxe = rewriteSheet(
                workbook("xxe.xlsx", wb -> wb.createSheet("s").createRow(0).createCell(0).setCellValue("x")),
                xml -> xml
                        .replaceFirst("<worksheet",
                                "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><worksheet")
                        .replaceFirst("<sheetData>", "<sheetData><row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>&x;"
                                + "</t></is></c></row>"));
        List<String> seen = new ArrayList<>();
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class, () -> {
            try (XlsxReader reader = XlsxReader.open(xxe, LIMITS)) {
                reader.read(0, row -> seen.add(row.toString()));
            }
        });
        assertTrue(refused.getMessage().contains("DOCTYPE"), refused.getMessage());
        assertFalse(seen.toString().contains("TOP-SECRET"));
    }

    @Test
    void refusesADocumentTypeInTheWorkbookPart() throws IOException {
        Path laughs = rewritePart(
                workbook("laughs.xlsx", wb -> wb.createSheet("s").createRow(0).createCell(0).setCellValue("x")),
                "xl/workbook.xml", xml -> xml.replaceFirst("<workbook",
                        "<!DOCTYPE workbook [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;\">]>" + "<workbook"));
        assertRefused("DOCTYPE", laughs);
    }

    @Test
    void refusesRowsNumberedOutOfOrder() throws IOException {
        Path twice = rewriteSheet(workbook("twice.xlsx", wb -> {
            var sheet = wb.createSheet("Datos");
            for (int i = 0; i < 3; i++) {
                sheet.createRow(i).createCell(0).setCellValue("fila " + (i + 1));
            }
        }), xml -> xml.replace("<row r=\"3\"", "<row r=\"2\""));
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class, () -> rows(twice));
        assertEquals("The sheet Datos numbers a row 2 after row 2; in an xlsx the rows come in increasing order, each "
                + "once.", refused.getMessage());
    }

    /** Limits that let a repetitive part inflate far, so that the bound under test is the one met. */
    private XlsxReader.Limits inflating() {
        return new XlsxReader.Limits(50_000_000, 1_000, 0.000_1, 100_000_000, 10_000_000,
                XlsxReader.Limits.STRINGS_HEAP_BYTES, dir);
    }

    private static XlsxReader.Limits limits(long maxTextChars, long stringsHeapBytes, Path workDir) {
        return new XlsxReader.Limits(50_000_000, 100_000, 0.01, 100_000_000, maxTextChars, stringsHeapBytes, workDir);
    }

    private static List<XlsxReader.Row> rows(Path file, XlsxReader.Limits limits) {
        List<XlsxReader.Row> rows = new ArrayList<>();
        try (XlsxReader reader = XlsxReader.open(file, limits)) {
            reader.read(0, rows::add);
        }
        return rows;
    }

    /** A workbook of {@code rows} rows of two distinct texts each, in its shared-strings table as Excel writes it. */
    private Path texts(String name, int rows) throws IOException {
        return workbook(name, wb -> {
            Sheet sheet = wb.createSheet("Datos");
            for (int r = 0; r < rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("Concepto número " + r + " de la nómina de Beta, €");
                row.createCell(1).setCellValue("Documento-" + r);
            }
        });
    }

    @Test
    void refusesMoreSharedTextThanTheLimitInTheHubsWords() throws IOException {
        Path file = texts("text.xlsx", 100);
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class,
                () -> rows(file, limits(1_000, 1 << 20, dir)));
        assertEquals("The workbook has more than 1,000 characters of text, the most that is read; split it into "
                + "several files.", refused.getMessage());
        assertEquals("El libro tiene más de 1.000 caracteres de texto, el máximo que se lee; divídalo en varios "
                + "ficheros.", refused.message(Locale.forLanguageTag("es")));
    }

    @Test
    void refusesMoreInlineTextThanTheLimit() throws IOException {
        // POI's streaming writer, as most generators, writes inline strings rather than a shared table
        Path file = Files.write(dir.resolve("inline.xlsx"), coop.intercoop.hub.testing.Workbooks.of(List.of("Concepto"),
                java.util.Collections.nCopies(100, new Object[] { "x".repeat(20) })));
        assertEquals(101, rows(file, limits(10_000, 1 << 20, dir)).size());
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class,
                () -> rows(file, limits(1_000, 1 << 20, dir)));
        assertTrue(refused.getMessage().startsWith("The workbook has more than 1,000 characters"));
    }

    @Test
    void readsASharedStringsTableLargerThanItsHeapBudgetThroughItsWorkFile() throws IOException {
        Path file = texts("spilled.xlsx", 5_000);
        Path work = Files.createDirectory(dir.resolve("work"));
        // 128 KiB of strings on the heap for a table of about 400 KB
        List<XlsxReader.Row> rows;
        try (XlsxReader reader = XlsxReader.open(file, limits(10_000_000, 128 << 10, work))) {
            assertTrue(reader.stringsSpilled());
            assertEquals(2, work.toFile().list().length);
            rows = new ArrayList<>();
            reader.read(0, rows::add);
        }
        assertEquals(0, work.toFile().list().length, "the work files are removed when the reader closes");
        assertEquals(5_000, rows.size());
        for (int r = 0; r < rows.size(); r++) {
            assertEquals("Concepto número " + r + " de la nómina de Beta, €", Values.text(rows.get(r).at(0)));
            assertEquals("Documento-" + r, Values.text(rows.get(r).at(1)));
        }
    }

    @Test
    void refusesACellLongerThanExcelAllows() throws IOException {
        Path file = rewriteSheet(
                workbook("long.xlsx", wb -> wb.createSheet("Datos").createRow(0).createCell(0).setCellValue(1)),
                xml -> xml.replaceFirst("<c r=\"A1\"[^>]*>.*?</c>", "<c r=\"B1\" t=\"inlineStr\"><is><t>"
                        + "x".repeat(20_000) + "</t><t>" + "y".repeat(20_000) + "</t></is></c>"));
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class, () -> rows(file));
        assertEquals("The cell B1 of the sheet Datos has more than 32,767 characters, the most an Excel cell holds.",
                refused.getMessage());
    }

    @Test
    void refusesARowOfMoreCellsThanExcelHas() throws IOException {
        StringBuilder cells = new StringBuilder();
        for (int c = 0; c <= XlsxReader.MAX_COLUMNS; c++) {
            cells.append("<c><v>1</v></c>");
        }
        Path file = rewriteSheet(numbered("wide.xlsx", 1),
                xml -> xml.replaceFirst("<row r=\"1\"[^>]*>.*?</row>", "<row r=\"1\">" + cells + "</row>"));
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class,
                () -> rows(file, inflating()));
        assertEquals("The row 1 of the sheet s has more than 1,048,576 characters or more than 16,384 cells with "
                + "values; it is not read.", refused.getMessage());
    }

    @Test
    void refusesNestingDeeperThanAnXlsxHas() throws IOException {
        Path file = rewriteSheet(numbered("deep.xlsx", 1), xml -> xml.replace("</sheetData>", "</sheetData><extLst>"
                + "<x>".repeat(XlsxReader.MAX_DEPTH) + "</x>".repeat(XlsxReader.MAX_DEPTH) + "</extLst>"));
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class, () -> rows(file));
        assertTrue(refused.getMessage().contains("more than 100 levels deep"), refused.getMessage());
    }

    @Test
    void refusesASheetOfMoreElementNamesThanAnXlsxUses() throws IOException {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i <= XlsxReader.MAX_OTHER_NAMES; i++) {
            names.append("<n").append(i).append("/>");
        }
        Path file = rewriteSheet(numbered("names.xlsx", 1),
                xml -> xml.replace("</sheetData>", "</sheetData><extLst>" + names + "</extLst>"));
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class, () -> rows(file));
        assertEquals("The sheet s uses more than 1,000 different names of elements, which no xlsx does; it is not "
                + "read.", refused.getMessage());
    }

    @Test
    void refusesStylesLargerThanAnXlsxHas() throws IOException {
        Path file = rewritePart(numbered("styles.xlsx", 1), "xl/styles.xml", xml -> xml.replace("</styleSheet>",
                "<extLst>" + "<ext uri=\"x\"/>".repeat(1_200_000) + "</extLst></styleSheet>"));
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class,
                () -> rows(file, inflating()));
        assertEquals("The part /xl/styles.xml of the workbook is larger than 16,777,216 bytes, which no xlsx is; it is "
                + "not read.", refused.getMessage());
    }

    private void assertRefused(String words, Path file) {
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class,
                () -> XlsxReader.open(file, LIMITS).close());
        assertTrue(refused.getMessage().contains(words), refused.getMessage());
        assertEquals("file", refused.field());
    }

    /** The same workbook with the first sheet's XML rewritten. */
    private Path rewriteSheet(Path xlsx, java.util.function.UnaryOperator<String> rewrite) throws IOException {
        return rewritePart(xlsx, "xl/worksheets/sheet1.xml", rewrite);
    }

    /** The same workbook with one part's XML rewritten. */
    private Path rewritePart(Path xlsx, String part, java.util.function.UnaryOperator<String> rewrite)
            throws IOException {
        Path out = Files.createTempFile(dir, "rewritten-", ".xlsx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                in.transferTo(content);
                byte[] bytes = content.toByteArray();
                if (entry.getName().equals(part)) {
                    bytes = rewrite.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out;
    }
}
