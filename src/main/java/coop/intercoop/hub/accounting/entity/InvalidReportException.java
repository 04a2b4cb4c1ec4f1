package coop.intercoop.hub.accounting.entity;

import coop.intercoop.hub.platform.HubException;

/** A report asked for with a parameter that cannot work, naming the parameter. */
public class InvalidReportException extends HubException {

    private static final long serialVersionUID = 1L;

    public InvalidReportException(String field, String message) {
        super(Kind.INVALID, field, message);
    }
}
