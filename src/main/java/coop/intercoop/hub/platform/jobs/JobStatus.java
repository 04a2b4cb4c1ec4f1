package coop.intercoop.hub.platform.jobs;

/** Where a job is: waiting for a node, running on one, or finished either way. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
