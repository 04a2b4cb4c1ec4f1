package coop.intercoop.hub.accounting.control;

import java.util.HashMap;
import java.util.Map;

import coop.intercoop.hub.accounting.entity.Account;
import coop.intercoop.hub.accounting.entity.InvalidAccountException;
import coop.intercoop.hub.platform.Refusals;

/**
 * Where new subaccounts may go in an organisation's chart, stated once for the API and the portal ({@link Accounts})
 * and the chart-subaccount import: each code is well formed ({@link Account#checkCode}), new, and extends an account of
 * the chart as {@link Account#checkExtends} allows; the account it extends is the longest code of the chart that begins
 * it, and a posting account that carries postings in a fiscal year not yet closed keeps its place. Codes are checked in
 * order, and a code that extends an earlier one of the same run is refused as extending a subaccount, as it would be if
 * they were added one by one. Every refusal is collected ({@link Refusals}).
 */
final class SubaccountRules {

    /** What the rules read of the chart: the ledger's locked reads or an import's snapshot. */
    interface Chart {

        /** An account of the chart: whether it takes postings, and for one the organisation added, its parent. */
        record Entry(String code, boolean posting, boolean ownSubaccount, String parentCode) {
        }

        /** The account of this code; {@code null} if the chart has none. */
        Entry account(String code);

        /** The first fiscal year not closed in which the account carries postings; {@code null} if none. */
        Integer postedInOpenYear(String code);

        /** Whether the organisation has a chart at all. */
        boolean exists();
    }

    private final Chart chart;
    /** The codes accepted so far in this run, and the accounts they extend. */
    private final Map<String, String> added = new HashMap<>();

    SubaccountRules(Chart chart) {
        this.chart = chart;
    }

    /**
     * Checks one new code; once it is added ({@link #add}), the codes that follow see it.
     *
     * @return the code as the chart keeps it and the account it extends; {@code null} (refusals collected) if refused
     */
    Accepted check(String code, Refusals refusals) {
        String valid;
        try {
            valid = Account.checkCode(code);
        } catch (InvalidAccountException refused) {
            refusals.add(refused);
            return null;
        }
        if (chart.account(valid) != null || added.containsKey(valid)) {
            refusals.add(new Accounts.DuplicateAccountException(valid));
            return null;
        }
        String parent = parentOf(valid);
        if (parent == null) {
            refusals.add(new InvalidAccountException("code", chart.exists() ? "account.no-parent" : "account.no-chart",
                    valid));
            return null;
        }
        Chart.Entry account = chart.account(parent);
        boolean own = account == null || account.ownSubaccount();
        String grandParent = account == null ? added.get(parent) : account.parentCode();
        if (!refusals.attempt(() -> Account.checkExtends(valid, parent, own, grandParent))) {
            return null;
        }
        Integer year = account.posting() ? chart.postedInOpenYear(parent) : null;
        if (year != null) {
            refusals.add(new Accounts.PostedAccountException(parent, valid, year));
            return null;
        }
        return new Accepted(valid, parent);
    }

    /** Counts a code that passed as added, for the codes checked after it. */
    void add(Accepted code) {
        added.put(code.code(), code.parent());
    }

    /** A code that passed, and the account it extends. */
    record Accepted(String code, String parent) {
    }

    /** The longest code of the chart, or of the codes added so far, that begins this one. */
    private String parentOf(String code) {
        for (int end = code.length() - 1; end > 0; end--) {
            String prefix = code.substring(0, end);
            if (added.containsKey(prefix) || chart.account(prefix) != null) {
                return prefix;
            }
        }
        return null;
    }
}
