package coop.intercoop.hub.platform;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The hub's sentences in a person's language, one way for every channel (the API's problem details, the portal's
 * messages, an import's report): Spanish or English, never the server's own locale, and each argument written as that
 * language writes it. A decimal keeps every digit it has ({@code 1,005} in Spanish is {@code 1.005} in English, never
 * rounded), with the language's grouping ({@code 1.794,01}, {@code 1,794.01}); a date is {@code dd/mm/yyyy}, as the
 * portal shows and reads dates. Whole numbers stay numbers, so that a text can choose its words by them
 * ({@code {0,choice,1#una fila|1<{0,number,integer} filas}}); a year or an id is written {@code {0,number,#}}.
 */
public final class HubTexts {

    public static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private HubTexts() {
    }

    /** The language the hub speaks that is nearest to the one asked for: Spanish or English. */
    public static Locale language(Locale requested) {
        return requested != null && SPANISH.getLanguage().equals(requested.getLanguage()) ? SPANISH : Locale.ENGLISH;
    }

    /**
     * The sentence {@code key} of the bundle in the language, with its arguments written in that language.
     *
     * @throws IllegalStateException
     *             if the bundle has no such sentence, which is the hub's own mistake
     */
    public static String format(String bundle, Locale language, String key, Object... arguments) {
        Locale locale = language(language);
        ResourceBundle texts = ResourceBundle.getBundle(bundle, locale, HubTexts.class.getClassLoader(), NO_FALLBACK);
        String pattern;
        try {
            pattern = texts.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No text " + key + " in " + bundle, e);
        }
        Object[] written = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            written[i] = argument(arguments[i], locale);
        }
        return new MessageFormat(pattern, locale).format(written);
    }

    /** Whether the bundle has the sentence (in its default language, which every key has). */
    public static boolean has(String bundle, String key) {
        return ResourceBundle.getBundle(bundle, Locale.ROOT, HubTexts.class.getClassLoader(), NO_FALLBACK)
                .containsKey(key);
    }

    /**
     * A part of a sentence that is itself a text of a bundle, such as the name of an analytic dimension ("proyecto",
     * "project") or one reason of several: written in the sentence's language.
     */
    public record Text(String bundle, String key, Object... arguments) {
    }

    /**
     * Parts of a sentence written one after the other with a separator, such as a list of uses: "one draft, 2 lines".
     */
    public record Joined(String separator, java.util.List<?> parts) {
    }

    /**
     * An argument as the language writes it: decimals with every digit and the language's marks, dates dd/mm/yyyy, a
     * {@link Text} in the language, a list as its elements separated by semicolons.
     */
    public static Object argument(Object argument, Locale language) {
        if (argument instanceof Text text) {
            return format(text.bundle(), language, text.key(), text.arguments());
        }
        if (argument instanceof java.util.List<?> list) {
            return argument(new Joined("; ", list), language);
        }
        if (argument instanceof Joined joined) {
            return String.join(joined.separator(),
                    joined.parts().stream().map(e -> String.valueOf(argument(e, language))).toList());
        }
        if (argument instanceof BigDecimal decimal) {
            return decimal(decimal, language(language));
        }
        if (argument instanceof LocalDate date) {
            return DATE.format(date);
        }
        return argument;
    }

    /** A decimal with all of its digits, grouped in thousands: {@code 1.794,01} or {@code 1,794.01}. */
    public static String decimal(BigDecimal value, Locale language) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(language(language)));
        int scale = Math.max(0, value.scale());
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        return format.format(value);
    }
}
