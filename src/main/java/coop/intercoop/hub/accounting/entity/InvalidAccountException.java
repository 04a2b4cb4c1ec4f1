package coop.intercoop.hub.accounting.entity;

import coop.intercoop.hub.platform.HubException;

/** An account code or name that the chart cannot take, saying why. */
public class InvalidAccountException extends HubException {

    private static final long serialVersionUID = 1L;

    public InvalidAccountException(String field, String message) {
        super(Kind.INVALID, field, message);
    }
}
