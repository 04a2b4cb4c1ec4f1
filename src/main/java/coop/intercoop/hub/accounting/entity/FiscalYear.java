package coop.intercoop.hub.accounting.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A fiscal year (ejercicio), split into monthly periods. Annual accounts cover twelve months (PGC, RD 1514/2007,
 * tercera parte, norma 1ª); the year is the calendar year unless the organisation's statutes set another first month,
 * and it is labelled with the calendar year it starts in. Shorter years (the first one after constitution, or a change
 * of closing date) have fewer periods. Year-end closing closes a year for good.
 */
@Entity
@Table(name = "fiscal_year")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "org_id")
@NamedQuery(name = FiscalYear.ALL, query = "SELECT f FROM FiscalYear f ORDER BY f.startDate")
@NamedQuery(name = FiscalYear.CLASHING, query = "SELECT f FROM FiscalYear f WHERE f.year = :year"
        + " OR (f.startDate <= :end AND f.endDate >= :start) ORDER BY f.startDate")
public class FiscalYear {

    public static final String ALL = "FiscalYear.all";
    /** The fiscal years with the same label as, or a day in common with, a year to open. */
    public static final String CLASHING = "FiscalYear.clashing";
    public static final int MONTHS = 12;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "year")
    private int year;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    /** Set by year-end closing; nothing can be posted in a closed year. */
    @Column(name = "closed_at", insertable = false, updatable = false)
    private java.time.Instant closedAt;

    /**
     * Set when the year's journal is legalised (accounting.control.Legalisation): its entry numbers are final and
     * nothing more can be posted in the year.
     */
    @Column(name = "legalised_at", insertable = false, updatable = false)
    private java.time.Instant legalisedAt;

    @OneToMany(mappedBy = "fiscalYear", cascade = CascadeType.PERSIST)
    @OrderBy("number")
    private List<Period> periods = new ArrayList<>();

    @Version
    private int version;

    protected FiscalYear() {
    }

    /** The calendar year: 1 January to 31 December. */
    public static FiscalYear calendar(int year) {
        return startingOn(year, LocalDate.of(checkYear(year), 1, 1));
    }

    /**
     * Twelve months from {@code start}, which must be the first day of a month in {@code year}.
     *
     * @throws InvalidFiscalYearException
     *             naming the field that is wrong
     */
    public static FiscalYear startingOn(int year, LocalDate start) {
        if (start != null && start.getDayOfMonth() != 1) {
            throw new InvalidFiscalYearException("startDate", "year.start.day", start);
        }
        return of(year, start, null);
    }

    /**
     * A fiscal year from {@code start} to {@code end}: twelve months, or fewer for the first year after constitution or
     * a change of closing date. The year starts in {@code year} (the calendar year when {@code start} is null), on the
     * first day of a month unless it is a shorter year, and ends on the last day of a month at most twelve months
     * later. Without {@code end} a year starting on the first of a month lasts twelve months and a shorter first year
     * ends on 31 December. Each calendar month of the year is one period; the first and last may be partial.
     *
     * @throws InvalidFiscalYearException
     *             naming the field that is wrong
     */
    public static FiscalYear of(int year, LocalDate start, LocalDate end) {
        checkYear(year);
        LocalDate first = start == null ? LocalDate.of(year, 1, 1) : start;
        if (first.getYear() != year) {
            throw new InvalidFiscalYearException("startDate", "year.start.year", year, first);
        }
        LocalDate last = end != null ? end
                : first.getDayOfMonth() == 1 ? first.plusMonths(MONTHS).minusDays(1) : LocalDate.of(year, 12, 31);
        if (!last.isAfter(first)) {
            throw new InvalidFiscalYearException("endDate", "year.end.before", last, first);
        }
        if (last.getDayOfMonth() != last.lengthOfMonth()) {
            throw new InvalidFiscalYearException("endDate", "year.end.day", last);
        }
        if (last.isAfter(first.plusMonths(MONTHS).minusDays(1))) {
            throw new InvalidFiscalYearException("endDate", "year.long", first, last);
        }
        FiscalYear fiscalYear = new FiscalYear();
        fiscalYear.year = year;
        fiscalYear.startDate = first;
        fiscalYear.endDate = last;
        LocalDate from = first;
        for (int n = 1; !from.isAfter(last); n++) {
            LocalDate monthEnd = from.withDayOfMonth(from.lengthOfMonth());
            fiscalYear.periods.add(new Period(fiscalYear, n, from, monthEnd));
            from = monthEnd.plusDays(1);
        }
        return fiscalYear;
    }

    private static int checkYear(int year) {
        if (year < 1900 || year > 9999) {
            throw new InvalidFiscalYearException("year", "year.range", year);
        }
        return year;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }

    /** The period of a date of this year, if the date falls in it. */
    public Optional<Period> periodOf(LocalDate date) {
        return periods.stream().filter(p -> p.contains(date)).findFirst();
    }

    public Long getId() {
        return id;
    }

    public int getYear() {
        return year;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public boolean isLegalised() {
        return legalisedAt != null;
    }

    public List<Period> getPeriods() {
        return Collections.unmodifiableList(periods);
    }

    public int getVersion() {
        return version;
    }
}
