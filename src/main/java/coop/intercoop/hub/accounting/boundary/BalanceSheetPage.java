package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import coop.intercoop.hub.accounting.control.Reports;

/**
 * The balance sheet ({@code /org/accounting/balance-sheet.xhtml}) at a date in the abbreviated ESFL model (Real Decreto
 * 1491/2011), the year's surplus in equity until the year is closed; on screen or as a spreadsheet. For org-admins,
 * accountants and auditors.
 */
@Named
@ViewScoped
public class BalanceSheetPage extends DatedReportPage<Reports.StatementReport> {

    private static final long serialVersionUID = 1L;

    @Override
    Reports.StatementReport read() {
        return reports.get().balanceSheet(getDate());
    }

    @Override
    void send() throws IOException {
        Reports.StatementReport sheet = reports.get().balanceSheet(getDate());
        WorkbookDownload.send(ReportWorkbooks.dated("balance-" + tenant.id(), sheet.to()),
                "Balance abreviado (ESFL) a " + ReportWorkbooks.shown(sheet.to()),
                xlsx -> ReportWorkbooks.statement(xlsx, "Balance", sheet));
    }

    public Reports.StatementReport getReport() {
        return report();
    }
}
