package coop.intercoop.hub.platform;

/**
 * Nothing of that kind with that id exists for the caller. Another organisation's row answers exactly this, so an id
 * never reveals whether it exists elsewhere (DESIGN rule 8).
 */
public class NotFoundException extends HubException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, Object id) {
        super(Kind.NOT_FOUND, null, "There is no " + what + " " + id + " here.");
    }
}
