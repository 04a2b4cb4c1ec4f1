package coop.intercoop.hub.platform.jobs;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a running job is, counted by its threads in memory and written by the runner's heartbeat into the job's row:
 * the units of work done and, once known, the units there are (rows of a workbook, payslips of a run, documents of a
 * bid package). A job that shows more subclasses it and writes the rest in its {@link Job#heartbeat}.
 */
public class Progress {

    /** The units there are; 0 while not known. */
    public final AtomicLong total = new AtomicLong();
    public final AtomicLong done = new AtomicLong();

    /** The units there are, or null while they are not known. */
    public Long totalOrNull() {
        long units = total.get();
        return units > 0 ? units : null;
    }
}
