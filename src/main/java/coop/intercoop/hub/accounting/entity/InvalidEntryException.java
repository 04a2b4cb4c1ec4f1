package coop.intercoop.hub.accounting.entity;

import coop.intercoop.hub.platform.HubException;

/** A journal entry that cannot be posted as it is, saying what is wrong and where (e.g. {@code lines[2].debit}). */
public class InvalidEntryException extends HubException {

    private static final long serialVersionUID = 1L;

    public InvalidEntryException(String field, String message) {
        super(Kind.INVALID, field, message);
    }
}
