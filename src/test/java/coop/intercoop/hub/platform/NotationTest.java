package coop.intercoop.hub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class NotationTest {

    private static final Locale ES = Locale.forLanguageTag("es");

    @Test
    void anAmountKeepsItsSignAndEveryDecimal() {
        assertEquals(new BigDecimal("-18.505"), Notation.number("-18,505", ES));
        assertEquals(new BigDecimal("-18.505"), Notation.number("-18.505", Locale.ENGLISH));
    }

    @Test
    void aSingleSeparatorBeforeOneOrTwoDigitsIsTheDecimalMarkInEitherLanguage() {
        assertEquals(new BigDecimal("1452.5"), Notation.number("1452.5", ES));
        assertEquals(new BigDecimal("1452.50"), Notation.number("1452,50", Locale.ENGLISH));
    }

    @Test
    void aSingleSeparatorBeforeThreeDigitsIsReadAsTheLanguageWritesThousands() {
        assertEquals(new BigDecimal("1452"), Notation.number("1.452", ES));
        assertEquals(new BigDecimal("1.452"), Notation.number("1,452", ES));
        assertEquals(new BigDecimal("1452"), Notation.number("1,452", Locale.ENGLISH));
        assertEquals(new BigDecimal("1234567.89"), Notation.number("1.234.567,89", ES));
        assertEquals(new BigDecimal("1234567.89"), Notation.number("1,234,567.89", ES));
    }

    @Test
    void textThatIsNotANumberIsRefusedAsWritten() {
        var refused = assertThrows(Notation.UnreadableValueException.class, () -> Notation.number("12,3,4.5,6", ES));
        assertEquals("value.number", refused.key());
        assertEquals("value.number",
                assertThrows(Notation.UnreadableValueException.class, () -> Notation.number("doce", ES)).key());
    }

    @Test
    void aDayTheCalendarLacksIsRefusedNeverMoved() {
        assertEquals(LocalDate.of(2026, 2, 28), Notation.date("28/02/2026"));
        assertEquals(LocalDate.of(2026, 2, 28), Notation.date("2026-02-28"));
        var refused = assertThrows(Notation.UnreadableValueException.class, () -> Notation.date("31/02/2026"));
        assertEquals("value.date.calendar", refused.key());
        assertEquals("31/02/2026", refused.text());
        assertEquals("value.date",
                assertThrows(Notation.UnreadableValueException.class, () -> Notation.date("mañana")).key());
    }
}
