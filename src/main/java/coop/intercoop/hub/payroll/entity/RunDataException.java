package coop.intercoop.hub.payroll.entity;

import coop.intercoop.hub.platform.HubException;

/**
 * Data a payroll run cannot take: an employee's with which their month cannot be calculated (naming the employee, first
 * argument, and the field of their record or contract to put right: the run stores nothing and reports it), or the
 * month asked for.
 */
public class RunDataException extends HubException {

    private static final long serialVersionUID = 1L;

    public RunDataException(String field, String key, Object... arguments) {
        super(Kind.INVALID, field, key, arguments);
    }
}
