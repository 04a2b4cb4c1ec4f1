package coop.intercoop.hub.spreadsheet.control;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.EmptyFileException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.typed.TypedValueDecoder;

import com.fasterxml.aalto.stax.InputFactoryImpl;

/**
 * Reads an xlsx workbook row by row with POI's event API: the sheet XML is parsed as a stream (StAX), so a workbook of
 * a million rows never sits in memory; nor do its shared strings beyond a budget ({@link SharedStrings}), and their
 * characters and the sheet's own texts are bounded by {@link Limits#maxTextChars}. Cell values arrive raw — numbers as
 * written, text, booleans, the cached value of formulas, and whether a number is formatted as a date — for
 * {@link Values} to convert. Rows without any value (formatted but empty ranges, trailing rows) are skipped.
 * <p>
 * Defences: the file must be an xlsx (a csv or xls renamed, a corrupt zip, a password-protected or empty workbook is
 * refused saying what it is); POI's zip-bomb ratio and entry-size limits are set explicitly; no DTD is processed and no
 * external entity resolved (the workbook, its sheets and its shared strings are refused if they declare a DOCTYPE);
 * every piece of XML the parser holds is bounded ({@link XmlPartLimits}, {@link #MAX_DEPTH}, {@link #MAX_OTHER_NAMES}),
 * and so are a cell ({@link SharedStrings#MAX_CELL_CHARS}), a row ({@link #MAX_ROW_CHARS}, {@link #MAX_COLUMNS}) and
 * the styles POI reads whole ({@link #MAX_STYLES_BYTES}); at most {@link Limits#maxRows} rows are read. A workbook
 * therefore reads in bounded memory whatever it says.
 */
public final class XlsxReader implements AutoCloseable {

    /**
     * The limits a workbook is read under; {@code stringsHeapBytes} is the most of its shared strings kept on the heap,
     * the rest going to a work file in {@code workDir}.
     */
    public record Limits(long maxFileBytes, long maxRows, double minInflateRatio, long maxEntryBytes, long maxTextChars,
            long stringsHeapBytes, Path workDir) {

        /** The default budget of shared strings on the heap: 64 MiB. */
        public static final long STRINGS_HEAP_BYTES = 64L << 20;

        /** Limits with the default budget of shared strings on the heap and the system's temporary directory. */
        public Limits(long maxFileBytes, long maxRows, double minInflateRatio, long maxEntryBytes, long maxTextChars) {
            this(maxFileBytes, maxRows, minInflateRatio, maxEntryBytes, maxTextChars, STRINGS_HEAP_BYTES,
                    Path.of(System.getProperty("java.io.tmpdir")));
        }
    }

    /**
     * One value of a cell as stored: its kind, its text (a number in XML notation) and whether it looks like a date.
     */
    public record CellValue(Kind kind, String raw, boolean dateFormatted) {
        public enum Kind {
            NUMBER, TEXT, BOOLEAN, ERROR
        }
    }

    /** A non-blank cell: 0-based column (0 for A), value. */
    public record Cell(int column, CellValue value) {
    }

    /** A row with at least one value; {@code number} is the row number Excel shows (1-based). */
    public record Row(String sheet, int number, List<Cell> cells) {
        public CellValue at(int column) {
            for (Cell cell : cells) {
                if (cell.column() == column) {
                    return cell.value();
                }
            }
            return null;
        }
    }

    @FunctionalInterface
    public interface RowHandler {
        void row(Row row);
    }

    private static final Logger LOG = Logger.getLogger(XlsxReader.class.getName());

    /**
     * The most parts (zip entries) a workbook may have, POI's own default made explicit: a workbook of a few sheets has
     * a few dozen.
     */
    static final long MAX_PARTS = 1_000;

    /**
     * The largest styles part: POI reads it whole (XMLBeans); the 64,000 cell formats Excel allows take about 10 MB.
     */
    static final long MAX_STYLES_BYTES = 16L << 20;

    /** The deepest nesting of elements in a part read as a stream: a cell's text lies seven levels down. */
    static final int MAX_DEPTH = 100;

    /** The most characters of one row's values. */
    static final int MAX_ROW_CHARS = 1 << 20;

    /** The most cells of a row, Excel's columns A to XFD. */
    static final int MAX_COLUMNS = 16_384;

    /** The most names of elements a sheet may use besides those of cells; an xlsx uses a few dozen. */
    static final int MAX_OTHER_NAMES = 1_000;

    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final StylesTable styles;
    private final SharedStrings strings;
    private final boolean date1904;
    private final List<String> sheetNames = new ArrayList<>();
    private final Limits limits;

    private XlsxReader(OPCPackage pkg, Limits limits)
            throws IOException, OpenXML4JException, SAXException, XMLStreamException {
        this.pkg = pkg;
        this.limits = limits;
        this.reader = new XSSFReader(pkg);
        this.styles = readStyles(pkg);
        this.date1904 = readDate1904(reader);
        this.strings = readStrings(pkg, limits);
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (sheets.hasNext()) {
            try (InputStream ignored = sheets.next()) {
                sheetNames.add(sheets.getSheetName());
            }
        }
    }

    /**
     * Opens a workbook after checking what the file is.
     *
     * @throws SpreadsheetRefusedException
     *             saying what the file is if it is not a readable xlsx
     */
    public static XlsxReader open(Path file, Limits limits) {
        applyZipLimits(limits);
        try {
            checkFormat(file, limits);
            OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XlsxReader opened;
            try {
                opened = new XlsxReader(pkg, limits);
            } catch (IOException | OpenXML4JException | SAXException | XMLStreamException | RuntimeException
                    | Error e) {
                pkg.revert();
                throw e;
            }
            if (opened.sheetNames.isEmpty()) {
                opened.close();
                throw new SpreadsheetRefusedException("refused.no-sheets");
            }
            return opened;
        } catch (EmptyFileException e) {
            throw new SpreadsheetRefusedException("refused.empty");
        } catch (NotOfficeXmlFileException | InvalidFormatException | ZipException e) {
            throw unreadable(file, e, "refused.not-xlsx", limits);
        } catch (IOException | OpenXML4JException | SAXException | XMLStreamException | RuntimeException e) {
            if (e instanceof SpreadsheetRefusedException refused) {
                throw refused;
            }
            throw unreadable(file, e, "refused.workbook-unreadable", limits);
        }
    }

    /**
     * Checks what the file is without reading the workbook: its size and its first bytes. A csv, an xls, a PDF, a
     * password-protected workbook or an empty or too large file is refused saying so.
     *
     * @throws SpreadsheetRefusedException
     *             saying what the file is if it is not an xlsx
     */
    public static void checkFormat(Path file, Limits limits) {
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new SpreadsheetRefusedException("refused.empty");
            }
            if (size > limits.maxFileBytes()) {
                throw new SpreadsheetRefusedException("refused.too-large", limits.maxFileBytes());
            }
            FileMagic magic;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                magic = FileMagic.valueOf(FileMagic.prepareToCheckMagic(in));
            }
            if (magic == FileMagic.OLE2) {
                throw new SpreadsheetRefusedException(isEncrypted(file) ? "refused.encrypted" : "refused.xls");
            }
            if (magic != FileMagic.OOXML) {
                throw refusal(magic);
            }
        } catch (IOException e) {
            throw unreadable(file, e, "refused.file-unreadable", limits);
        }
    }

    private static void applyZipLimits(Limits limits) {
        // POI keeps these per JVM; every workbook is opened under the configured limits
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
        ZipSecureFile.setMaxTextSize(limits.maxTextChars());
        ZipSecureFile.setMaxFileCount(MAX_PARTS);
    }

    private static boolean isEncrypted(Path file) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        }
    }

    /** The refusal of a file that is not an xlsx, saying what it is. */
    private static SpreadsheetRefusedException refusal(FileMagic magic) {
        return switch (magic) {
            case UNKNOWN -> new SpreadsheetRefusedException("refused.text");
            case PDF -> new SpreadsheetRefusedException("refused.pdf");
            case HTML -> new SpreadsheetRefusedException("refused.html");
            case XML -> new SpreadsheetRefusedException("refused.xml");
            case WORD2 -> new SpreadsheetRefusedException("refused.word");
            case BIFF2, BIFF3, BIFF4 -> new SpreadsheetRefusedException("refused.old-excel");
            default -> new SpreadsheetRefusedException("refused.other", magic.name().toLowerCase(Locale.ROOT));
        };
    }

    /**
     * The refusal of a file a library could not read, in the hub's own words: the library's message may quote the
     * workbook's content (POI lists the cells it was reading), which may be another organisation's rows, so it goes to
     * the server's log only.
     */
    private static SpreadsheetRefusedException unreadable(Object what, Exception e, String key, Limits limits) {
        LOG.log(Level.INFO, e, () -> "Refused to read " + what + " (" + key + ")");
        if (zipBomb(e)) {
            return new SpreadsheetRefusedException("refused.zip-bomb", limits.maxEntryBytes(),
                    Math.round(1 / limits.minInflateRatio()), MAX_PARTS);
        }
        return new SpreadsheetRefusedException(key);
    }

    /** Whether POI refused a zip entry as a bomb (inflating too far, too large, too many entries). */
    private static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("potentially malicious"))) {
                return true;
            }
        }
        return false;
    }

    /** The styles (to tell dates), read whole by POI from a part of bounded size; null if there are none. */
    private static StylesTable readStyles(OPCPackage pkg) throws IOException, InvalidFormatException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        if (parts.isEmpty()) {
            return null;
        }
        try (InputStream in = XmlPartLimits.whole(parts.get(0).getInputStream(), parts.get(0).getPartName().getName(),
                MAX_STYLES_BYTES)) {
            return new StylesTable(in);
        }
    }

    private static SharedStrings readStrings(OPCPackage pkg, Limits limits) throws IOException, XMLStreamException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return SharedStrings.none();
        }
        try (InputStream in = parts.get(0).getInputStream()) {
            return SharedStrings.read(XML, in, limits.maxTextChars(), limits.stringsHeapBytes(), limits.workDir());
        }
    }

    private static boolean readDate1904(XSSFReader reader) throws IOException, OpenXML4JException, XMLStreamException {
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLStreamReader xml = XML.createXMLStreamReader(XmlPartLimits.streamed(workbook, "xl/workbook.xml"));
            try {
                while (xml.hasNext()) {
                    if (next(xml) == XMLStreamConstants.START_ELEMENT && "workbookPr".equals(xml.getLocalName())) {
                        String value = xml.getAttributeValue(null, "date1904");
                        return "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                }
                return false;
            } finally {
                xml.close();
            }
        }
    }

    /**
     * The next event of a workbook part; a DOCTYPE is refused outright, so no entity of a document type is ever
     * declared, let alone resolved; so is nesting deeper than {@link #MAX_DEPTH}, which the parser would keep.
     */
    static int next(XMLStreamReader xml) throws XMLStreamException {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
            if (((XMLStreamReader2) xml).getDepth() > MAX_DEPTH) {
                throw new SpreadsheetRefusedException("refused.xml-too-deep", MAX_DEPTH);
            }
        } else if (event == XMLStreamConstants.DTD) {
            throw new SpreadsheetRefusedException("refused.doctype");
        }
        return event;
    }

    /**
     * The text of the element just started, up to its end, or {@code null} past {@code max} characters: what
     * {@code getElementText} reads, without ever holding more than {@code max} characters (plus one of the parser's
     * pieces, which {@link XmlPartLimits} bounds).
     */
    static String elementText(XMLStreamReader xml, int max) throws XMLStreamException {
        String text = null;
        StringBuilder joined = null;
        while (true) {
            switch (xml.next()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA,
                        XMLStreamConstants.ENTITY_REFERENCE -> {
                    if (text == null) {
                        text = xml.getText();
                        if (text.length() > max) {
                            return null;
                        }
                    } else {
                        if (joined == null) {
                            joined = new StringBuilder(text);
                        }
                        if (joined.length() + xml.getTextLength() > max) {
                            return null;
                        }
                        joined.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return joined != null ? joined.toString() : text == null ? "" : text;
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // not text
                }
                default -> throw new XMLStreamException("An element of text holds something else than text",
                        xml.getLocation());
            }
        }
    }

    /** Appends the text of the element just started to {@code into}; false, leaving off, past {@code max}. */
    static boolean appendText(XMLStreamReader xml, StringBuilder into, int max) throws XMLStreamException {
        String text = elementText(xml, max - into.length());
        if (text == null) {
            return false;
        }
        into.append(text);
        return true;
    }

    /** Whether serial dates count from 1904 (a Mac setting) rather than 1900. */
    public boolean isDate1904() {
        return date1904;
    }

    /** Whether some of the shared strings went to a work file, the table being larger than its heap budget. */
    boolean stringsSpilled() {
        return strings.spilled();
    }

    public List<String> sheetNames() {
        return List.copyOf(sheetNames);
    }

    /**
     * Streams the rows with values of one sheet to the handler, in order.
     *
     * @throws SpreadsheetRefusedException
     *             if the sheet cannot be parsed or has more rows than allowed
     */
    public void read(int sheetIndex, RowHandler handler) {
        onSheet(sheetIndex, (name, xml) -> {
            new SheetHandler(name, handler).read(xml);
            return null;
        });
    }

    /**
     * The last row number a sheet declares in its {@code <dimension>} (Excel, LibreOffice and POI write one before the
     * rows), read without reading the rows; 0 if it declares none. It counts formatted rows without values too, so it
     * is what the rows may reach, not how many hold values.
     *
     * @throws SpreadsheetRefusedException
     *             if the sheet cannot be parsed
     */
    public int lastRowDeclared(int sheetIndex) {
        return onSheet(sheetIndex, (name, xml) -> {
            while (xml.hasNext()) {
                if (next(xml) == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "dimension" -> {
                            return lastRow(xml.getAttributeValue(null, "ref"));
                        }
                        case "sheetData" -> {
                            return 0;
                        }
                        default -> {
                            // the worksheet element and what comes before the dimension
                        }
                    }
                }
            }
            return 0;
        });
    }

    /** The row of a range's last cell: 1000001 for {@code A1:H1000001}; 0 if the reference is not one. */
    static int lastRow(String reference) {
        if (reference == null) {
            return 0;
        }
        String last = reference.substring(reference.indexOf(':') + 1);
        int digits = last.length();
        while (digits > 0 && Character.isDigit(last.charAt(digits - 1))) {
            digits--;
        }
        String row = last.substring(digits);
        return row.isEmpty() || row.length() > 9 ? 0 : Integer.parseInt(row);
    }

    /** What is read of one sheet's XML. */
    @FunctionalInterface
    private interface SheetReading<T> {
        T read(String sheetName, XMLStreamReader xml) throws XMLStreamException;
    }

    private <T> T onSheet(int sheetIndex, SheetReading<T> reading) {
        try {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            for (int i = 0; sheets.hasNext(); i++) {
                try (InputStream sheet = sheets.next()) {
                    if (i == sheetIndex) {
                        XMLStreamReader xml = XML.createXMLStreamReader(
                                XmlPartLimits.streamed(sheet, "xl/worksheets/" + sheets.getSheetName()));
                        try {
                            return reading.read(sheets.getSheetName(), xml);
                        } finally {
                            xml.close();
                        }
                    }
                }
            }
            throw new SpreadsheetRefusedException("refused.no-sheet", sheetIndex + 1);
        } catch (IOException | OpenXML4JException | XMLStreamException e) {
            throw unreadable("sheet " + (sheetIndex + 1), e, "refused.sheet-unreadable", limits);
        }
    }

    /**
     * The parser of the workbook's own XML (the workbook part and its sheets, the bulk of a file): Aalto's StAX parser,
     * which reads a sheet in about half the CPU time of the JDK's namespace-aware SAX parser (the larger part of an
     * import's reading). No DTD is processed and no external entity resolved; a part with a DOCTYPE is refused outright
     * ({@link #next}).
     */
    private static final XMLInputFactory XML = parsers();

    private static XMLInputFactory parsers() {
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    @Override
    public void close() {
        try {
            strings.close();
        } finally {
            pkg.revert();
        }
    }

    /** Collects the cells of each row from the sheet XML and hands complete rows on. */
    private final class SheetHandler {

        private final String sheet;
        private final RowHandler handler;
        private List<Cell> cells = new ArrayList<>();
        private int rowNumber;
        private long rows;
        private int column;
        private CellType type;
        private int style;
        private String value;
        private final ColumnDecoder columns = new ColumnDecoder();
        private final TypeDecoder types = new TypeDecoder();
        /** The characters of the row's values so far. */
        private int rowChars;
        /** The characters of the sheet's own texts (inline strings, formulas' text) so far. */
        private long textChars;
        private final java.util.Set<String> otherNames = new java.util.HashSet<>();
        /** Whether each style seen formats a date: a sheet uses few styles on many cells. */
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();

        SheetHandler(String sheet, RowHandler handler) {
            this.sheet = sheet;
            this.handler = handler;
        }

        /**
         * Reads the sheet's rows. A cell's value is its {@code <v>} (for a formula, the cached value; the formula
         * itself is ignored) or, for an inline string, the text of its {@code <t>} runs.
         */
        void read(XMLStreamReader xml) throws XMLStreamException {
            while (xml.hasNext()) {
                switch (next(xml)) {
                    case XMLStreamConstants.START_ELEMENT -> start(xml);
                    case XMLStreamConstants.END_ELEMENT -> end(xml.getLocalName());
                    default -> {
                        // text between elements, comments and processing instructions carry no cell value
                    }
                }
            }
        }

        private void start(XMLStreamReader xml) throws XMLStreamException {
            switch (xml.getLocalName()) {
                case "row" -> {
                    int r = attributeIndex(xml, "r");
                    int number = r < 0 ? rowNumber + 1 : integer(xml, r);
                    if (number <= rowNumber || number > SheetWriter.MAX_ROWS) {
                        // rows come in increasing order, each once: otherwise row numbers would name two rows
                        throw new SpreadsheetRefusedException("refused.row-order", sheet, number, rowNumber);
                    }
                    rowNumber = number;
                    cells = new ArrayList<>();
                    rowChars = 0;
                }
                case "c" -> {
                    // the attributes read from the parser's characters, without a string each: a sheet has millions
                    int fallback = cells.isEmpty() ? 0 : cells.get(cells.size() - 1).column() + 1;
                    column = decoded(xml, "r", columns, fallback);
                    type = decoded(xml, "t", types, CellType.NUMBER);
                    int s = attributeIndex(xml, "s");
                    style = s < 0 ? 0 : integer(xml, s);
                    value = null;
                }
                case "v" -> {
                    value = elementText(xml, SharedStrings.MAX_CELL_CHARS);
                    if (value == null) {
                        throw cellTooLong();
                    }
                }
                case "t" -> {
                    if (type == CellType.INLINE) {
                        String text = elementText(xml,
                                SharedStrings.MAX_CELL_CHARS - (value == null ? 0 : value.length()));
                        if (text == null) {
                            throw cellTooLong();
                        }
                        value = value == null ? text : value + text;
                    }
                }
                case "is", "r", "f" -> {
                    // an inline string's runs hold its text in <t>; formulas are ignored: their cached value (<v>) is
                    // what is read
                }
                default -> {
                    // Aalto keeps every name it meets, and slows down as they multiply
                    if (otherNames.size() < MAX_OTHER_NAMES) {
                        otherNames.add(xml.getLocalName());
                    } else if (!otherNames.contains(xml.getLocalName())) {
                        throw new SpreadsheetRefusedException("refused.xml-names", sheet, MAX_OTHER_NAMES);
                    }
                }
            }
        }

        private void end(String element) {
            switch (element) {
                case "c" -> addCell();
                case "row" -> {
                    if (!cells.isEmpty()) {
                        if (++rows > limits.maxRows()) {
                            throw new SpreadsheetRefusedException("refused.too-many-rows", sheet, limits.maxRows());
                        }
                        handler.row(new Row(sheet, rowNumber, List.copyOf(cells)));
                    }
                }
                default -> {
                    // nothing to do at the end of other elements
                }
            }
        }

        /** The index of the current element's attribute of that name; -1 when it has none. */
        private static int attributeIndex(XMLStreamReader xml, String name) {
            return ((XMLStreamReader2) xml).getAttributeIndex(null, name);
        }

        /** A number of the sheet's XML in an attribute (a row number, a style). */
        private int integer(XMLStreamReader xml, int attribute) {
            try {
                return ((XMLStreamReader2) xml).getAttributeAsInt(attribute);
            } catch (XMLStreamException e) {
                throw new SpreadsheetRefusedException("refused.sheet-invalid", sheet, rowNumber);
            }
        }

        /** An attribute of the current element through a decoder; {@code absent} when the element has none. */
        private <T> T decoded(XMLStreamReader xml, String name, Decoder<T> decoder, T absent) {
            int index = attributeIndex(xml, name);
            if (index < 0) {
                return absent;
            }
            try {
                ((XMLStreamReader2) xml).getAttributeAs(index, decoder);
                return decoder.decoded();
            } catch (XMLStreamException e) {
                throw new SpreadsheetRefusedException("refused.sheet-invalid", sheet, rowNumber);
            }
        }

        /** A number of the sheet's XML (a shared string's index). */
        private int integer(String text) {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new SpreadsheetRefusedException("refused.sheet-invalid", sheet, rowNumber);
            }
        }

        /** The shared string a cell refers to by its index, which must be one of the workbook's. */
        private String sharedString(int column) {
            String text = strings.get(integer(value));
            if (text == null) {
                throw new SpreadsheetRefusedException("refused.string-index", sheet, rowNumber,
                        ImportRow.Layout.letter(column));
            }
            return text;
        }

        private SpreadsheetRefusedException cellTooLong() {
            return new SpreadsheetRefusedException("refused.cell-too-long", sheet, rowNumber,
                    ImportRow.Layout.letter(column), SharedStrings.MAX_CELL_CHARS);
        }

        private void addCell() {
            if (value == null) {
                return;
            }
            CellValue cell;
            if (cells.size() == MAX_COLUMNS) {
                throw new SpreadsheetRefusedException("refused.row-too-long", sheet, rowNumber, MAX_ROW_CHARS,
                        MAX_COLUMNS);
            }
            if (type == CellType.NUMBER) {
                if (value.isBlank()) {
                    return;
                }
                cell = new CellValue(CellValue.Kind.NUMBER, value.strip(), isDateStyle(style));
            } else {
                cell = switch (type) {
                    case SHARED -> new CellValue(CellValue.Kind.TEXT, sharedString(column), false);
                    case INLINE, FORMULA_TEXT -> new CellValue(CellValue.Kind.TEXT, counted(value), false);
                    case BOOLEAN ->
                            new CellValue(CellValue.Kind.BOOLEAN, "1".equals(value.strip()) ? "TRUE" : "FALSE", false);
                    case ERROR -> new CellValue(CellValue.Kind.ERROR, value, false);
                    case NUMBER, DATE, OTHER -> new CellValue(CellValue.Kind.TEXT, value, false);
                };
                if (cell.kind() == CellValue.Kind.TEXT && cell.raw().isBlank()) {
                    return;
                }
            }
            rowChars += cell.raw().length();
            if (rowChars > MAX_ROW_CHARS) {
                throw new SpreadsheetRefusedException("refused.row-too-long", sheet, rowNumber, MAX_ROW_CHARS,
                        MAX_COLUMNS);
            }
            cells.add(new Cell(column, cell));
        }

        /** The sheet's own text, counted with the shared strings' towards the workbook's limit. */
        private String counted(String text) {
            textChars += text.length();
            if (textChars + strings.chars() > limits.maxTextChars()) {
                throw new SpreadsheetRefusedException("refused.too-much-text", limits.maxTextChars());
            }
            return text;
        }

        private boolean isDateStyle(int index) {
            if (styles == null || index < 0 || index >= styles.getNumCellStyles()) {
                return false;
            }
            Boolean known = dateStyles.get(index);
            if (known == null) {
                XSSFCellStyle cellStyle = styles.getStyleAt(index);
                known = cellStyle != null
                        && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
                dateStyles.put(index, known);
            }
            return known;
        }
    }

    /** A cell's type ({@code t}): what its value is. */
    private enum CellType {
        /** {@code n} or none. */
        NUMBER,
        /** {@code s}: an index into the shared strings. */
        SHARED,
        /** {@code inlineStr}: the text of its {@code <is>} runs. */
        INLINE,
        /** {@code str}: a formula's text result. */
        FORMULA_TEXT, BOOLEAN, ERROR,
        /** {@code d}: an ISO date written as text. */
        DATE,
        /** A type the format does not define, read as text. */
        OTHER
    }

    /** An attribute's value decoded from the parser's characters. */
    private abstract static class Decoder<T> extends TypedValueDecoder {

        abstract T decoded();

        @Override
        public void decode(String input) {
            decode(input.toCharArray(), 0, input.length());
        }
    }

    /** The 0-based column of a cell reference such as {@code AB12}, from its letters; -1 without letters. */
    private static final class ColumnDecoder extends Decoder<Integer> {

        private int column;

        @Override
        public void decode(char[] buffer, int start, int end) {
            int letters = 0;
            for (int i = start; i < end && Character.isLetter(buffer[i]) && letters <= MAX_COLUMNS; i++) {
                letters = letters * 26 + (Character.toUpperCase(buffer[i]) - 'A' + 1);
            }
            column = letters - 1;
        }

        @Override
        public void handleEmptyValue() {
            column = -1;
        }

        @Override
        Integer decoded() {
            return column;
        }
    }

    /** A cell's type from its {@code t} attribute. */
    private static final class TypeDecoder extends Decoder<CellType> {

        private static final char[] INLINE = "inlineStr".toCharArray();
        private static final char[] STR = "str".toCharArray();
        private CellType type;

        @Override
        public void decode(char[] buffer, int start, int end) {
            int length = end - start;
            if (length == 1) {
                type = switch (buffer[start]) {
                    case 'n' -> CellType.NUMBER;
                    case 's' -> CellType.SHARED;
                    case 'b' -> CellType.BOOLEAN;
                    case 'e' -> CellType.ERROR;
                    case 'd' -> CellType.DATE;
                    default -> CellType.OTHER;
                };
            } else if (Arrays.equals(buffer, start, end, INLINE, 0, INLINE.length)) {
                type = CellType.INLINE;
            } else if (Arrays.equals(buffer, start, end, STR, 0, STR.length)) {
                type = CellType.FORMULA_TEXT;
            } else {
                type = CellType.OTHER;
            }
        }

        @Override
        public void handleEmptyValue() {
            type = CellType.OTHER;
        }

        @Override
        CellType decoded() {
            return type;
        }
    }
}
