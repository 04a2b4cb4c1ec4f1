package coop.intercoop.hub.platform;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Dates in the API's query and path parameters ({@code @QueryParam("from") LocalDate from}): ISO {@code YYYY-MM-DD},
 * blank meaning absent (so {@code @NotNull} refuses it). One that does not read as a date is refused with a sentence
 * saying how to write it; the runtime wraps that refusal in its {@code ParamException}, which knows the parameter's
 * name, and {@link Problems} answers it naming that parameter.
 */
@Provider
public class DateParameters implements ParamConverterProvider {

    private static final ParamConverter<LocalDate> ISO = new ParamConverter<>() {
        @Override
        public LocalDate fromString(String text) {
            return date(text, null);
        }

        @Override
        public String toString(LocalDate date) {
            return date == null ? null : date.toString();
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == LocalDate.class ? (ParamConverter<T>) ISO : null;
    }

    /**
     * The date a parameter's text writes, or null when it is blank. The portal's pages read the dates of their address
     * with it too, as the API reads them: a view parameter's own converter would skip the page's view action when it
     * fails, leaving the page without its choices.
     *
     * @param parameter
     *            the parameter's name, for the refusal's field; null when the caller names it (the JAX-RS runtime)
     *
     * @throws InvalidParameterException
     *             ({@code date.invalid}) when the text is not an ISO date of the calendar
     */
    public static LocalDate date(String text, String parameter) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidParameterException.notADate(text, parameter);
        }
    }
}
