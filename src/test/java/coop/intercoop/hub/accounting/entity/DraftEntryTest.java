package coop.intercoop.hub.accounting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A draft may be incomplete or unbalanced, but it has a date, a journal and a description, so it can be listed. */
class DraftEntryTest {

    private static EntryDraft draft(LocalDate date, String journal, String description) {
        EntryDraft draft = new EntryDraft(date, Journal.GENERAL, description, null, List.of());
        draft.setJournal(journal);
        return draft;
    }

    private static InvalidEntryException refused(EntryDraft entry) {
        return assertThrows(InvalidEntryException.class, () -> new DraftEntry(entry, 1, Instant.now()));
    }

    @Test
    void aDraftNeedsADate() {
        assertEquals("draft.date", refused(draft(null, "GENERAL", "Factura")).key());
    }

    @Test
    void aDraftNeedsAKnownJournal() {
        assertEquals("entry.journal.missing", refused(draft(LocalDate.of(2025, 3, 1), null, "Factura")).key());
        assertEquals("journal.unknown", refused(draft(LocalDate.of(2025, 3, 1), "DIARIO", "Factura")).key());
    }

    @Test
    void aDraftNeedsADescriptionThatFits() {
        assertEquals("draft.description", refused(draft(LocalDate.of(2025, 3, 1), "GENERAL", " ")).key());
        assertEquals("draft.description",
                refused(draft(LocalDate.of(2025, 3, 1), "GENERAL", "x".repeat(EntryDraft.MAX_DESCRIPTION + 1))).key());
    }
}
