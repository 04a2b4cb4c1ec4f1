package coop.intercoop.hub.accounting.entity;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The names a person reads for the accounting's codes (journals, activities): the portal's texts
 * ({@code journal.BANK=Bancos}), so the portal, the import templates, the importer and the exported workbooks use one
 * vocabulary.
 */
final class Labels {

    private static final String BASE_NAME = "coop.intercoop.hub.portal.messages";
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    /** The languages the texts are written in; Spanish first, the language of any other request. */
    static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("es"), Locale.ENGLISH);

    private Labels() {
    }

    static String of(String key, Locale language) {
        Locale chosen = language != null && "en".equals(language.getLanguage()) ? Locale.ENGLISH : LANGUAGES.get(0);
        return ResourceBundle.getBundle(BASE_NAME, chosen, Labels.class.getClassLoader(), NO_FALLBACK).getString(key);
    }

    /** Whether {@code name} is the code or its label in one of the languages, ignoring case and outer blanks. */
    static boolean names(String name, String code, String key) {
        String stripped = name.strip();
        if (stripped.equalsIgnoreCase(code)) {
            return true;
        }
        for (Locale language : LANGUAGES) {
            if (stripped.equalsIgnoreCase(of(key, language))) {
                return true;
            }
        }
        return false;
    }
}
