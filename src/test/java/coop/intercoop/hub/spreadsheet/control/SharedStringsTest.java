package coop.intercoop.hub.spreadsheet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.aalto.stax.InputFactoryImpl;

class SharedStringsTest {

    private static final XMLInputFactory PARSERS = new InputFactoryImpl();

    static {
        PARSERS.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        PARSERS.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    @TempDir
    Path dir;

    private SharedStrings read(String xml, long maxTextChars, long heapBytes) throws XMLStreamException {
        return SharedStrings.read(PARSERS, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), maxTextChars,
                heapBytes, dir);
    }

    private static String table(List<String> strings) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\">");
        for (String s : strings) {
            xml.append("<si><t xml:space=\"preserve\">").append(s.replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</t></si>");
        }
        return xml.append("</sst>").toString();
    }

    /** Texts of every length up to a cell's most, in several scripts, so that many cross the blocks' boundaries. */
    private static List<String> texts(int count, long seed) {
        Random random = new Random(seed);
        String[] pieces = { "Nómina ", "Beta ", "€ 1.234,56 ", "ñandú ", "данные ", "数据 ", "🙂 ", "a&b<c ", "" };
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder().append(i).append(' ');
            int length = i % 97 == 0 ? 30_000 : random.nextInt(60);
            while (text.length() < length) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            texts.add(text.length() > 32_000 ? text.substring(0, 32_000) : text.toString());
        }
        return texts;
    }

    private long workFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void aTableLargerThanItsHeapBudgetIsReadBackThroughItsWorkFile() throws Exception {
        List<String> texts = texts(20_000, 7);
        // 256 KiB on the heap for a table of several megabytes: most of it goes to the work file
        try (SharedStrings strings = read(table(texts), 100_000_000, 256 << 10)) {
            assertTrue(strings.spilled());
            assertEquals(2, workFiles());
            assertEquals(texts.size(), strings.count());
            for (int i = 0; i < texts.size(); i++) {
                assertEquals(texts.get(i), strings.get(i), "string " + i);
            }
            // in no order, so that the cache of blocks misses
            Random random = new Random(11);
            for (int n = 0; n < 20_000; n++) {
                int i = random.nextInt(texts.size());
                assertEquals(texts.get(i), strings.get(i), "string " + i);
            }
            assertNull(strings.get(texts.size()));
            assertNull(strings.get(-1));
        }
        assertEquals(0, workFiles(), "the work files are removed at close");
    }

    @Test
    void aTableWithinItsHeapBudgetStaysOnTheHeap() throws Exception {
        List<String> texts = texts(2_000, 3);
        try (SharedStrings strings = read(table(texts), 100_000_000, 64 << 20)) {
            assertFalse(strings.spilled());
            assertEquals(0, workFiles());
            for (int i = 0; i < texts.size(); i++) {
                assertEquals(texts.get(i), strings.get(i));
            }
        }
    }

    @Test
    void moreTextThanTheLimitIsRefusedWithTheHubsSentenceAndLeavesNoWorkFile() {
        List<String> texts = texts(5_000, 5);
        long chars = texts.stream().mapToLong(t -> Math.max(1, t.length())).sum();
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class,
                () -> read(table(texts), chars - 1, 64 << 10).close());
        assertEquals(
                "The workbook has more than " + String.format(Locale.ENGLISH, "%,d", chars - 1)
                        + " characters of text, the most that is read; split it into several files.",
                refused.getMessage());
        assertTrue(refused.message(Locale.forLanguageTag("es")).startsWith("El libro tiene más de "));
        assertEquals(List.of(), List.of(dir.toFile().list()));
    }

    @Test
    void emptyStringsCountTowardsTheLimitSoTheirIndexIsBoundedToo() {
        String empties = table(java.util.Collections.nCopies(1_001, ""));
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class,
                () -> read(empties, 1_000, 64 << 10).close());
        assertTrue(refused.getMessage().contains("more than 1,000 characters"), refused.getMessage());
    }

    @Test
    void aStringLongerThanAnExcelCellIsRefused() {
        String xml = table(List.of("corto", "x".repeat(SharedStrings.MAX_CELL_CHARS + 1)));
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class,
                () -> read(xml, 100_000_000, 64 << 10).close());
        assertEquals("The shared text 2 of the workbook has more than 32,767 characters, the most an Excel cell "
                + "holds; the workbook is not a valid xlsx.", refused.getMessage());
    }

    @Test
    void readsRichRunsWithoutPhoneticRunsAndDecodesExcelsEscapes() throws Exception {
        String xml = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<si><r><rPr><b/></rPr><t>Asiento </t></r><r><t xml:space=\"preserve\">de apertura</t></r></si>"
                + "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>"
                + "<si><t>línea_x000D_\nsegunda</t></si><si><t/></si><si/></sst>";
        try (SharedStrings strings = read(xml, 1_000, 64 << 10)) {
            assertEquals(5, strings.count());
            assertEquals("Asiento de apertura", strings.get(0));
            assertEquals("東京", strings.get(1));
            assertEquals("línea\r\nsegunda", strings.get(2));
            assertEquals("", strings.get(3));
            assertEquals("", strings.get(4));
        }
    }

    @Test
    void refusesADocumentType() {
        String xml = "<!DOCTYPE sst [<!ENTITY a \"ha\">]><sst><si><t>&a;</t></si></sst>";
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class,
                () -> read(xml, 1_000, 64 << 10).close());
        assertTrue(refused.getMessage().contains("DOCTYPE"), refused.getMessage());
    }
}
