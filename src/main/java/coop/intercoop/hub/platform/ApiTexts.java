package coop.intercoop.hub.platform;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The API's own sentences in the caller's language: Spanish when the request's {@code Accept-Language} prefers it,
 * English otherwise, never the server's own locale.
 */
public final class ApiTexts {

    private static final String BUNDLE = "coop.intercoop.hub.platform.problems";
    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ApiTexts() {
    }

    /** The first of the acceptable languages the API speaks, or English. */
    public static Locale language(List<Locale> acceptable) {
        for (Locale locale : acceptable == null ? List.<Locale> of() : acceptable) {
            if ("es".equals(locale.getLanguage())) {
                return SPANISH;
            }
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    public static String format(Locale language, String key, Object... arguments) {
        Locale locale = SPANISH.getLanguage().equals(language == null ? null : language.getLanguage()) ? SPANISH
                : Locale.ENGLISH;
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, ApiTexts.class.getClassLoader(), NO_FALLBACK);
        return new MessageFormat(texts.getString(key), locale).format(arguments);
    }

    static boolean has(String key) {
        return ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, ApiTexts.class.getClassLoader(), NO_FALLBACK)
                .containsKey(key);
    }
}
