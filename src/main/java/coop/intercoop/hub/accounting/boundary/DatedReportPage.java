package coop.intercoop.hub.accounting.boundary;

import java.time.LocalDate;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.control.FiscalYears;
import coop.intercoop.hub.platform.DateParameters;

/**
 * A report at a date: the date of the page's address ({@code ?date=2025-12-31}), else today, or the end of the last
 * fiscal year when today is in none; nothing is shown while the organisation has no fiscal year and the address names
 * no date.
 */
public abstract class DatedReportPage<R> extends ReportPage<R> {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<FiscalYears> fiscalYears;

    private LocalDate date;
    private String dateParameter;

    @Override
    void open() {
        date = DateParameters.date(dateParameter, "date");
        if (date != null) {
            show();
            return;
        }
        LocalDate today = LocalDate.now();
        date = today;
        fiscalYears.get().containingOrLatest(today).ifPresent(year -> {
            date = year.contains(today) ? today : year.getEndDate();
            show();
        });
    }

    /** The date in the page's address, ISO: the one shown, or the one asked for. */
    public String getDateParameter() {
        return date == null ? dateParameter : date.toString();
    }

    public void setDateParameter(String dateParameter) {
        this.dateParameter = dateParameter;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }
}
