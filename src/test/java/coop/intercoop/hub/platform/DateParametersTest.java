package coop.intercoop.hub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;

/** The converter of the API's date parameters, and the refusal it gives the runtime to name. */
class DateParametersTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private static ParamConverter<LocalDate> converter() {
        return new DateParameters().getConverter(LocalDate.class, LocalDate.class, new Annotation[0]);
    }

    @Test
    void anIsoDateIsReadAndWrittenAsTheAddressWritesIt() {
        assertEquals(LocalDate.of(2025, 3, 31), converter().fromString(" 2025-03-31 "));
        assertEquals("2025-03-31", converter().toString(LocalDate.of(2025, 3, 31)));
    }

    @Test
    void aBlankParameterIsAbsent() {
        assertNull(converter().fromString(null));
        assertNull(converter().fromString(""));
        assertNull(converter().fromString("  "));
    }

    @Test
    void onlyDatesAreConvertedHere() {
        assertNull(new DateParameters().getConverter(String.class, String.class, new Annotation[0]));
    }

    @Test
    void aTextThatIsNotADateOfTheCalendarIsRefusedSayingHowToWriteIt() {
        for (String text : new String[] { "31/03/2025", "2025-02-30", "yesterday" }) {
            InvalidParameterException refused = assertThrows(InvalidParameterException.class,
                    () -> converter().fromString(text));
            assertEquals("date.invalid", refused.key());
            assertEquals("'" + text + "' is not a date; write it as YYYY-MM-DD, e.g. 2025-03-31.",
                    refused.message(Locale.ENGLISH));
            assertEquals("'" + text + "' no es una fecha; escríbala como AAAA-MM-DD, por ejemplo 2025-03-31.",
                    refused.message(SPANISH));
        }
    }

    @Test
    void aPageNamesTheParameterItReads() {
        assertEquals("from",
                assertThrows(InvalidParameterException.class, () -> DateParameters.date("2025-13-01", "from")).field());
        assertEquals(LocalDate.of(2025, 1, 1), DateParameters.date("2025-01-01", "from"));
    }
}
