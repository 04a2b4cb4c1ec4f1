package coop.intercoop.hub.security.control;

import coop.intercoop.hub.platform.HubException;

public class DuplicateUserException extends HubException {

    private static final long serialVersionUID = 1L;

    public DuplicateUserException(String username) {
        super(Kind.CONFLICT, "username", "user.duplicate", new Object[] { username });
    }
}
