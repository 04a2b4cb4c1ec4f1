package coop.intercoop.hub.platform;

/** A change must say which version it was made on, so a concurrent edit is detected instead of overwritten. */
public class VersionRequiredException extends HubException {

    private static final long serialVersionUID = 1L;

    public VersionRequiredException() {
        super(Kind.INVALID, "version", new HubTexts.Text(ApiTexts.BUNDLE, "version.required"));
    }
}
