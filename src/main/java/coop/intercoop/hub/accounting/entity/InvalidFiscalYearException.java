package coop.intercoop.hub.accounting.entity;

import coop.intercoop.hub.platform.HubException;

/** A fiscal year that cannot be opened as asked, saying why. */
public class InvalidFiscalYearException extends HubException {

    private static final long serialVersionUID = 1L;

    /** The refusal {@code key} of the accounting refusals about {@code field}, with its arguments. */
    public InvalidFiscalYearException(String field, String key, Object... arguments) {
        super(Kind.INVALID, field, key, arguments);
    }
}
