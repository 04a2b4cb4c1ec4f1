package coop.intercoop.hub.spreadsheet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class ImportTextsTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private static String text(Locale language, String key, Object... arguments) {
        return ImportTexts.format(ImportTexts.SPREADSHEET, language, key, arguments);
    }

    @Test
    void oneErrorIsSingularInBothLanguages() {
        assertEquals("Hay 1 error; no se ha escrito nada.", text(SPANISH, "job.invalid", 1L));
        assertEquals("Hay 1 error.", text(SPANISH, "job.invalid.validate", 1L));
        assertEquals("There is 1 error; nothing was written.", text(Locale.ENGLISH, "job.invalid", 1L));
        assertEquals("There is 1 error.", text(Locale.ENGLISH, "job.invalid.validate", 1L));
    }

    @Test
    void manyErrorsArePluralWithTheLanguagesGrouping() {
        assertEquals("Hay 2 errores; no se ha escrito nada.", text(SPANISH, "job.invalid", 2L));
        assertEquals("There are 1,234 errors.", text(Locale.ENGLISH, "job.invalid.validate", 1234L));
    }

    @Test
    void rowsAndInterruptionsAreCountedInTheRightNumber() {
        assertEquals("Importación terminada: 1 fila escrita.", text(SPANISH, "job.done", 1L));
        assertEquals("Importación terminada: 2 filas escritas.", text(SPANISH, "job.done", 2L));
        assertEquals("Import finished: 1 row written; 1 row with errors, or in a group with errors, was not written.",
                text(Locale.ENGLISH, "job.done.skipped", 1L, 1L));
        assertEquals("Validación terminada: 1 fila correcta, sin errores.", text(SPANISH, "job.validated", 1L));
        assertEquals("Validation finished: 3 rows are correct, no errors.", text(Locale.ENGLISH, "job.validated", 3L));
        assertEquals(
                "La importación se interrumpió una vez (caída del hub o de la base de datos); no se ha escrito nada.",
                text(SPANISH, "job.interrupted", 1));
    }

    /**
     * An accounting import's row problems write amounts, rows and dates as the report's language does: its own texts,
     * and the posting rules' refusals it reports in the words of the API.
     */
    @Test
    void amountsAndDatesOfRowProblemsAreWrittenInTheReportsNotation() {
        String refusals = "coop.intercoop.hub.accounting.refusals";
        assertEquals("Línea 1: 1,005 tiene más de dos decimales (céntimos).", coop.intercoop.hub.platform.HubTexts
                .format(refusals, SPANISH, "line.amount.cents", 1, new java.math.BigDecimal("1.005")));
        assertEquals("Line 1: 1.005 has more than two decimals (cents).", coop.intercoop.hub.platform.HubTexts
                .format(refusals, Locale.ENGLISH, "line.amount.cents", 1, new java.math.BigDecimal("1.005")));
        assertEquals("El asiento no cuadra: debe 1.794,01, haber 1.794,00, diferencia de 0,01 en el debe.",
                coop.intercoop.hub.platform.HubTexts.format(refusals, SPANISH, "entry.unbalanced.debit",
                        new java.math.BigDecimal("1794.01"), new java.math.BigDecimal("1794.00"),
                        new java.math.BigDecimal("0.01")));
        String accounting = "coop.intercoop.hub.accounting.control.imports";
        assertEquals("el asiento A-7 tiene fecha 31/01/2026 en la fila 1005; todas sus líneas deben llevar la misma",
                ImportTexts.format(accounting, SPANISH, "entry.date-differs", "A-7",
                        java.time.LocalDate.of(2026, 1, 31), 1005));
    }
}
