package coop.intercoop.hub.accounting.entity;

import coop.intercoop.hub.platform.HubException;

/** A fiscal year that cannot be opened as asked, saying why. */
public class InvalidFiscalYearException extends HubException {

    private static final long serialVersionUID = 1L;

    public InvalidFiscalYearException(String field, String message) {
        super(Kind.INVALID, field, message);
    }
}
