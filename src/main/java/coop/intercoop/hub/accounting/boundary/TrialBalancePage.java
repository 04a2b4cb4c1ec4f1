package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import coop.intercoop.hub.accounting.control.FiscalYears;
import coop.intercoop.hub.accounting.control.Reports;
import coop.intercoop.hub.accounting.entity.ReportLevel;
import coop.intercoop.hub.accounting.entity.TrialBalance;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/**
 * The trial balance (balance de sumas y saldos, {@code /org/accounting/trial-balance.xhtml}) at a date, from the first
 * day of its fiscal year, by group, three-digit account or posting account; on screen or as a spreadsheet. For
 * org-admins, accountants and auditors.
 */
@Named
@ViewScoped
public class TrialBalancePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @Inject
    Instance<Reports> reports;

    @Inject
    Instance<FiscalYears> fiscalYears;

    private LocalDate date;
    private ReportLevel level = ReportLevel.THREE_DIGITS;
    private TrialBalance report;

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
        report = reports.get().trialBalance(date, level);
    }

    @Transactional
    @Tenanted
    public void download() throws IOException {
        tenant.require(AccountingRoles.READ);
        TrialBalance tb = reports.get().trialBalance(date, level);
        WorkbookDownload.send(
                ReportWorkbooks.dated("sumas-y-saldos-" + tenant.id() + "-nivel-" + tb.level(), tb.date()),
                "Balance de sumas y saldos del " + ReportWorkbooks.shown(tb.from()) + " al "
                        + ReportWorkbooks.shown(tb.date()) + ", nivel " + tb.level(),
                xlsx -> ReportWorkbooks.trialBalance(xlsx, "Sumas y saldos", tb.rows(), tb.totals()));
    }

    public List<ReportLevel> getLevels() {
        return List.of(ReportLevel.values());
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public ReportLevel getLevel() {
        return level;
    }

    public void setLevel(ReportLevel level) {
        this.level = level;
    }

    public TrialBalance getReport() {
        return report;
    }
}
