package coop.intercoop.hub.platform;

import java.util.List;
import java.util.Locale;

/**
 * The API's own sentences in the caller's language: Spanish when the request's {@code Accept-Language} prefers it,
 * English otherwise, never the server's own locale.
 */
public final class ApiTexts {

    static final String BUNDLE = "coop.intercoop.hub.platform.problems";

    private ApiTexts() {
    }

    /** The first of the acceptable languages the API speaks, or English. */
    public static Locale language(List<Locale> acceptable) {
        for (Locale locale : acceptable == null ? List.<Locale> of() : acceptable) {
            if ("es".equals(locale.getLanguage())) {
                return HubTexts.SPANISH;
            }
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    public static String format(Locale language, String key, Object... arguments) {
        return HubTexts.format(BUNDLE, language, key, arguments);
    }

    static boolean has(String key) {
        return HubTexts.has(BUNDLE, key);
    }
}
