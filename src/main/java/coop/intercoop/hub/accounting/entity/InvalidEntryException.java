package coop.intercoop.hub.accounting.entity;

import coop.intercoop.hub.platform.HubException;

/** A journal entry that cannot be posted as it is, saying what is wrong and where (e.g. {@code lines[2].debit}). */
public class InvalidEntryException extends HubException {

    private static final long serialVersionUID = 1L;
    /** The accounting component's refusals, in English; {@code refusals_es.properties} has the Spanish ones. */
    public static final String REFUSALS = "coop.intercoop.hub.accounting.refusals";

    /** The refusal {@code key} of the accounting refusals about {@code field}, with its arguments. */
    public InvalidEntryException(String field, String key, Object... arguments) {
        super(Kind.INVALID, field, key, arguments);
    }
}
