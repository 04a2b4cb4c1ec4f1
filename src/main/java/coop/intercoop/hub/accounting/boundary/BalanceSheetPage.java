package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import coop.intercoop.hub.accounting.control.FiscalYears;
import coop.intercoop.hub.accounting.control.Reports;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/**
 * The balance sheet ({@code /org/accounting/balance-sheet.xhtml}) at a date in the abbreviated ESFL model (Real Decreto
 * 1491/2011), the year's surplus in equity until the year is closed; on screen or as a spreadsheet. For org-admins,
 * accountants and auditors.
 */
@Named
@ViewScoped
public class BalanceSheetPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @Inject
    Instance<Reports> reports;

    @Inject
    Instance<FiscalYears> fiscalYears;

    private LocalDate date;
    private Reports.StatementReport report;

    /** Opens at today, or at the end of the last fiscal year when today is in none. */
    @Transactional
    @Tenanted
    public void load() {
        tenant.require(AccountingRoles.READ);
        LocalDate today = LocalDate.now();
        date = today;
        fiscalYears.get().containingOrLatest(today).ifPresent(year -> {
            date = year.contains(today) ? today : year.getEndDate();
            show();
        });
    }

    @Transactional
    @Tenanted
    public void show() {
        tenant.require(AccountingRoles.READ);
        report = null;
        report = reports.get().balanceSheet(date);
    }

    @Transactional
    @Tenanted
    public void download() throws IOException {
        tenant.require(AccountingRoles.READ);
        Reports.StatementReport sheet = reports.get().balanceSheet(date);
        WorkbookDownload.send(ReportWorkbooks.dated("balance-" + tenant.id(), sheet.to()),
                "Balance abreviado (ESFL) a " + ReportWorkbooks.shown(sheet.to()),
                xlsx -> ReportWorkbooks.statement(xlsx, "Balance", sheet));
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public Reports.StatementReport getReport() {
        return report;
    }
}
