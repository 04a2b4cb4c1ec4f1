package coop.intercoop.hub.accounting.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.accounting.entity.FiscalYear;
import coop.intercoop.hub.accounting.entity.LockDates;
import coop.intercoop.hub.accounting.entity.Period;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/**
 * The fiscal years of the checked organisation and the period a date belongs to. Called from {@link Tenanted}
 * boundaries and from other components' controls. Every write of a fiscal year goes through here, by JPA and the
 * entity's own methods: opening it, and closing ({@link YearEnd}), renumbering and legalising it
 * ({@link Legalisation}), each under the books lock its caller took.
 */
@Dependent
public class FiscalYears {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenant tenant;

    @Inject
    AuditTrail audit;

    @Inject
    Ledger ledger;

    public List<FiscalYear> all() {
        return em.createNamedQuery(FiscalYear.ALL, FiscalYear.class).getResultList();
    }

    /** Opens a fiscal year of twelve monthly periods, the calendar year when {@code start} is null. */
    public FiscalYear open(int year, LocalDate start) {
        return open(year, start, null);
    }

    /**
     * Opens a fiscal year with its monthly periods; see {@link FiscalYear#of} for the defaults. The check and the
     * insert happen under the organisation's books lock ({@link Ledger#lockBooks}), and the check reads the years
     * committed by now (a locking read), so two years opened at the same moment cannot both pass it: the second waits
     * for the first and then sees it.
     *
     * @throws OverlappingFiscalYearException
     *             if it would share a day or its label with a fiscal year the organisation has
     * @throws FiscalYearBehindHardLockException
     *             if every day of it lies on or before the hard lock, so that nothing could ever be posted in it
     */
    public FiscalYear open(int year, LocalDate start, LocalDate end) {
        FiscalYear opened = FiscalYear.of(year, start, end);
        ledger.lockBooks();
        em.createNamedQuery(FiscalYear.CLASHING, FiscalYear.class).setParameter("year", year)
                .setParameter("start", opened.getStartDate()).setParameter("end", opened.getEndDate())
                .setLockMode(LockModeType.PESSIMISTIC_READ).getResultStream().findFirst().ifPresent(clash -> {
                    throw new OverlappingFiscalYearException(opened, clash);
                });
        LockDates locks = em.find(LockDates.class, tenant.id(), LockModeType.PESSIMISTIC_READ);
        if (locks != null && locks.isHardLocked(opened.getEndDate())) {
            throw new FiscalYearBehindHardLockException(opened, locks.getHardLock());
        }
        em.persist(opened);
        em.flush();
        audit.record(tenant.id(), "accounting.fiscal-year-opened", "fiscal-year", String.valueOf(opened.getId()),
                year + ": " + opened.getStartDate() + " to " + opened.getEndDate());
        return opened;
    }

    /**
     * Closes the fiscal year ({@link FiscalYear#close}); year-end closing calls it last, under the books lock. Written
     * at once, so that the ledger's reads in the same transaction see it.
     */
    void close(long id) {
        change(id).close(Instant.now());
        em.flush();
    }

    /** Makes the numbering the year's current one ({@link FiscalYear#renumbered}); under the books lock. */
    void renumbered(long id, long numbering) {
        change(id).renumbered(numbering);
        em.flush();
    }

    /** Legalises the year's journal ({@link FiscalYear#legalise}); under the books lock. */
    void legalise(long id, long by) {
        change(id).legalise(Instant.now(), by);
        em.flush();
    }

    /** The organisation's fiscal year to change: EclipseLink names the organisation in the read and in the update. */
    private FiscalYear change(long id) {
        FiscalYear year = em.find(FiscalYear.class, id);
        if (year == null) {
            throw new NotFoundException("fiscal year", id);
        }
        return year;
    }

    /** The fiscal year containing {@code day}, or else the latest one; empty while the organisation has none. */
    public Optional<FiscalYear> containingOrLatest(LocalDate day) {
        List<FiscalYear> years = all();
        return years.stream().filter(y -> y.contains(day)).findFirst()
                .or(() -> years.isEmpty() ? Optional.empty() : Optional.of(years.get(years.size() - 1)));
    }

    /**
     * @throws DateOutsideFiscalYearsException
     *             if no fiscal year of the organisation contains the date
     */
    public Period periodOf(LocalDate date) {
        return em.createNamedQuery(Period.CONTAINING, Period.class).setParameter("date", date).getResultStream()
                .findFirst().orElseThrow(() -> new DateOutsideFiscalYearsException(date));
    }

    public static class OverlappingFiscalYearException extends HubException {
        private static final long serialVersionUID = 1L;

        public OverlappingFiscalYearException(FiscalYear requested, FiscalYear existing) {
            super(Kind.CONFLICT, "year", "year.overlap", new Object[] { requested.getYear(), requested.getStartDate(),
                    requested.getEndDate(), existing.getYear(), existing.getStartDate(), existing.getEndDate() });
        }
    }

    public static class FiscalYearBehindHardLockException extends HubException {
        private static final long serialVersionUID = 1L;

        public FiscalYearBehindHardLockException(FiscalYear requested, LocalDate hardLock) {
            super(Kind.CONFLICT, "year", "year.behind-hard-lock",
                    new Object[] { requested.getYear(), requested.getStartDate(), requested.getEndDate(), hardLock });
        }
    }

    public static class DateOutsideFiscalYearsException extends HubException {
        private static final long serialVersionUID = 1L;

        public DateOutsideFiscalYearsException(LocalDate date) {
            this("date", date);
        }

        public DateOutsideFiscalYearsException(String field, LocalDate date) {
            super(Kind.INVALID, field, "year.none", new Object[] { date });
        }
    }
}
