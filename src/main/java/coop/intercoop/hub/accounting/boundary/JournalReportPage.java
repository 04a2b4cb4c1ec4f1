package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;

import coop.intercoop.hub.accounting.control.Entries;
import coop.intercoop.hub.accounting.control.JournalAndLedger;

/**
 * The journal (libro diario, {@code /org/accounting/journal.xhtml}) between two dates: the posted entries by date and
 * number, each with its lines, a page at a time; on screen or as a spreadsheet holding every entry of the range. For
 * org-admins, accountants and auditors.
 */
@Named
@ViewScoped
public class JournalReportPage extends PeriodReportPage<JournalAndLedger.JournalPage> {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<JournalAndLedger> books;

    private LazyDataModel<Entries.EntryView> entries;

    /** The range's number of entries; the entries are then read a page at a time. */
    @Override
    JournalAndLedger.JournalPage read() {
        entries = null;
        JournalAndLedger.JournalPage summary = books.get().journal(getFrom(), getTo(), 0, 1);
        entries = new Page(summary.from(), summary.to());
        return summary;
    }

    @Override
    void send() throws IOException {
        JournalAndLedger control = books.get();
        control.journal(getFrom(), getTo(), 0, 1);
        ReportWorkbooks.JOURNAL.send(tenant.id(), new ReportWorkbooks.JournalExport(getFrom(), getTo(), control));
    }

    public JournalAndLedger.JournalPage getSummary() {
        return report();
    }

    public LazyDataModel<Entries.EntryView> getEntries() {
        return entries;
    }

    /** The entries of the range shown. */
    private final class Page extends Rows<Entries.EntryView> {
        private static final long serialVersionUID = 1L;

        private final LocalDate start;
        private final LocalDate end;

        Page(LocalDate start, LocalDate end) {
            this.start = start;
            this.end = end;
        }

        @Override
        long total() {
            return books.get().journal(start, end, 0, 1).total();
        }

        @Override
        List<Entries.EntryView> page(int first, int size) {
            return books.get().journal(start, end, first, Math.min(size, Entries.MAX_PAGE)).entries();
        }

        @Override
        public String getRowKey(Entries.EntryView entry) {
            return String.valueOf(entry.id());
        }
    }
}
