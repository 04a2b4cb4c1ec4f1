package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.accounting.control.TrialBalances;
import coop.intercoop.hub.accounting.entity.ReportLevel;
import coop.intercoop.hub.accounting.entity.TrialBalance;

/**
 * The trial balance (balance de sumas y saldos, {@code /org/accounting/trial-balance.xhtml}) at a date, from the first
 * day of its fiscal year, by group, three-digit account or posting account, with or without the year's closing entries
 * and opening entry; on screen or as a spreadsheet. For org-admins, accountants and auditors.
 */
@Named
@ViewScoped
public class TrialBalancePage extends DatedReportPage<TrialBalance> {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<TrialBalances> trialBalances;

    private ReportLevel level = ReportLevel.THREE_DIGITS;

    private String levelParameter;
    private boolean excludeClosing;
    private boolean excludeOpening;

    /** The level and options of the page's address, then its date. */
    @Override
    void open() {
        level = Objects.requireNonNullElse(ReportLevel.fromString(levelParameter), ReportLevel.THREE_DIGITS);
        super.open();
    }

    @Override
    TrialBalance read() {
        return trialBalances.get().trialBalance(getDate(), level, excluded());
    }

    @Override
    void send() throws IOException {
        ReportWorkbooks.TRIAL_BALANCE.send(tenant.id(), read());
    }

    private TrialBalance.Excluded excluded() {
        return new TrialBalance.Excluded(excludeClosing, excludeOpening);
    }

    public List<ReportLevel> getLevels() {
        return List.of(ReportLevel.values());
    }

    /** The level in the page's address, as the API writes it: group, 3 or posting. */
    public String getLevelParameter() {
        return level.code();
    }

    public void setLevelParameter(String levelParameter) {
        this.levelParameter = levelParameter;
    }

    public ReportLevel getLevel() {
        return level;
    }

    public void setLevel(ReportLevel level) {
        this.level = level;
    }

    public boolean isExcludeClosing() {
        return excludeClosing;
    }

    public void setExcludeClosing(boolean excludeClosing) {
        this.excludeClosing = excludeClosing;
    }

    public boolean isExcludeOpening() {
        return excludeOpening;
    }

    public void setExcludeOpening(boolean excludeOpening) {
        this.excludeOpening = excludeOpening;
    }

    public TrialBalance getReport() {
        return report();
    }
}
