package coop.intercoop.hub.spreadsheet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImportSettingsTest {

    @Test
    void warnsAHubWithLessHeapThanItsImportWorkersNeed() {
        assertEquals("The hub runs with 512 MiB of heap; with 2 import workers it needs 1,024 MiB: start the JVM with "
                + "-Xmx1024m or more (see the README)", ImportSettings.heapWarning(512L << 20, 2));
        assertEquals(null, ImportSettings.heapWarning(1000L << 20, 2), "-Xmx1g, less a survivor space");
        assertEquals(null, ImportSettings.heapWarning(Long.MAX_VALUE, 8));
    }
}
