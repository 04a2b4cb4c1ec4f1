package coop.intercoop.hub.accounting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Journals and activities have one vocabulary: the portal's labels, which the importer takes as it takes the codes. */
class LabelsTest {

    private static final Locale ES = Locale.forLanguageTag("es");

    @Test
    void journalsAndActivitiesAreLabelledAsThePortalShowsThem() {
        assertEquals("Bancos", Journal.BANK.label(ES));
        assertEquals("Bank", Journal.BANK.label(Locale.ENGLISH));
        assertEquals("Actividad propia", Activity.OWN.label(ES));
        assertEquals("Own purpose activity", Activity.OWN.label(Locale.ENGLISH));
        assertEquals("Apertura", Journal.OPENING.label(Locale.GERMAN), "another language reads Spanish");
    }

    @Test
    void aJournalIsNamedByItsCodeOrItsLabelInEitherLanguage() {
        for (Journal journal : Journal.values()) {
            assertEquals(Optional.of(journal), Journal.named(journal.name().toLowerCase(Locale.ROOT)));
            assertEquals(Optional.of(journal), Journal.named(" " + journal.label(ES).toUpperCase(ES) + " "));
            assertEquals(Optional.of(journal), Journal.named(journal.label(Locale.ENGLISH)));
        }
        assertTrue(Journal.named("Bancos y cajas").isEmpty());
        assertTrue(Journal.named(null).isEmpty());
    }

    @Test
    void anActivityIsNamedByItsCodeOrItsLabelInEitherLanguage() {
        for (Activity activity : Activity.values()) {
            assertEquals(activity, Activity.of(activity.name(), "activity"));
            assertEquals(activity, Activity.of(activity.label(ES).toLowerCase(ES), "activity"));
            assertEquals(activity, Activity.of(activity.label(Locale.ENGLISH), "activity"));
        }
        assertEquals(Activity.OWN, Activity.of("propia", "activity"));
        assertThrows(InvalidEntryException.class, () -> Activity.of("Actividad", "activity"));
    }
}
