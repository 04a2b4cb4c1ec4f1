package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.accounting.control.FinancialStatements;
import coop.intercoop.hub.platform.faces.Texts;

/**
 * The balance sheet ({@code /org/accounting/balance-sheet.xhtml}) at a date in the model of the organisation's plan
 * ({@link coop.intercoop.hub.accounting.control.StatementModels}), the year's surplus in equity until the year is
 * closed; on screen or as a spreadsheet. For org-admins, accountants and auditors.
 */
@Named
@ViewScoped
public class BalanceSheetPage extends DatedReportPage<FinancialStatements.StatementReport> {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<FinancialStatements> statements;

    @Inject
    Texts texts;

    @Override
    FinancialStatements.StatementReport read() {
        return statements.get().balanceSheet(getDate(), texts.locale());
    }

    @Override
    void send() throws IOException {
        ReportWorkbooks.BALANCE_SHEET.send(tenant.id(), read());
    }

    public FinancialStatements.StatementReport getReport() {
        return report();
    }
}
