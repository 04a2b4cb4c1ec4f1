package coop.intercoop.hub.platform;

/** The caller is known, and may see this, but may not do it. */
public class ForbiddenException extends HubException {

    private static final long serialVersionUID = 1L;

    /** Refused, saying why in the words of the component that refuses. */
    public ForbiddenException(HubTexts.Text why) {
        super(Kind.FORBIDDEN, null, why);
    }
}
