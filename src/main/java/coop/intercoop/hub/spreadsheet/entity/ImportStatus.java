package coop.intercoop.hub.spreadsheet.entity;

/** Where an import job is: waiting for a node, running on one, or finished either way. */
public enum ImportStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
