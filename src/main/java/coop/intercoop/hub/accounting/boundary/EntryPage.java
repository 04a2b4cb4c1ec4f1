package coop.intercoop.hub.accounting.boundary;

import java.time.LocalDate;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.accounting.control.Entries;
import coop.intercoop.hub.accounting.control.Ledger;

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
    private LocalDate date;
    private String description;

    @ReadsBooks
    public void load() {
        readRoles();
        if (id != null) {
            entry = entries.get().find(id);
            date = LocalDate.now();
        }
    }

    /**
     * Posts the reversal, then shows the reversed entry again at its own address, so that a reload shows it rather than
     * an empty page; a refusal keeps the form as it was, next to the field it names.
     *
     * @return the entry's page, redirected
     */
    @KeepsBooks
    public String reverse() {
        Ledger.Posted reversal = entries.get().reverse(entry.id(), date, description, softLockOverride());
        texts.inform("entry.reversed", reversal.number(), String.valueOf(reversal.fiscalYear()));
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/org/accounting/entry?faces-redirect=true&id=" + entry.id();
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
