package coop.intercoop.hub.accounting.entity;

/** A subaccount that would hang from a group or a subgroup instead of an account of the chart. */
public class SubaccountUnderSubgroupException extends InvalidAccountException {

    private static final long serialVersionUID = 1L;

    public SubaccountUnderSubgroupException(String code, String parentCode) {
        super("code", "account.under-subgroup", code, parentCode, code.substring(0, Account.ACCOUNT_LENGTH));
    }
}
