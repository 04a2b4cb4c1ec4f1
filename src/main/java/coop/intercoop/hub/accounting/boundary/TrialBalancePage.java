package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import coop.intercoop.hub.accounting.entity.ReportLevel;
import coop.intercoop.hub.accounting.entity.TrialBalance;

/**
 * The trial balance (balance de sumas y saldos, {@code /org/accounting/trial-balance.xhtml}) at a date, from the first
 * day of its fiscal year, by group, three-digit account or posting account; on screen or as a spreadsheet. For
 * org-admins, accountants and auditors.
 */
@Named
@ViewScoped
public class TrialBalancePage extends DatedReportPage<TrialBalance> {

    private static final long serialVersionUID = 1L;

    private ReportLevel level = ReportLevel.THREE_DIGITS;

    @Override
    TrialBalance read() {
        return reports.get().trialBalance(getDate(), level);
    }

    @Override
    void send() throws IOException {
        TrialBalance tb = reports.get().trialBalance(getDate(), level);
        WorkbookDownload.send(
                ReportWorkbooks.dated("sumas-y-saldos-" + tenant.id() + "-nivel-" + tb.level(), tb.date()),
                "Balance de sumas y saldos del " + ReportWorkbooks.shown(tb.from()) + " al "
                        + ReportWorkbooks.shown(tb.date()) + ", nivel " + tb.level(),
                xlsx -> ReportWorkbooks.trialBalance(xlsx, "Sumas y saldos", tb.rows(), tb.totals()));
    }

    public List<ReportLevel> getLevels() {
        return List.of(ReportLevel.values());
    }

    public ReportLevel getLevel() {
        return level;
    }

    public void setLevel(ReportLevel level) {
        this.level = level;
    }

    public TrialBalance getReport() {
        return report();
    }
}
