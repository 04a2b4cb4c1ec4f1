package coop.intercoop.hub.accounting.entity;

/** An account code longer than the chart allows: refused, never cut. */
public class AccountCodeTooLongException extends InvalidAccountException {

    private static final long serialVersionUID = 1L;

    public AccountCodeTooLongException(String code, int maxLength) {
        super("code", "The account code " + code + " has " + code.length() + " digits; at most " + maxLength
                + " are allowed.");
    }
}
