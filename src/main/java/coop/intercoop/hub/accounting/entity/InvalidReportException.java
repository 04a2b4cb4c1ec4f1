package coop.intercoop.hub.accounting.entity;

import coop.intercoop.hub.platform.HubException;

/** A report asked for with a parameter that cannot work, naming the parameter. */
public class InvalidReportException extends HubException {

    private static final long serialVersionUID = 1L;

    /** The refusal {@code key} of the accounting refusals about {@code field}, with its arguments. */
    public InvalidReportException(String field, String key, Object... arguments) {
        super(Kind.INVALID, field, key, arguments);
    }
}
