package coop.intercoop.hub.security.control;

import coop.intercoop.hub.platform.HubException;

public class WeakPasswordException extends HubException {

    private static final long serialVersionUID = 1L;

    public WeakPasswordException(int minLength) {
        super(Kind.INVALID, "password", "password.weak", new Object[] { minLength });
    }
}
