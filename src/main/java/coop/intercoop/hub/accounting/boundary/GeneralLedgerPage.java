package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import coop.intercoop.hub.accounting.control.FiscalYears;
import coop.intercoop.hub.accounting.control.Reports;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/**
 * The general ledger (libro mayor, {@code /org/accounting/ledger.xhtml}) of an account, or of every account under a
 * heading, between two dates: opening balance, the lines a page at a time with their running balance, closing balance;
 * on screen or as a spreadsheet. For org-admins, accountants and auditors.
 */
@Named
@ViewScoped
public class GeneralLedgerPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @Inject
    Instance<Reports> reports;

    @Inject
    Instance<FiscalYears> fiscalYears;

    private String account;
    private LocalDate from;
    private LocalDate to;
    private Reports.LedgerPage summary;
    private LazyDataModel<Reports.LedgerLine> lines;

    /** Opens on the fiscal year containing today, or the last one. */
    @Transactional
    @Tenanted
    public void load() {
        tenant.require(AccountingRoles.READ);
        fiscalYears.get().containingOrLatest(LocalDate.now()).ifPresent(y -> {
            from = y.getStartDate();
            to = y.getEndDate();
        });
    }

    /** The figures of the range; its lines are then read a page at a time. */
    @Transactional
    @Tenanted
    public void show() {
        tenant.require(AccountingRoles.READ);
        summary = null;
        lines = null;
        summary = reports.get().ledger(account, from, to, 0, 1);
        lines = new Lines(summary.account(), summary.from(), summary.to());
    }

    @Transactional
    @Tenanted
    public void download() throws IOException {
        tenant.require(AccountingRoles.READ);
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

    public Reports.LedgerPage getSummary() {
        return summary;
    }

    public LazyDataModel<Reports.LedgerLine> getLines() {
        return lines;
    }

    /** The lines of the range shown, read through {@link Reports} in the organisation checked for each request. */
    private final class Lines extends LazyDataModel<Reports.LedgerLine> {
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
        public int count(Map<String, FilterMeta> filterBy) {
            tenant.require(AccountingRoles.READ);
            return Math.toIntExact(reports.get().ledger(code, start, end, 0, 1).total());
        }

        @Override
        public List<Reports.LedgerLine> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            tenant.require(AccountingRoles.READ);
            return reports.get().ledger(code, start, end, first, Math.min(pageSize, Reports.MAX_PAGE)).lines();
        }

        @Override
        public String getRowKey(Reports.LedgerLine line) {
            return line.entryId() + "-" + line.number() + "-" + line.account() + "-" + line.balance();
        }
    }
}
