package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import coop.intercoop.hub.accounting.control.FiscalYears;
import coop.intercoop.hub.accounting.control.Reports;
import coop.intercoop.hub.accounting.entity.FiscalYear;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/**
 * The results account ({@code /org/accounting/results.xhtml}) between two dates in the abbreviated ESFL model (Real
 * Decreto 1491/2011), without the regularisation of a year-end in the range; on screen or as a spreadsheet. For
 * org-admins, accountants and auditors.
 */
@Named
@ViewScoped
public class ResultsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @Inject
    Instance<Reports> reports;

    @Inject
    Instance<FiscalYears> fiscalYears;

    private LocalDate from;
    private LocalDate to;
    private Reports.StatementReport report;

    /** Opens on the fiscal year containing today, or the last one. */
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

    @Transactional
    @Tenanted
    public void show() {
        tenant.require(AccountingRoles.READ);
        report = null;
        report = reports.get().results(from, to);
    }

    @Transactional
    @Tenanted
    public void download() throws IOException {
        tenant.require(AccountingRoles.READ);
        Reports.StatementReport results = reports.get().results(from, to);
        WorkbookDownload.send(
                ReportWorkbooks.dated("cuenta-de-resultados-" + tenant.id(), results.from(), results.to()),
                "Cuenta de resultados abreviada (ESFL) del " + ReportWorkbooks.shown(results.from()) + " al "
                        + ReportWorkbooks.shown(results.to()),
                xlsx -> ReportWorkbooks.statement(xlsx, "Cuenta de resultados", results));
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

    public Reports.StatementReport getReport() {
        return report;
    }
}
