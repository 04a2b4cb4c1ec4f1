package coop.intercoop.hub.accounting.entity;

import java.time.Instant;
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

    /** Set by year-end closing ({@link #close}); nothing can be posted in a closed year. */
    @Column(name = "closed_at", insertable = false)
    private Instant closedAt;

    /**
     * The year's current numbering by date (accounting.control.Legalisation), a sealed record of its own; null while
     * the year is numbered in posting order.
     */
    @Column(name = "numbering_id", insertable = false)
    private Long numberingId;

    /**
     * Set when the year's journal is legalised ({@link #legalise}): its entry numbers are final and nothing more can be
     * posted in the year.
     */
    @Column(name = "legalised_at", insertable = false)
    private Instant legalisedAt;

    /** The user who legalised the journal. */
    @Column(name = "legalised_by", insertable = false)
    private Long legalisedBy;

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

    /**
     * Closes the year for good: nothing more is posted in it. Year-end closing calls it last, under the books lock,
     * once its entries are posted.
     *
     * @throws IllegalStateException
     *             if it is closed already, which year-end closing refuses before it posts anything
     */
    public void close(Instant at) {
        if (closedAt != null) {
            throw new IllegalStateException("The fiscal year " + year + " is closed already");
        }
        closedAt = at;
    }

    /**
     * The year's entries are numbered by date by this numbering from now on (a new version replaces the previous one).
     *
     * @throws IllegalStateException
     *             if the year is legalised, whose numbers are final: renumbering refuses it before it numbers anything
     */
    public void renumbered(long numbering) {
        requireNotLegalised();
        numberingId = numbering;
    }

    /**
     * Legalises the year's journal: its numbers, those of its current numbering or else the posting numbers, are final,
     * and nothing more is posted, reversed or renumbered in it.
     *
     * @throws IllegalStateException
     *             if it is legalised already, which legalisation refuses before
     */
    public void legalise(Instant at, long by) {
        requireNotLegalised();
        legalisedAt = at;
        legalisedBy = by;
    }

    private void requireNotLegalised() {
        if (legalisedAt != null) {
            throw new IllegalStateException("The fiscal year " + year + " is legalised");
        }
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
