package coop.intercoop.hub.payroll.entity;

import coop.intercoop.hub.platform.HubException;

/**
 * A person's identifier that is not what it claims to be: a NIF or NIE, a Social Security affiliation number (NAF) or
 * an IBAN that is empty, badly shaped or whose control characters do not match. Names the field it was given in, so the
 * API, the portal and an import put the refusal where the person typed it.
 */
public class InvalidIdentifierException extends HubException {

    private static final long serialVersionUID = 1L;

    /**
     * @param field
     *            the input field the identifier was given in ({@code nif}, {@code spouseNif}, {@code naf}, ...)
     * @param key
     *            the refusal's key in the payroll component's refusals
     */
    public InvalidIdentifierException(String field, String key, Object... arguments) {
        super(Kind.INVALID, field, key, arguments);
    }
}
