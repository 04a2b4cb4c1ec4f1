package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;

import coop.intercoop.hub.accounting.control.Reports;

/**
 * The general ledger (libro mayor, {@code /org/accounting/ledger.xhtml}) of an account, or of every account under a
 * heading, between two dates: opening balance, the lines a page at a time with their running balance, closing balance;
 * on screen or as a spreadsheet. For org-admins, accountants and auditors.
 */
@Named
@ViewScoped
public class GeneralLedgerPage extends PeriodReportPage<Reports.LedgerPage> {

    private static final long serialVersionUID = 1L;

    private String account;
    private LazyDataModel<Reports.LedgerLine> lines;

    /** Without an account in its address, the page opens on the dates and waits for the account to be typed. */
    @Override
    boolean showsOnOpen() {
        return account != null && !account.isBlank();
    }

    /** The figures of the range; its lines are then read a page at a time. */
    @Override
    Reports.LedgerPage read() {
        lines = null;
        Reports.LedgerPage summary = reports.get().ledger(account, getFrom(), getTo(), 0, 1);
        lines = new Lines(summary.account(), summary.from(), summary.to());
        return summary;
    }

    @Override
    void send() throws IOException {
        LocalDate from = getFrom();
        LocalDate to = getTo();
        Reports control = reports.get();
        Reports.LedgerPage head = control.ledger(account, from, to, 0, 1);
        WorkbookDownload.send(ReportWorkbooks.dated("mayor-" + head.account(), from, to),
                "Libro mayor de la cuenta " + head.account() + " " + head.name() + " del " + ReportWorkbooks.shown(from)
                        + " al " + ReportWorkbooks.shown(to),
                ReportWorkbooks.Writing.PIPED, xlsx -> ReportWorkbooks.ledger(xlsx, control, head));
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public Reports.LedgerPage getSummary() {
        return report();
    }

    public LazyDataModel<Reports.LedgerLine> getLines() {
        return lines;
    }

    /** The lines of the range shown. */
    private final class Lines extends Rows<Reports.LedgerLine> {
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
            return reports.get().ledger(code, start, end, 0, 1).total();
        }

        @Override
        List<Reports.LedgerLine> page(int first, int size) {
            return reports.get().ledger(code, start, end, first, Math.min(size, Reports.MAX_PAGE)).lines();
        }

        @Override
        public String getRowKey(Reports.LedgerLine line) {
            return line.entryId() + "-" + line.number() + "-" + line.account() + "-" + line.balance();
        }
    }
}
