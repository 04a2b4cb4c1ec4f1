package coop.intercoop.hub.payroll.entity;

import coop.intercoop.hub.platform.HubException;

/** An employee's data that breaks one of {@link Employee}'s rules, naming the field. */
public class InvalidEmployeeException extends HubException {

    private static final long serialVersionUID = 1L;

    public InvalidEmployeeException(String field, String key, Object... arguments) {
        super(Kind.INVALID, field, key, arguments);
    }
}
