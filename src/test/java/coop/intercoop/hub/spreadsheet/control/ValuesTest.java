package coop.intercoop.hub.spreadsheet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.spreadsheet.control.XlsxReader.CellValue;

class ValuesTest {

    private static final Locale ES = Locale.forLanguageTag("es");

    private static CellValue text(String text) {
        return new CellValue(CellValue.Kind.TEXT, text, false);
    }

    @Test
    void numbersTypedAsTextInSpanishOrEnglish() {
        assertEquals(new BigDecimal("1234.56"), Values.number(text("1.234,56"), ES));
        assertEquals(new BigDecimal("1234.56"), Values.number(text("1,234.56"), ES));
        assertEquals(new BigDecimal("1234567.8"), Values.number(text("1.234.567,8"), Locale.ENGLISH));
        assertEquals(new BigDecimal("-125.50"), Values.number(text(" -125,50 € "), ES));
        assertEquals(new BigDecimal("1234"), Values.number(text("1.234"), ES));
        assertEquals(new BigDecimal("1.234"), Values.number(text("1.234"), Locale.ENGLISH));
        assertEquals(new BigDecimal("1234"), Values.number(text("1,234"), Locale.ENGLISH));
        assertEquals(new BigDecimal("0.1"), Values.number(text("0,1"), ES));
        assertEquals(new BigDecimal("0.3"),
                Values.number(new CellValue(CellValue.Kind.NUMBER, "0.30000000000000004", false), ES));
        assertTrue(assertThrows(Values.ValueException.class, () -> Values.number(text("doce"), ES)).getMessage()
                .contains("'doce'"));
        assertThrows(Values.ValueException.class, () -> Values.number(text("1,2,3.4,5"), ES));
    }

    @Test
    void datesAsTextOrSerial() {
        assertEquals(LocalDate.of(2025, 3, 1), Values.date(text("01/03/2025"), false));
        assertEquals(LocalDate.of(2025, 3, 1), Values.date(text("1/3/2025"), false));
        assertEquals(LocalDate.of(2025, 3, 1), Values.date(text("2025-03-01"), false));
        assertEquals(LocalDate.of(2025, 1, 1), Values.date(new CellValue(CellValue.Kind.NUMBER, "45658", true), false));
        assertTrue(assertThrows(Values.ValueException.class, () -> Values.date(text("31/02/2025"), false)).getMessage()
                .contains("not a day of the calendar"));
        assertThrows(Values.ValueException.class, () -> Values.date(text("March 1st"), false));
    }

    @Test
    void booleansAndText() {
        assertTrue(Values.bool(text("Sí")));
        assertEquals(false, Values.bool(new CellValue(CellValue.Kind.BOOLEAN, "FALSE", false)));
        assertEquals("5720001", Values.text(new CellValue(CellValue.Kind.NUMBER, "5720001", false)));
        assertThrows(Values.ValueException.class,
                () -> Values.text(new CellValue(CellValue.Kind.ERROR, "#DIV/0!", false)));
    }

    @Test
    void headersMatchInAnyOrderAndLanguage() {
        XlsxReader.Row header = new XlsxReader.Row("s", 1,
                List.of(new XlsxReader.Cell(0, text("Cuenta")), new XlsxReader.Cell(1, text("DATE")),
                        new XlsxReader.Cell(2, text("Comentario")), new XlsxReader.Cell(3, text("Débito"))));
        List<Headers.Column> expected = List.of(Headers.Column.required("date", "fecha", "date"),
                Headers.Column.required("account", "cuenta", "account"),
                Headers.Column.optional("debit", "debe", "debito", "debit"));
        Headers.Mapping mapping = Headers.map(header, expected);
        assertEquals(1, mapping.indexOf("date"));
        assertEquals(0, mapping.indexOf("account"));
        assertEquals(3, mapping.indexOf("debit"));
        assertEquals(3, mapping.columns().size(), "the column nobody reads is left out of the mapping");

        XlsxReader.Row missing = new XlsxReader.Row("s", 1, List.of(new XlsxReader.Cell(0, text("Cuenta"))));
        SpreadsheetRefusedException refused = assertThrows(SpreadsheetRefusedException.class,
                () -> Headers.map(missing, expected));
        assertTrue(refused.getMessage().contains("lacks the column date"), refused.getMessage());
        String spanish = refused.message(java.util.Locale.forLanguageTag("es"));
        assertTrue(spanish.contains("le falta la columna date"), spanish);
    }
}
