package coop.intercoop.hub.accounting.boundary;

import java.time.LocalDate;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.control.FiscalYears;

/**
 * A report at a date, opened at today, or at the end of the last fiscal year when today is in none; nothing is shown
 * while the organisation has no fiscal year.
 */
public abstract class DatedReportPage<R> extends ReportPage<R> {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<FiscalYears> fiscalYears;

    private LocalDate date;

    @Override
    void open() {
        LocalDate today = LocalDate.now();
        date = today;
        fiscalYears.get().containingOrLatest(today).ifPresent(year -> {
            date = year.contains(today) ? today : year.getEndDate();
            show();
        });
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }
}
