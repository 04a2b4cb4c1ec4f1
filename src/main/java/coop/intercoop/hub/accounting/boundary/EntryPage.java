package coop.intercoop.hub.accounting.boundary;

import java.time.LocalDate;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import coop.intercoop.hub.accounting.control.Entries;
import coop.intercoop.hub.accounting.control.Ledger;
import coop.intercoop.hub.tenancy.control.Tenanted;

/**
 * One posted entry ({@code /org/accounting/entry.xhtml?id=}) with its lines, analytic shares and hash, and its
 * reversal: a posted entry never changes, it is corrected by a new entry with debit and credit swapped (DESIGN rule 5).
 */
@Named
@ViewScoped
public class EntryPage extends PostingPage {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<Entries> entries;

    private Long id;
    private Entries.EntryView entry;
    private Ledger.Posted reversal;
    private LocalDate date;
    private String description;

    @Transactional
    @Tenanted
    public void load() {
        tenant.require(AccountingRoles.READ);
        readRoles();
        if (id != null) {
            entry = entries.get().find(id);
            date = LocalDate.now();
        }
    }

    @Transactional
    @Tenanted
    public void reverse() {
        tenant.require(AccountingRoles.KEEP);
        Entries control = entries.get();
        reversal = control.reverse(entry.id(), date, description, softLockOverride());
        entry = control.find(entry.id());
        texts.inform("entry.reversed", reversal.number(), String.valueOf(reversal.fiscalYear()));
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Entries.EntryView getEntry() {
        return entry;
    }

    public Ledger.Posted getReversal() {
        return reversal;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
