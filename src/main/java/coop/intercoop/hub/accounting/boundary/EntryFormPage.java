package coop.intercoop.hub.accounting.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import coop.intercoop.hub.accounting.control.Accounts;
import coop.intercoop.hub.accounting.control.Ledger;
import coop.intercoop.hub.accounting.entity.AccountKind;
import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.EntryDraft.EntryLine;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.portal.control.Texts;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * The entry form ({@code /org/accounting/new-entry.xhtml}): date, journal, description, document and editable lines,
 * with the difference between debit and credit recomputed as amounts are typed. Posting goes through the {@link Ledger}
 * like every other posting, so its refusals (unbalanced, heading account, locked date...) are the ledger's, shown next
 * to the field they name. Only accountants may post past the soft lock, with a reason.
 */
@Named
@ViewScoped
public class EntryFormPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SUGGESTIONS = 20;

    @Inject
    Tenant tenant;

    @Inject
    Instance<Accounts> accounts;

    @Inject
    Instance<Ledger> ledger;

    @Inject
    Texts texts;

    /** A posting account as the account field suggests it. */
    public record Suggestion(String code, String name) implements Serializable {
        public String label() {
            return code + " " + name;
        }
    }

    private EntryDraft draft = blank();
    private List<Suggestion> postingAccounts = List.of();
    private BigDecimal debit = BigDecimal.ZERO;
    private BigDecimal credit = BigDecimal.ZERO;
    private BigDecimal difference = BigDecimal.ZERO;
    private boolean overrideSoftLock;
    private String overrideReason;
    private boolean editable;
    private boolean accountant;
    private Ledger.Posted posted;

    @Transactional
    @Tenanted
    public void load() {
        tenant.require(AccountingRoles.KEEP);
        editable = true;
        accountant = tenant.has(Role.ACCOUNTANT);
        postingAccounts = accounts.get().all().stream().filter(a -> a.getKind() == AccountKind.POSTING)
                .map(a -> new Suggestion(a.getCode(), a.getName())).toList();
        recompute();
    }

    /** The ajax listener of every amount: the totals and their difference, shown as the user types. */
    public void recompute() {
        debit = draft.getLines().stream().map(EntryLine::debitOrZero).reduce(BigDecimal.ZERO, BigDecimal::add);
        credit = draft.getLines().stream().map(EntryLine::creditOrZero).reduce(BigDecimal.ZERO, BigDecimal::add);
        difference = debit.subtract(credit);
    }

    public void addLine() {
        draft.getLines().add(new EntryLine());
    }

    public void removeLine(int index) {
        draft.getLines().remove(index);
        recompute();
    }

    /** Posting accounts whose code starts with the query or whose name contains it. */
    public List<String> completeAccount(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return postingAccounts.stream()
                .filter(a -> a.code().startsWith(q) || a.name().toLowerCase(Locale.ROOT).contains(q)).limit(SUGGESTIONS)
                .map(Suggestion::label).toList();
    }

    @Transactional
    @Tenanted
    public void post() {
        tenant.require(AccountingRoles.KEEP);
        Ledger.SoftLockOverride override = accountant && overrideSoftLock
                ? new Ledger.SoftLockOverride(true, overrideReason)
                : Ledger.SoftLockOverride.NONE;
        posted = ledger.get().post(draft, override);
        LocalDate date = draft.getDate();
        String journal = draft.getJournal();
        draft = blank();
        draft.setDate(date);
        draft.setJournal(journal);
        overrideSoftLock = false;
        overrideReason = null;
        recompute();
        texts.inform("entryForm.posted", posted.number(), String.valueOf(posted.fiscalYear()));
    }

    private static EntryDraft blank() {
        EntryDraft blank = new EntryDraft();
        blank.setDate(LocalDate.now());
        blank.setJournal(Journal.GENERAL.name());
        blank.setLines(new ArrayList<>(List.of(new EntryLine(), new EntryLine())));
        return blank;
    }

    public List<Journal> getJournals() {
        return List.of(Journal.values());
    }

    public EntryDraft getDraft() {
        return draft;
    }

    public BigDecimal getDebit() {
        return debit;
    }

    public BigDecimal getCredit() {
        return credit;
    }

    public BigDecimal getDifference() {
        return difference;
    }

    public boolean isBalanced() {
        return difference.signum() == 0;
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

    public Ledger.Posted getPosted() {
        return posted;
    }
}
