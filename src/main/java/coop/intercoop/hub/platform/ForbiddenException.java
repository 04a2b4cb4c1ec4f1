package coop.intercoop.hub.platform;

/** The caller is known, and may see this, but may not do it. */
public class ForbiddenException extends HubException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(Kind.FORBIDDEN, null, message);
    }
}
