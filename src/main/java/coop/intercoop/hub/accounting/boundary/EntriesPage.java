package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import coop.intercoop.hub.accounting.control.Entries;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The organisation's posted entries ({@code /org/accounting/entries.xhtml}), by date and number, a page at a time,
 * filtered by dates, journal, account (code prefix) and text, and every matching entry as a spreadsheet. Each page is
 * read through {@link Entries} in the organisation checked for that request, never in one remembered by the view.
 */
@Named
@ViewScoped
public class EntriesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @Inject
    Instance<Entries> entries;

    private LazyDataModel<Entries.EntryView> model;
    private LocalDate from;
    private LocalDate to;
    private Journal journal;
    private String account;
    private String text;
    private boolean editable;

    @ReadsBooks
    public void load() {
        editable = tenant.may(KeepsBooks.class);
        model = new EntriesModel();
    }

    /** A new filter starts again at the first page. */
    public void search() {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent("list:entries") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    public void clear() {
        from = null;
        to = null;
        journal = null;
        account = null;
        text = null;
        search();
    }

    /** Every entry matching the filters as a spreadsheet, streamed into the response. */
    @ReadsBooks
    public void download() throws IOException {
        Entries.Filter filter = filter();
        Entries control = entries.get();
        ReportWorkbooks.ENTRIES.send(tenant.id(), new ReportWorkbooks.EntriesExport(filter, control));
    }

    private Entries.Filter filter() {
        return new Entries.Filter(from, to, journal, account, text);
    }

    public LazyDataModel<Entries.EntryView> getModel() {
        return model;
    }

    public List<Journal> getJournals() {
        return List.of(Journal.values());
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Journal getJournal() {
        return journal;
    }

    public void setJournal(Journal journal) {
        this.journal = journal;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public boolean isEditable() {
        return editable;
    }

    private final class EntriesModel extends LazyDataModel<Entries.EntryView> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            tenant.require(ReadsBooks.class);
            return Math.toIntExact(entries.get().list(filter(), 0, 1).total());
        }

        @Override
        public List<Entries.EntryView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            tenant.require(ReadsBooks.class);
            return entries.get().list(filter(), first, Math.min(pageSize, Entries.MAX_PAGE)).entries();
        }

        @Override
        public String getRowKey(Entries.EntryView entry) {
            return String.valueOf(entry.id());
        }
    }
}
