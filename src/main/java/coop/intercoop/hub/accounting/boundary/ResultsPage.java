package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.accounting.control.FinancialStatements;
import coop.intercoop.hub.platform.faces.Texts;

/**
 * The results account ({@code /org/accounting/results.xhtml}) between two dates in the model of the organisation's plan
 * ({@link coop.intercoop.hub.accounting.control.StatementModels}), without the regularisation of a year-end in the
 * range; on screen or as a spreadsheet. For org-admins, accountants and auditors.
 */
@Named
@ViewScoped
public class ResultsPage extends PeriodReportPage<FinancialStatements.StatementReport> {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<FinancialStatements> statements;

    @Inject
    Texts texts;

    @Override
    FinancialStatements.StatementReport read() {
        return statements.get().results(getFrom(), getTo(), texts.locale());
    }

    @Override
    void send() throws IOException {
        ReportWorkbooks.RESULTS.send(tenant.id(), read());
    }

    public FinancialStatements.StatementReport getReport() {
        return report();
    }
}
