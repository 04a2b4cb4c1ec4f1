package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import coop.intercoop.hub.accounting.control.Entries;
import coop.intercoop.hub.accounting.control.FiscalYears;
import coop.intercoop.hub.accounting.control.Reports;
import coop.intercoop.hub.accounting.entity.FiscalYear;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/**
 * The journal (libro diario, {@code /org/accounting/journal.xhtml}) between two dates: the posted entries by date and
 * number, each with its lines, a page at a time; on screen or as a spreadsheet holding every entry of the range. For
 * org-admins, accountants and auditors.
 */
@Named
@ViewScoped
public class JournalReportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @Inject
    Instance<Reports> reports;

    @Inject
    Instance<FiscalYears> fiscalYears;

    private LocalDate from;
    private LocalDate to;
    private Reports.JournalPage summary;
    private LazyDataModel<Entries.EntryView> entries;

    /** Opens on the fiscal year containing today, or the last one, and shows it. */
    @Transactional
    @Tenanted
    public void load() {
        tenant.require(AccountingRoles.READ);
        Optional<FiscalYear> year = fiscalYears.get().containingOrLatest(LocalDate.now());
        if (year.isPresent()) {
            from = year.get().getStartDate();
            to = year.get().getEndDate();
            show();
        }
    }

    /** The range's number of entries; the entries are then read a page at a time. */
    @Transactional
    @Tenanted
    public void show() {
        tenant.require(AccountingRoles.READ);
        summary = null;
        entries = null;
        summary = reports.get().journal(from, to, 0, 1);
        entries = new Page(summary.from(), summary.to());
    }

    @Transactional
    @Tenanted
    public void download() throws IOException {
        tenant.require(AccountingRoles.READ);
        Reports control = reports.get();
        control.journal(from, to, 0, 1);
        WorkbookDownload.send(ReportWorkbooks.dated("diario-" + tenant.id(), from, to),
                "Libro diario del " + ReportWorkbooks.shown(from) + " al " + ReportWorkbooks.shown(to),
                ReportWorkbooks.Writing.PIPED, xlsx -> ReportWorkbooks.journal(xlsx, control, from, to));
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

    public Reports.JournalPage getSummary() {
        return summary;
    }

    public LazyDataModel<Entries.EntryView> getEntries() {
        return entries;
    }

    /** The entries of the range shown, read in the organisation checked for each request. */
    private final class Page extends LazyDataModel<Entries.EntryView> {
        private static final long serialVersionUID = 1L;

        private final LocalDate start;
        private final LocalDate end;

        Page(LocalDate start, LocalDate end) {
            this.start = start;
            this.end = end;
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            tenant.require(AccountingRoles.READ);
            return Math.toIntExact(reports.get().journal(start, end, 0, 1).total());
        }

        @Override
        public List<Entries.EntryView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            tenant.require(AccountingRoles.READ);
            return reports.get().journal(start, end, first, Math.min(pageSize, Entries.MAX_PAGE)).entries();
        }

        @Override
        public String getRowKey(Entries.EntryView entry) {
            return String.valueOf(entry.id());
        }
    }
}
