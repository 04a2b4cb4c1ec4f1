package coop.intercoop.hub.tenders.entity;

import coop.intercoop.hub.platform.HubException;

/**
 * A part of a tenders input that cannot be, naming its field: a filter's part, a watch, a bid and its lots, an item of
 * its checklist, a line of its scorecard, a certificate. The entities gather every one of an input before refusing it.
 */
public class InvalidTenderInputException extends HubException {

    private static final long serialVersionUID = 1L;

    public InvalidTenderInputException(String field, String key, Object... arguments) {
        super(Kind.INVALID, field, key, arguments);
    }
}
