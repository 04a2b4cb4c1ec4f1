package coop.intercoop.hub.accounting.boundary;

import java.io.Serializable;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.accounting.control.Balances;
import coop.intercoop.hub.accounting.control.Integrity;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The books' own checks ({@code /org/accounting/integrity.xhtml}): the posted entries' hash chain recomputed, naming
 * the first entry that no longer matches; the maintained balances proved against the posted lines; and, for those who
 * keep the books, the balances rebuilt from the lines. Each is run on request, as it reads every posted entry.
 */
@Named
@ViewScoped
public class BooksCheckPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @Inject
    Instance<Integrity> integrity;

    @Inject
    Instance<Balances> balances;

    private boolean keeper;
    private Integrity.Report chain;
    private Balances.Verification verification;
    private boolean rebuilt;

    @ReadsBooks
    public void load() {
        keeper = tenant.may(KeepsBooks.class);
    }

    @ReadsBooks
    public void check() {
        chain = null;
        chain = integrity.get().check();
    }

    @ReadsBooks
    public void verify() {
        verification = null;
        rebuilt = false;
        verification = balances.get().verify();
    }

    @KeepsBooks
    public void rebuild() {
        verification = null;
        rebuilt = false;
        verification = balances.get().rebuild();
        rebuilt = true;
    }

    /** Whether the caller keeps the books; only then is the rebuild offered. */
    public boolean isKeeper() {
        return keeper;
    }

    public Integrity.Report getChain() {
        return chain;
    }

    public Balances.Verification getVerification() {
        return verification;
    }

    /** Whether the verification shown is the one that followed a rebuild. */
    public boolean isRebuilt() {
        return rebuilt;
    }
}
