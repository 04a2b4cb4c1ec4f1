package coop.intercoop.hub.spreadsheet.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.spreadsheet.entity.ImportJob;
import coop.intercoop.hub.spreadsheet.entity.ImportMode;
import coop.intercoop.hub.platform.jobs.JobStatus;

class ImportsPageTest {

    private final ImportsPage page = new ImportsPage();

    private static ImportJob running(Long expected, long validated) {
        return new ImportJob(1, 1, "journal-entries", ImportMode.ALL_OR_NOTHING, JobStatus.RUNNING, "a.xlsx", 1,
                "0".repeat(64), false, "es", 1, Instant.EPOCH, Instant.EPOCH, null, 1, expected, validated, validated,
                0, 0, 0, 0, null);
    }

    @Test
    void theShareCheckedIsOfTheRowsTheSheetDeclares() {
        assertEquals(0, page.percentChecked(running(1_000_000L, 0)));
        assertEquals(42, page.percentChecked(running(1_000_000L, 420_000)));
        assertEquals(100, page.percentChecked(running(1_000_000L, 1_000_000)));
    }

    @Test
    void aSheetThatDeclaresNoSizeGetsAMovingBar() {
        assertEquals(-1, page.percentChecked(running(null, 5_000)));
        assertEquals(-1, page.percentChecked(running(0L, 5_000)));
    }

    @Test
    void aSheetThatDeclaredTooFewRowsStopsAtTheWholeBar() {
        assertEquals(100, page.percentChecked(running(10L, 25)));
    }
}
