package coop.intercoop.hub.spreadsheet.control;

import java.text.MessageFormat;
import java.util.Locale;

import coop.intercoop.hub.platform.HubTexts;

/**
 * The texts of import reports, in the language of the person who started the job: one bundle per component
 * ({@code imports.properties} in Spanish, the default, and {@code imports_en.properties} in English), never falling
 * back to the server's own locale.
 */
public final class ImportTexts {

    /** The spreadsheet component's own texts: values, headers, files. */
    public static final String SPREADSHEET = "coop.intercoop.hub.spreadsheet.control.imports";

    private ImportTexts() {
    }

    /** The language a job's report is written in: English when asked for, Spanish otherwise. */
    public static Locale language(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("es");
    }

    /** The text {@code key} of the bundle, its arguments written as the language writes them ({@link HubTexts}). */
    public static String format(String bundle, Locale language, String key, Object... arguments) {
        return HubTexts.format(bundle, language(language), key, arguments);
    }
}
