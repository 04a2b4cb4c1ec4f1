package coop.intercoop.hub.accounting.boundary;

import java.io.Serializable;

import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.control.Ledger;
import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * A portal page that posts to the ledger (an entry, a reversal, a year-end closing): whether the caller keeps the books
 * here, so that the page shows its forms, and the override of the soft lock the form asks for, which counts only for an
 * accountant and carries the reason the ledger records with the entries.
 */
public abstract class PostingPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @Inject
    Texts texts;

    private boolean overrideSoftLock;
    private String overrideReason;
    private boolean editable;
    private boolean accountant;

    /** Notes, as the page opens, whether the caller keeps the books and whether they are an accountant here. */
    void readRoles() {
        editable = tenant.may(KeepsBooks.class);
        accountant = tenant.has(Role.ACCOUNTANT);
    }

    /** The override to post with: the one asked for by an accountant, otherwise none. */
    Ledger.SoftLockOverride softLockOverride() {
        return accountant && overrideSoftLock ? new Ledger.SoftLockOverride(true, overrideReason)
                : Ledger.SoftLockOverride.NONE;
    }

    /** Clears the override once used, so that the next posting asks for it again. */
    void forgetOverride() {
        overrideSoftLock = false;
        overrideReason = null;
    }

    public boolean isOverrideSoftLock() {
        return overrideSoftLock;
    }

    public void setOverrideSoftLock(boolean overrideSoftLock) {
        this.overrideSoftLock = overrideSoftLock;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public void setOverrideReason(String overrideReason) {
        this.overrideReason = overrideReason;
    }

    public boolean isEditable() {
        return editable;
    }

    public boolean isAccountant() {
        return accountant;
    }
}
