package coop.intercoop.hub.spreadsheet.control;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an xlsx workbook as a stream, one sheet after another and one row at a time, straight into the zip the client
 * receives: each row is turned into SpreadsheetML and compressed as it is written, so memory stays constant whatever
 * the number of rows and the download starts with the first row. Each sheet has a bold header row that stays in view
 * and an autofilter over its data rows; amounts are numbers shown as {@code #,##0.00} (written with their exact decimal
 * digits), dates real dates shown as {@code dd/mm/yyyy}.
 * <p>
 * Why not POI's SXSSF: it keeps a window of row objects, writes every row to a temporary file (gzipped) and, when the
 * workbook is finished, reads it back and compresses it a second time into the zip, before the first byte leaves. The
 * benchmark measures both on the same million ledger rows with the same styled header, formats, frozen header,
 * autofilter and totals row, at the same compression level (README, <i>Performance</i>: {@code sxssf-writer-only}
 * against {@code writer-only}): SXSSF took 6.1 s where this writer took 4.3 s (0.71 of its rate; 12.0 s against 3.9 s
 * on a slower day), its time in writing each cell through a character writer, looking up each cell's style among the
 * XML beans of {@code styles.xml} and copying the temporary file into the zip. And since the zip can only begin once
 * the sheet is whole, a download of a million lines would wait seconds for its first byte, and the node's disk would
 * hold a copy of every export in progress, where this writer sends the first rows at once and keeps nothing. The
 * package written here holds the parts a spreadsheet needs (OPC content types and relationships, workbook, styles, an
 * empty shared-strings table, core properties with the title, one part per sheet, text as inline strings) and is read
 * back by POI, {@link XlsxReader}, Excel and LibreOffice.
 * <p>
 * An xlsx sheet holds at most {@value #MAX_ROWS} rows: a sheet that fills up continues on a new sheet named
 * {@code "<name> (2)"}, {@code "<name> (3)"}, … with the same header, so a long list is never cut short; totals written
 * after that go on the last sheet.
 * <p>
 * Formula injection (OWASP "CSV injection"): text is always written as a text cell, and text a spreadsheet would take
 * for a formula or a command (beginning with {@code = + - @}, a tab or a carriage return) is also quote-prefixed, so
 * editing the cell keeps it text. Numbers are never text: a negative amount stays a number.
 *
 * <pre>
 * try (SheetWriter xlsx = new SheetWriter(out)) {
 *     xlsx.sheet("Balance", List.of(Column.text("Cuenta"), Column.amount("Saldo")));
 *     xlsx.row("570", new BigDecimal("12.50"));
 *     xlsx.totals("Total", new BigDecimal("12.50"));
 *     xlsx.finish();
 * }
 * </pre>
 */
public class SheetWriter implements AutoCloseable {

    /** The largest number of rows of an xlsx sheet, header included. */
    public static final int MAX_ROWS = 1_048_576;
    /** The longest text of a cell. */
    public static final int MAX_TEXT = 32_767;
    /** The media type of an xlsx workbook, for downloads and uploads. */
    /** Compression level: the fastest; sheet XML is repetitive enough that it still shrinks about tenfold. */
    private static final int LEVEL = Deflater.BEST_SPEED;
    private static final long EXCEL_EPOCH = LocalDate.of(1899, 12, 30).toEpochDay();
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    /** What a column holds, which decides its cell type and number format. */
    public enum Type {
        TEXT, AMOUNT, INTEGER, DATE,
        /** A number as it was given, in the General format: a column whose numbers may be of any kind. */
        NUMBER
    }

    /**
     * A column: its header and type; {@code width} in characters.
     */
    public record Column(String header, Type type, int width) {
        public static Column text(String header) {
            return new Column(header, Type.TEXT, Math.max(12, header.length() + 2));
        }

        public static Column text(String header, int width) {
            return new Column(header, Type.TEXT, width);
        }

        public static Column amount(String header) {
            return new Column(header, Type.AMOUNT, Math.max(14, header.length() + 2));
        }

        public static Column integer(String header) {
            return new Column(header, Type.INTEGER, Math.max(8, header.length() + 2));
        }

        public static Column date(String header) {
            return new Column(header, Type.DATE, 12);
        }

        public static Column number(String header, int width) {
            return new Column(header, Type.NUMBER, width);
        }
    }

    // cell formats (cellXfs) of styles.xml, by index
    private static final int HEADER = 1;
    private static final int QUOTED = 2;
    private static final int QUOTED_BOLD = 3;
    private static final int BOLD_TEXT = 4;
    private static final int PLAIN = 5; // + Type.ordinal()
    private static final int BOLD = PLAIN + Type.values().length; // + Type.ordinal()

    /** A finished sheet: its name, its header row (1-based) and the autofilter's last row (0-based). */
    private record Done(String name, int headerRow, int lastFilterRow, int columns) {
    }

    private final int maxRows;
    private final Path file;
    private final ZipOutputStream zip;
    private final Writer xml;
    private final List<Done> done = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private String title;
    private boolean finished;

    private String sheet;
    private String baseName;
    private int continuation;
    private List<Column> columns;
    private String[] letters;
    private Type[] types;
    private int headerRow;
    private int next;
    private int lastData;

    /** A workbook written as it goes to {@code out}, which stays open; {@link #finish()} completes it. */
    public SheetWriter(OutputStream out) {
        this(out, MAX_ROWS);
    }

    /**
     * A workbook kept in a temporary file (compressed, removed on {@link #close()}) until {@link #writeTo} copies it:
     * for a caller that knows its destination only at the end.
     */
    public SheetWriter() {
        this(null, MAX_ROWS);
    }

    /** With a smaller sheet, to test what happens when one fills up. */
    SheetWriter(OutputStream out, int maxRows) {
        this.maxRows = maxRows;
        try {
            if (out == null) {
                file = Files.createTempFile("sheet-writer", ".xlsx");
                zip = new ZipOutputStream(Files.newOutputStream(file));
            } else {
                file = null;
                // the deflater hands over 512 bytes at a time: gather them into fewer, larger writes to the client
                zip = new ZipOutputStream(new BufferedOutputStream(new KeepOpen(out), 1 << 16));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        zip.setLevel(LEVEL);
        xml = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Starts a sheet, finishing the one before, and writes its header row.
     *
     * @param name
     *            at most 31 characters, without {@code : \ / ? * [ ]}
     */
    public SheetWriter sheet(String name, List<Column> columns) {
        return sheet(name, columns, 1, 0);
    }

    /**
     * Starts a sheet that keeps another sheet's rows in their places (written with {@link #rowAt}): its header on row
     * {@code headerRow} (1-based), the rows above it empty; {@code lastRow}, the other sheet's last row when known (0
     * if not), is declared as the sheet's extent, so that a reader can tell how far it has got.
     *
     * @param name
     *            at most 31 characters, without {@code : \ / ? * [ ]}
     */
    public SheetWriter sheet(String name, List<Column> columns, int headerRow, int lastRow) {
        return sheet(name, columns, headerRow, lastRow, List.of());
    }

    private SheetWriter sheet(String name, List<Column> columns, int headerRow, int lastRow, List<String> heading) {
        if (headerRow < 1 || headerRow >= maxRows || lastRow < 0 || lastRow > maxRows) {
            throw new IllegalArgumentException("A header on row " + headerRow + " of a sheet of " + lastRow + " rows");
        }
        if (name.isEmpty() || name.length() > 31 || name.matches(".*[:\\\\/?*\\[\\]].*")) {
            throw new IllegalArgumentException("A sheet name has 1 to 31 characters, none of : \\ / ? * [ ]: " + name);
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A sheet has at least one column");
        }
        this.baseName = name;
        this.continuation = 1;
        start(name, columns, headerRow, lastRow, heading);
        return this;
    }

    /**
     * Starts a sheet, finishing the one before, with title rows: each line of {@code heading} in bold in the first
     * column, an empty row, then the header row. What a reader must see to know what the figures are (whose, which
     * dates) goes there, not only in the document's properties. A continuation sheet has the header only.
     *
     * @param name
     *            at most 31 characters, without {@code : \ / ? * [ ]}
     */
    public SheetWriter sheet(String name, List<String> heading, List<Column> columns) {
        sheet(name, columns, heading.size() + 2, 0, heading);
        return this;
    }

    /** Writes a data row; values in column order, null for an empty cell. */
    public SheetWriter row(Object... values) {
        write(values, false);
        lastData = next - 1;
        return this;
    }

    /**
     * Writes a data row on row {@code number} (1-based) of the sheet, below every row written so far; the rows between
     * stay empty. For a sheet that keeps another's rows in their places.
     */
    public SheetWriter rowAt(int number, Object... values) {
        if (sheet != null && (number <= next || number > maxRows)) {
            throw new IllegalArgumentException(
                    "Row " + number + " is not below row " + next + " and within the " + maxRows + " rows of a sheet");
        }
        if (sheet != null) {
            next = number - 1;
        }
        return row(values);
    }

    /** Writes a bold data row: a heading or a subtotal among the data, inside the autofilter. */
    public SheetWriter boldRow(Object... values) {
        write(values, true);
        lastData = next - 1;
        return this;
    }

    /** Writes a bold row after the data, outside the autofilter: totals, a closing balance. */
    public SheetWriter totals(Object... values) {
        write(values, true);
        return this;
    }

    /** Sets the workbook's title, shown by spreadsheet applications in the document's properties. */
    public SheetWriter title(String title) {
        this.title = title;
        return this;
    }

    /** How many rows the current sheet has, header included. */
    public int rows() {
        return next;
    }

    /** How many sheets were started, continuations included. */
    public int sheets() {
        return done.size() + (sheet == null ? 0 : 1);
    }

    /** Completes the workbook in the stream it is written to, which stays open. */
    public void finish() {
        if (finished) {
            return;
        }
        try {
            finishSheet();
            if (done.isEmpty()) {
                start("Hoja1", List.of(Column.text("")), 1, 0);
                finishSheet();
            }
            packageParts();
            xml.flush();
            zip.finish();
            zip.flush();
            finished = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Completes the workbook kept in a temporary file and copies it to {@code out}, which stays open. */
    public void writeTo(OutputStream out) throws IOException {
        if (file == null) {
            throw new IllegalStateException("This workbook is written as it goes; call finish()");
        }
        finish();
        zip.close();
        Files.copy(file, out);
    }

    /**
     * Releases the stream (the client's stays open) and removes the temporary file, if any. A workbook closed before
     * {@link #finish()} (a failure while writing) is left without its zip directory, so the client cannot take a
     * truncated download for a complete one.
     */
    @Override
    public void close() {
        try {
            if (finished || file != null) {
                zip.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Text a spreadsheet application would take for a formula or a command when it is typed or imported. */
    public static boolean isFormulaLike(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    // ---- sheets

    private void start(String name, List<Column> columns, int headerRow, int lastRow) {
        start(name, columns, headerRow, lastRow, List.of());
    }

    private void start(String name, List<Column> columns, int headerRow, int lastRow, List<String> heading) {
        finishSheet();
        if (!names.add(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("The workbook has a sheet named " + name + " already");
        }
        this.sheet = name;
        this.columns = List.copyOf(columns);
        this.letters = new String[columns.size()];
        this.types = new Type[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            letters[i] = column(i);
            types[i] = columns.get(i).type();
        }
        this.headerRow = headerRow;
        this.next = 0;
        this.lastData = -1;
        try {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + (done.size() + 1) + ".xml"));
            xml.write(XML);
            xml.write("<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\">");
            if (lastRow > 0) {
                xml.write("<dimension ref=\"A" + headerRow + ":" + letters[letters.length - 1]
                        + Math.max(headerRow, lastRow) + "\"/>");
            }
            String first = "A" + (headerRow + 1);
            xml.write("<sheetViews><sheetView workbookViewId=\"0\"" + (done.isEmpty() ? " tabSelected=\"1\"" : "")
                    + "><pane ySplit=\"" + headerRow + "\" topLeftCell=\"" + first + "\" activePane=\"bottomLeft\" "
                    + "state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"" + first + "\" sqref=\"" + first
                    + "\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>");
            for (int i = 0; i < columns.size(); i++) {
                xml.write("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\""
                        + Math.min(255, columns.get(i).width()) + "\" customWidth=\"1\"/>");
            }
            xml.write("</cols><sheetData>");
            for (int i = 0; i < heading.size(); i++) {
                xml.write("<row r=\"" + (i + 1) + "\">");
                text(0, i + 1, heading.get(i), isFormulaLike(heading.get(i)) ? QUOTED_BOLD : BOLD_TEXT);
                xml.write("</row>");
            }
            xml.write("<row r=\"" + headerRow + "\">");
            for (int i = 0; i < columns.size(); i++) {
                text(i, headerRow, columns.get(i).header(), HEADER);
            }
            xml.write("</row>");
            next = headerRow;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void finishSheet() {
        if (sheet == null) {
            return;
        }
        int filterTo = Math.max(lastData, headerRow - 1);
        try {
            xml.write("</sheetData><autoFilter ref=\"A" + headerRow + ":" + letters[letters.length - 1] + (filterTo + 1)
                    + "\"/>");
            xml.write("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" "
                    + "footer=\"0.3\"/></worksheet>");
            xml.flush();
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        done.add(new Done(sheet, headerRow, filterTo, columns.size()));
        sheet = null;
    }

    // ---- rows and cells

    private void write(Object[] values, boolean emphasised) {
        if (sheet == null) {
            throw new IllegalStateException("Start a sheet before writing rows");
        }
        if (finished) {
            throw new IllegalStateException("The workbook is finished");
        }
        if (values.length > columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        if (next >= maxRows) {
            String suffix = " (" + ++continuation + ")";
            start(baseName.substring(0, Math.min(baseName.length(), 31 - suffix.length())) + suffix, columns, 1, 0);
        }
        int r = ++next;
        try {
            xml.write("<row r=\"");
            xml.write(Integer.toString(r));
            xml.write("\">");
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    cell(i, r, types[i], values[i], emphasised);
                }
            }
            xml.write("</row>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void cell(int column, int row, Type type, Object value, boolean emphasised) throws IOException {
        int styles = emphasised ? BOLD : PLAIN;
        if (value instanceof BigDecimal amount) {
            number(column, row, amount.toPlainString(), styles + (type == Type.TEXT ? Type.AMOUNT : type).ordinal());
        } else if (value instanceof Number number) {
            number(column, row, number.toString(), styles + (type == Type.TEXT ? Type.INTEGER : type).ordinal());
        } else if (value instanceof LocalDate date) {
            number(column, row, Long.toString(date.toEpochDay() - EXCEL_EPOCH), styles + Type.DATE.ordinal());
        } else {
            String text = value.toString();
            if (text.length() > MAX_TEXT) {
                throw new IllegalArgumentException("A cell holds at most " + MAX_TEXT + " characters");
            }
            int style = isFormulaLike(text) ? (emphasised ? QUOTED_BOLD : QUOTED) : emphasised ? BOLD_TEXT : 0;
            text(column, row, text, style);
        }
    }

    private void number(int column, int row, String value, int style) throws IOException {
        xml.write("<c r=\"");
        xml.write(letters[column]);
        xml.write(Integer.toString(row));
        xml.write("\" s=\"");
        xml.write(Integer.toString(style));
        xml.write("\"><v>");
        xml.write(value);
        xml.write("</v></c>");
    }

    private void text(int column, int row, String text, int style) throws IOException {
        xml.write("<c r=\"");
        xml.write(letters[column]);
        xml.write(Integer.toString(row));
        if (style != 0) {
            xml.write("\" s=\"");
            xml.write(Integer.toString(style));
        }
        xml.write("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
        escape(text);
        xml.write("</t></is></c>");
    }

    /** Writes text as XML character data, leaving out the characters XML 1.0 cannot carry. */
    private void escape(String text) throws IOException {
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF ? "" : null;
            };
            if (replacement != null) {
                xml.write(text, from, i - from);
                xml.write(replacement);
                from = i + 1;
            }
        }
        xml.write(text, from, text.length() - from);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'",
                "&apos;");
    }

    /** The letters of a 0-based column: A … Z, AA … */
    private static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            letters.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return letters.toString();
    }

    // ---- the package around the sheets

    private void packageParts() throws IOException {
        part("[Content_Types].xml", contentTypes());
        part("_rels/.rels", XML
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
                + "metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>");
        part("docProps/core.xml", XML + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/"
                + "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + (title == null ? "" : "<dc:title>" + escaped(title) + "</dc:title>") + "</cp:coreProperties>");
        StringBuilder workbook = new StringBuilder(XML).append("<workbook xmlns=\"").append(MAIN)
                .append("\" xmlns:r=\"").append(RELATIONSHIPS)
                .append("\"><bookViews><workbookView/></bookViews><sheets>");
        StringBuilder filters = new StringBuilder();
        StringBuilder rels = new StringBuilder(XML)
                .append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 0; i < done.size(); i++) {
            Done d = done.get(i);
            workbook.append("<sheet name=\"").append(escaped(d.name())).append("\" sheetId=\"").append(i + 1)
                    .append("\" r:id=\"rId").append(i + 1).append("\"/>");
            filters.append("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"").append(i)
                    .append("\" hidden=\"1\">'").append(escaped(d.name().replace("'", "''"))).append("'!$A$")
                    .append(d.headerRow()).append(":$").append(column(d.columns() - 1)).append('$')
                    .append(d.lastFilterRow() + 1).append("</definedName>");
            rels.append("<Relationship Id=\"rId").append(i + 1).append("\" Type=\"").append(RELATIONSHIPS)
                    .append("/worksheet\" Target=\"worksheets/sheet").append(i + 1).append(".xml\"/>");
        }
        int n = done.size();
        workbook.append("</sheets><definedNames>").append(filters).append("</definedNames></workbook>");
        rels.append("<Relationship Id=\"rId").append(n + 1).append("\" Type=\"").append(RELATIONSHIPS)
                .append("/styles\" Target=\"styles.xml\"/>");
        rels.append("<Relationship Id=\"rId").append(n + 2).append("\" Type=\"").append(RELATIONSHIPS)
                .append("/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
        part("xl/workbook.xml", workbook.toString());
        part("xl/_rels/workbook.xml.rels", rels.toString());
        part("xl/styles.xml", styles());
        part("xl/sharedStrings.xml", XML + "<sst xmlns=\"" + MAIN + "\" count=\"0\" uniqueCount=\"0\"/>");
    }

    private String contentTypes() {
        String sml = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        StringBuilder types = new StringBuilder(XML)
                .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                .append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"").append(sml)
                .append("sheet.main+xml\"/>").append("<Override PartName=\"/xl/styles.xml\" ContentType=\"").append(sml)
                .append("styles+xml\"/>").append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"")
                .append(sml).append("sharedStrings+xml\"/>")
                .append("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>");
        for (int i = 1; i <= done.size(); i++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"")
                    .append(sml).append("worksheet+xml\"/>");
        }
        return types.append("</Types>").toString();
    }

    /**
     * The cell formats, in the order of the indexes above: default, header, quoted, quoted bold, bold text, then plain
     * and bold for each {@link Type} (text, amount {@code #,##0.00}, integer {@code 0}, date {@code dd/mm/yyyy}, number
     * in the General format).
     */
    private static String styles() {
        StringBuilder xfs = new StringBuilder();
        xfs.append(xf(0, 0, false)).append(xf(0, 1, false)).append(xf(0, 0, true)).append(xf(0, 1, true))
                .append(xf(0, 1, false));
        int[] formats = { 0, 164, 1, 165, 0 };
        for (int font = 0; font <= 1; font++) {
            for (int format : formats) {
                xfs.append(xf(format, font, false));
            }
        }
        return XML + "<styleSheet xmlns=\"" + MAIN + "\"><numFmts count=\"2\">"
                + "<numFmt numFmtId=\"164\" formatCode=\"#,##0.00\"/><numFmt numFmtId=\"165\" formatCode=\"dd/mm/yyyy\"/>"
                + "</numFmts><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
                + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
                + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
                + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"" + (BOLD + Type.values().length) + "\">" + xfs + "</cellXfs>"
                + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
                + "</styleSheet>";
    }

    private static String xf(int format, int font, boolean quoted) {
        return "<xf numFmtId=\"" + format + "\" fontId=\"" + font + "\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
                + (format != 0 ? " applyNumberFormat=\"1\"" : "") + (font != 0 ? " applyFont=\"1\"" : "")
                + (quoted ? " quotePrefix=\"1\"" : "") + "/>";
    }

    private void part(String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        xml.write(content);
        xml.flush();
        zip.closeEntry();
    }

    /** The client's stream, left open when the zip is closed (the container closes it). */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
