package coop.intercoop.hub.spreadsheet.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class XmlPartLimitsTest {

    private static byte[] readThrough(String xml, Charset charset, long maxBytes, int maxToken) throws IOException {
        try (InputStream in = XmlPartLimits.of(new ByteArrayInputStream(xml.getBytes(charset)), "xl/part.xml", maxBytes,
                maxToken)) {
            // small reads, so that every bound is met across the reads' boundaries
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[7];
            for (int n; (n = in.read(buffer)) > 0;) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    @Test
    void passesAPartWithinItsBoundsUnchanged() throws IOException {
        String xml = "<?xml version=\"1.0\"?><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>" + "x".repeat(90)
                + "</t></is></c></row><!-- a comment --></sheetData>";
        assertArrayEquals(xml.getBytes(StandardCharsets.UTF_8), readThrough(xml, StandardCharsets.UTF_8, 10_000, 100));
    }

    @Test
    void refusesATextLongerThanAPieceMayBe() {
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class,
                () -> readThrough("<v>" + "1".repeat(101) + "</v>", StandardCharsets.UTF_8, 10_000, 100));
        assertEquals("The part xl/part.xml of the workbook has a piece of XML of more than 100 bytes, which no xlsx "
                + "has; it is not read.", refused.getMessage());
    }

    @Test
    void refusesATagWhoseAttributesAreLongerThanAPieceMayBe() {
        assertThrows(SpreadsheetRefusedException.class,
                () -> readThrough("<c r=\"" + "A".repeat(200) + "\"/>", StandardCharsets.UTF_8, 10_000, 100));
    }

    @Test
    void refusesACDataSectionWhichCouldHideManyPieces() {
        String cdata = "<v><![CDATA[" + "<a".repeat(50) + "]]></v>";
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class,
                () -> readThrough(cdata, StandardCharsets.UTF_8, 10_000, 100));
        assertEquals("The part xl/part.xml of the workbook holds a CDATA section, which no xlsx has; it is not read.",
                refused.getMessage());
        assertThrows(SpreadsheetRefusedException.class,
                () -> readThrough(cdata, StandardCharsets.UTF_16LE, 10_000, 100));
        assertThrows(SpreadsheetRefusedException.class,
                () -> readThrough(cdata, StandardCharsets.UTF_16BE, 10_000, 100));
    }

    @Test
    void refusesAPartLargerThanItsMost() {
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class,
                () -> readThrough("<a>" + "<b/>".repeat(100) + "</a>", StandardCharsets.UTF_8, 300, 100));
        assertEquals("The part xl/part.xml of the workbook is larger than 300 bytes, which no xlsx is; it is not read.",
                refused.getMessage());
    }
}
