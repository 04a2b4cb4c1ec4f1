package coop.intercoop.hub.payroll.entity;

import coop.intercoop.hub.platform.HubException;

/** A contract's data that breaks one of {@link EmploymentContract}'s rules, naming the field. */
public class InvalidContractException extends HubException {

    private static final long serialVersionUID = 1L;

    public InvalidContractException(String field, String key, Object... arguments) {
        super(Kind.INVALID, field, key, arguments);
    }
}
