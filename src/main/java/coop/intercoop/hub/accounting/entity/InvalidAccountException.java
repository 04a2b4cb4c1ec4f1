package coop.intercoop.hub.accounting.entity;

import coop.intercoop.hub.platform.HubException;

/** An account code or name that the chart cannot take, saying why. */
public class InvalidAccountException extends HubException {

    private static final long serialVersionUID = 1L;

    /** The refusal {@code key} of the accounting refusals about {@code field}, with its arguments. */
    public InvalidAccountException(String field, String key, Object... arguments) {
        super(Kind.INVALID, field, key, arguments);
    }
}
