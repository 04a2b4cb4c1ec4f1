package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;

import coop.intercoop.hub.accounting.control.JournalAndLedger;

/**
 * The general ledger (libro mayor, {@code /org/accounting/ledger.xhtml}) of an account, or of every account under a
 * heading, between two dates: opening balance, the lines a page at a time with their running balance, closing balance;
 * on screen or as a spreadsheet. For org-admins, accountants and auditors.
 */
@Named
@ViewScoped
public class GeneralLedgerPage extends PeriodReportPage<JournalAndLedger.LedgerPage> {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<JournalAndLedger> books;

    private String account;
    private LazyDataModel<JournalAndLedger.LedgerLine> lines;

    /** Without an account in its address, the page opens on the dates and waits for the account to be typed. */
    @Override
    boolean showsOnOpen() {
        return account != null && !account.isBlank();
    }

    /** The figures of the range; its lines are then read a page at a time. */
    @Override
    JournalAndLedger.LedgerPage read() {
        lines = null;
        JournalAndLedger.LedgerPage summary = books.get().ledger(account, getFrom(), getTo(), 0, 1);
        lines = new Lines(summary.account(), summary.from(), summary.to());
        return summary;
    }

    @Override
    void send() throws IOException {
        JournalAndLedger control = books.get();
        ReportWorkbooks.LEDGER.send(tenant.id(),
                new ReportWorkbooks.LedgerExport(control.ledger(account, getFrom(), getTo(), 0, 1), control));
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public JournalAndLedger.LedgerPage getSummary() {
        return report();
    }

    public LazyDataModel<JournalAndLedger.LedgerLine> getLines() {
        return lines;
    }

    /** The lines of the range shown. */
    private final class Lines extends Rows<JournalAndLedger.LedgerLine> {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final LocalDate start;
        private final LocalDate end;

        Lines(String code, LocalDate start, LocalDate end) {
            this.code = code;
            this.start = start;
            this.end = end;
        }

        @Override
        long total() {
            return books.get().ledger(code, start, end, 0, 1).total();
        }

        @Override
        List<JournalAndLedger.LedgerLine> page(int first, int size) {
            return books.get().ledger(code, start, end, first, Math.min(size, JournalAndLedger.MAX_PAGE)).lines();
        }

        @Override
        public String getRowKey(JournalAndLedger.LedgerLine line) {
            return line.entryId() + "-" + line.number() + "-" + line.account() + "-" + line.balance();
        }
    }
}
