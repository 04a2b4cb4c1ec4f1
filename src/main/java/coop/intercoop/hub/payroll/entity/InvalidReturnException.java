package coop.intercoop.hub.payroll.entity;

import coop.intercoop.hub.platform.HubException;

/**
 * A return (modelo 190, modelo 111, a withholding certificate) that cannot be drawn up from the pay given: a perceptor
 * without NIF, an amount too large for its field, a situation code modelo 145 does not have. Refused before anything is
 * written, naming the perceptor by position and NIF.
 */
public class InvalidReturnException extends HubException {

    private static final long serialVersionUID = 1L;

    public InvalidReturnException(String field, String key, Object... arguments) {
        super(Kind.INVALID, field, key, arguments);
    }
}
