package coop.intercoop.hub.security.control;

import coop.intercoop.hub.platform.HubException;

/** The current password given to confirm a change is not the user's; it counts towards the login throttle. */
public class WrongPasswordException extends HubException {

    private static final long serialVersionUID = 1L;

    public WrongPasswordException() {
        super(Kind.INVALID, "currentPassword", "password.wrong", null);
    }
}
