package coop.intercoop.hub.platform;

/**
 * Nothing of that kind with that id exists for the caller. Another organisation's row answers exactly this, so an id
 * never reveals whether it exists elsewhere (DESIGN rule 8).
 */
public class NotFoundException extends HubException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, Object id) {
        super(Kind.NOT_FOUND, null, new HubTexts.Text(ApiTexts.BUNDLE, "notFound.id", thing(what), String.valueOf(id)));
    }

    /** The kind of thing in the reader's language ({@code thing.work-centre}), or as named if it has no text. */
    private static Object thing(String what) {
        String key = "thing." + what.replace(' ', '-');
        return ApiTexts.has(key) ? new HubTexts.Text(ApiTexts.BUNDLE, key) : what;
    }
}
