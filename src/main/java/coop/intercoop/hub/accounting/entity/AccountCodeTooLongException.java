package coop.intercoop.hub.accounting.entity;

/** An account code longer than the chart allows: refused, never cut. */
public class AccountCodeTooLongException extends InvalidAccountException {

    private static final long serialVersionUID = 1L;

    public AccountCodeTooLongException(String code, int maxLength) {
        super("code", "account.code.long", code, code.length(), maxLength);
    }
}
