package coop.intercoop.hub.platform.jobs;

/**
 * A job claimed by this node for one run: which job, in which organisation, queued by whom, which attempt, and its
 * progress, which the runner's heartbeat writes. The job ends it with {@link #finish} in its last transaction.
 */
public final class Claim {

    private final Queued job;
    private final String node;
    private final Progress progress;
    private final JobQueue queue;

    public Claim(Queued job, String node, Progress progress, JobQueue queue) {
        this.job = job;
        this.node = node;
        this.progress = progress;
        this.queue = queue;
    }

    /** A job as the queue holds it: its id, organisation, kind, the user who queued it and the runs it was given. */
    public record Queued(long id, long orgId, String kind, long ownerId, int attempts) {
    }

    public long id() {
        return job.id();
    }

    public long orgId() {
        return job.orgId();
    }

    public String kind() {
        return job.kind();
    }

    /** The user who queued the job, whom it acts as. */
    public long ownerId() {
        return job.ownerId();
    }

    /** This run's number, 1 for the first. */
    public int attempts() {
        return job.attempts();
    }

    /** The node that claimed the job. */
    public String node() {
        return node;
    }

    /** The progress the job's threads count and the heartbeat writes, as {@link Job#newProgress} made it. */
    public Progress progress() {
        return progress;
    }

    /**
     * Writes the progress now rather than at the next heartbeat (at the end of a stage, whose last counts the heartbeat
     * may not have caught); false when the claim was lost.
     */
    public boolean recordProgress() {
        return queue.heartbeat(this);
    }

    /**
     * Ends the job with {@code status} and its final progress, in the caller's transaction, so that it commits with the
     * job's work; false when the claim was lost meanwhile (the job was queued again and given to another node).
     */
    public boolean finish(JobStatus status) {
        return queue.finish(this, status);
    }

    Queued queued() {
        return job;
    }
}
