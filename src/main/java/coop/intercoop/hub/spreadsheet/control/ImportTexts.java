package coop.intercoop.hub.spreadsheet.control;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of import reports, in the language of the person who started the job: one bundle per component
 * ({@code imports.properties} in Spanish, the default, and {@code imports_en.properties} in English), never falling
 * back to the server's own locale.
 */
public final class ImportTexts {

    /** The spreadsheet component's own texts: values, headers, files. */
    public static final String SPREADSHEET = "coop.intercoop.hub.spreadsheet.control.imports";

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ImportTexts() {
    }

    /** The language a job's report is written in: English when asked for, Spanish otherwise. */
    public static Locale language(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("es");
    }

    public static String format(String bundle, Locale language, String key, Object... arguments) {
        ResourceBundle texts = ResourceBundle.getBundle(bundle, language(language), ImportTexts.class.getClassLoader(),
                NO_FALLBACK);
        try {
            return new MessageFormat(texts.getString(key), language(language)).format(arguments);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No import text " + key + " in " + bundle, e);
        }
    }
}
