package coop.intercoop.hub.platform;

/** A change must say which version it was made on, so a concurrent edit is detected instead of overwritten. */
public class VersionRequiredException extends HubException {

    private static final long serialVersionUID = 1L;

    public VersionRequiredException() {
        super(Kind.INVALID, "version", "Send the 'version' you read, so a concurrent change is not overwritten.");
    }
}
