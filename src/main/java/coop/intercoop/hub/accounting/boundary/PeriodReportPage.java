package coop.intercoop.hub.accounting.boundary;

import java.time.LocalDate;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.control.FiscalYears;
import coop.intercoop.hub.platform.DateParameters;

/**
 * A report between two dates: those of the page's address ({@code ?from=2025-01-01&to=2025-03-31}), else the fiscal
 * year containing today, or the last one.
 */
public abstract class PeriodReportPage<R> extends ReportPage<R> {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<FiscalYears> fiscalYears;

    private LocalDate from;
    private LocalDate to;
    private String fromParameter;
    private String toParameter;

    @Override
    void open() {
        from = DateParameters.date(fromParameter, "from");
        to = DateParameters.date(toParameter, "to");
        if (from == null || to == null) {
            fiscalYears.get().containingOrLatest(LocalDate.now()).ifPresent(year -> {
                from = from == null ? year.getStartDate() : from;
                to = to == null ? year.getEndDate() : to;
            });
        }
        if (from != null && to != null && showsOnOpen()) {
            show();
        }
    }

    /** Whether the dates are all the report needs, so that the page opens showing it. */
    boolean showsOnOpen() {
        return true;
    }

    /** The first date in the page's address, ISO: the one shown, or the one asked for. */
    public String getFromParameter() {
        return from == null ? fromParameter : from.toString();
    }

    public void setFromParameter(String fromParameter) {
        this.fromParameter = fromParameter;
    }

    /** The last date in the page's address, ISO. */
    public String getToParameter() {
        return to == null ? toParameter : to.toString();
    }

    public void setToParameter(String toParameter) {
        this.toParameter = toParameter;
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
