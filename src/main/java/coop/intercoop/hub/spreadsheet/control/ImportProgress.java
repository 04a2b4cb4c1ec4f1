package coop.intercoop.hub.spreadsheet.control;

import java.util.concurrent.atomic.AtomicLong;

import coop.intercoop.hub.platform.jobs.Progress;

/**
 * A running import's counters, kept in memory by the job's threads and written by the runner's heartbeat: the rows its
 * sheet declares ({@link #total}, 0 until known, and 0 for good if the sheet declares none) and the rows checked
 * ({@link #done}) as the job's progress; the rows read and written as the import's own.
 */
final class ImportProgress extends Progress {

    final AtomicLong read = new AtomicLong();
    final AtomicLong written = new AtomicLong();
}
