package coop.intercoop.hub.accounting.boundary;

import coop.intercoop.hub.accounting.control.Ledger;

/**
 * The body of an action that posts (a draft's posting, a reversal, year-end closing): an accountant's explicit override
 * of the soft lock and its reason, both optional.
 */
public class OverrideInput {
    public Boolean overrideSoftLock;
    public String overrideReason;

    Ledger.SoftLockOverride override() {
        return new Ledger.SoftLockOverride(Boolean.TRUE.equals(overrideSoftLock), overrideReason);
    }

    /** The override a possibly missing body asks for: none when there is no body. */
    static Ledger.SoftLockOverride of(OverrideInput input) {
        return input == null ? Ledger.SoftLockOverride.NONE : input.override();
    }
}
