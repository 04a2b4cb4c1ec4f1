package coop.intercoop.hub.accounting.entity;

/** A subaccount that would hang from a group or a subgroup instead of an account of the chart. */
public class SubaccountUnderSubgroupException extends InvalidAccountException {

    private static final long serialVersionUID = 1L;

    public SubaccountUnderSubgroupException(String code, String parentCode) {
        super("code", "The subaccount " + code + " would hang directly from " + parentCode
                + ", a group or subgroup; a subaccount extends an account of three or more digits. Add the account first"
                + " (for example " + code.substring(0, Account.ACCOUNT_LENGTH) + ") or choose a code under an existing"
                + " account.");
    }
}
