package coop.intercoop.hub.platform;

/** A request that needs a JSON body came without one. */
public class MissingBodyException extends HubException {

    private static final long serialVersionUID = 1L;

    public MissingBodyException() {
        super(Kind.INVALID, null, new HubTexts.Text(ApiTexts.BUNDLE, "body.missing"));
    }

    public static void require(Object body) {
        if (body == null) {
            throw new MissingBodyException();
        }
    }
}
