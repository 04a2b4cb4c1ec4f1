package coop.intercoop.hub.spreadsheet.control;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A running job's counters, kept in memory by the job's threads and written to the job row by the heartbeat; the rows
 * expected are 0 until known, and stay 0 if the sheet does not declare its size.
 */
final class ImportProgress {

    final AtomicLong expected = new AtomicLong();
    final AtomicLong read = new AtomicLong();
    final AtomicLong validated = new AtomicLong();
    final AtomicLong written = new AtomicLong();

    /** The rows expected, or null while they are not known. */
    Long expectedOrNull() {
        long rows = expected.get();
        return rows > 0 ? rows : null;
    }
}
