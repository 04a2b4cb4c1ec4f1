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
 * A fiscal year (ejercicio) of twelve months, split into twelve monthly periods. Annual accounts cover twelve months
 * (PGC, RD 1514/2007, tercera parte, norma 1ª); the year is the calendar year unless the organisation's statutes set
 * another first month, and it is labelled with the calendar year it starts in. Shorter years (the first one after
 * constitution, or a change of closing date) are not supported yet. Year-end closing closes a year for good.
 */
@Entity
@Table(name = "fiscal_year")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "org_id")
@NamedQuery(name = FiscalYear.ALL, query = "SELECT f FROM FiscalYear f ORDER BY f.startDate")
@NamedQuery(name = FiscalYear.OVERLAPPING, query = "SELECT f FROM FiscalYear f WHERE f.startDate <= :end AND f.endDate >= :start")
public class FiscalYear {

    public static final String ALL = "FiscalYear.all";
    public static final String OVERLAPPING = "FiscalYear.overlapping";
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
        checkYear(year);
        if (start == null) {
            return calendar(year);
        }
        if (start.getDayOfMonth() != 1) {
            throw new InvalidFiscalYearException("startDate",
                    "A fiscal year starts on the first day of a month; " + start + " is not.");
        }
        if (start.getYear() != year) {
            throw new InvalidFiscalYearException("startDate",
                    "The fiscal year " + year + " is labelled with the year it starts in, so it must start in " + year
                            + ", not on " + start + ".");
        }
        FiscalYear fiscalYear = new FiscalYear();
        fiscalYear.year = year;
        fiscalYear.startDate = start;
        fiscalYear.endDate = start.plusMonths(MONTHS).minusDays(1);
        for (int n = 1; n <= MONTHS; n++) {
            LocalDate first = start.plusMonths(n - 1L);
            fiscalYear.periods.add(new Period(fiscalYear, n, first, first.plusMonths(1).minusDays(1)));
        }
        return fiscalYear;
    }

    private static int checkYear(int year) {
        if (year < 1900 || year > 9999) {
            throw new InvalidFiscalYearException("year", "The year " + year + " is out of range (1900 to 9999).");
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

    public List<Period> getPeriods() {
        return Collections.unmodifiableList(periods);
    }

    public int getVersion() {
        return version;
    }
}
