package coop.intercoop.hub.platform.jobs;

import coop.intercoop.hub.platform.HubException;

/**
 * A kind of background work, contributed by a component as a CDI bean (the import of a workbook, a payroll run, a daily
 * expiry scan, the build of a bid package). The component queues a job with {@link JobRunner#submit}, in the
 * transaction that stores what the job needs; the runner claims it on one node and calls {@link #run} there, on a
 * managed thread with a request context of its own, acting as the user who queued it in the job's organisation.
 */
public interface Job {

    /** The kind this bean runs, as {@link JobRunner#submit} was given it: {@code import}, {@code payroll-run}… */
    String kind();

    /**
     * Runs the claimed job to its end: the job writes what it does in transactions of its own (see
     * {@link JobTransactions}), and ends with {@link Claim#finish} in the last of them, so that the job's end commits
     * with its work. A failure it lets out is classified by the runner
     * ({@link coop.intercoop.hub.platform.DatabaseFailure}): the database lost or a deadlock's victim queues the job
     * again; anything else should have been ended as failed, in the job's words, before it was thrown.
     */
    void run(Claim claim);

    /**
     * The user the job acts as may no longer do so (deactivated, their membership gone): ends the job as failed, saying
     * why in the job's words. Nothing of {@link #run} has happened.
     */
    void refused(Claim claim, HubException refusal);

    /** The progress of a run, made at its claim: a job that shows more than two counts makes a subclass. */
    default Progress newProgress() {
        return new Progress();
    }

    /**
     * Writes, with each heartbeat, what the job shows beyond {@link Claim#progress()}'s two counts; outside the job's
     * transactions, on the runner's thread. Nothing by default.
     */
    default void heartbeat(Claim claim) {
    }

    /**
     * The job was interrupted {@code attempts} times (its node gone each time) and is given up: records why in the
     * job's words, in the transaction that ends it as failed. The job's organisation is given, so that what the
     * component writes names it (DESIGN rule 1).
     */
    void abandoned(long orgId, long jobId, int attempts);
}
