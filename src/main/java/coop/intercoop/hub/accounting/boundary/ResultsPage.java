package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import coop.intercoop.hub.accounting.control.Reports;

/**
 * The results account ({@code /org/accounting/results.xhtml}) between two dates in the abbreviated ESFL model (Real
 * Decreto 1491/2011), without the regularisation of a year-end in the range; on screen or as a spreadsheet. For
 * org-admins, accountants and auditors.
 */
@Named
@ViewScoped
public class ResultsPage extends PeriodReportPage<Reports.StatementReport> {

    private static final long serialVersionUID = 1L;

    @Override
    Reports.StatementReport read() {
        return reports.get().results(getFrom(), getTo());
    }

    @Override
    void send() throws IOException {
        Reports.StatementReport results = reports.get().results(getFrom(), getTo());
        WorkbookDownload.send(
                ReportWorkbooks.dated("cuenta-de-resultados-" + tenant.id(), results.from(), results.to()),
                "Cuenta de resultados abreviada (ESFL) del " + ReportWorkbooks.shown(results.from()) + " al "
                        + ReportWorkbooks.shown(results.to()),
                xlsx -> ReportWorkbooks.statement(xlsx, "Cuenta de resultados", results));
    }

    public Reports.StatementReport getReport() {
        return report();
    }
}
