package coop.intercoop.hub.accounting.boundary;

import java.time.LocalDate;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.control.FiscalYears;

/** A report between two dates, opened on the fiscal year containing today, or on the last one. */
public abstract class PeriodReportPage<R> extends ReportPage<R> {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<FiscalYears> fiscalYears;

    private LocalDate from;
    private LocalDate to;

    @Override
    void open() {
        fiscalYears.get().containingOrLatest(LocalDate.now()).ifPresent(year -> {
            from = year.getStartDate();
            to = year.getEndDate();
            if (showsOnOpen()) {
                show();
            }
        });
    }

    /** Whether the dates are all the report needs, so that the page opens showing it. */
    boolean showsOnOpen() {
        return true;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
