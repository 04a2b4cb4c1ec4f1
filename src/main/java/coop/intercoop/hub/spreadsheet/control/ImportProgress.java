package coop.intercoop.hub.spreadsheet.control;

import java.util.concurrent.atomic.AtomicLong;

/** A running job's counters, kept in memory by the job's thread and written to the job row by the heartbeat. */
final class ImportProgress {

    final AtomicLong read = new AtomicLong();
    final AtomicLong validated = new AtomicLong();
    final AtomicLong written = new AtomicLong();
}
