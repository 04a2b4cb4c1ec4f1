package coop.intercoop.hub.payroll.entity;

import coop.intercoop.hub.platform.HubException;

/**
 * A month's item refused: data that breaks one of {@link PayrollItem}'s rules (naming the field), or an item its month
 * no longer takes (a conflict: the month's regular run is approved, or the kind is there already).
 */
public class PayrollItemException extends HubException {

    private static final long serialVersionUID = 1L;

    private PayrollItemException(Kind kind, String field, String key, Object... arguments) {
        super(kind, field, key, arguments);
    }

    public static PayrollItemException invalid(String field, String key, Object... arguments) {
        return new PayrollItemException(Kind.INVALID, field, key, arguments);
    }

    public static PayrollItemException conflict(String field, String key, Object... arguments) {
        return new PayrollItemException(Kind.CONFLICT, field, key, arguments);
    }
}
