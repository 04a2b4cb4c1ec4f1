package coop.intercoop.hub.accounting.boundary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.accounting.control.FiscalYears;
import coop.intercoop.hub.accounting.control.Ledger;
import coop.intercoop.hub.accounting.control.Legalisation;
import coop.intercoop.hub.accounting.control.Locks;
import coop.intercoop.hub.accounting.control.YearEnd;
import coop.intercoop.hub.accounting.entity.FiscalYear;
import coop.intercoop.hub.accounting.entity.LockDates;

/**
 * The organisation's fiscal years and lock dates ({@code /org/accounting/fiscal-years.xhtml}): those who keep the books
 * open a year, close it ({@link YearEnd}), renumber its journal by date and mark it legalised ({@link Legalisation})
 * and move the locks, auditors read them. The lock dates are saved with the version read, so a concurrent change is
 * refused rather than overwritten.
 */
@Named
@ViewScoped
public class FiscalYearsPage extends PostingPage {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<FiscalYears> fiscalYears;

    @Inject
    Instance<Locks> locks;

    @Inject
    Instance<YearEnd> yearEnd;

    @Inject
    Instance<Legalisation> legalisation;

    private List<FiscalYear> years = List.of();
    private Integer year;
    private LocalDate startDate;
    private LocalDate endDate;
    private LocalDate softLock;
    private LocalDate hardLock;
    private int locksVersion;

    @ReadsBooks
    public void load() {
        readRoles();
        refresh();
        year = years.isEmpty() ? LocalDate.now().getYear() : years.get(years.size() - 1).getYear() + 1;
    }

    @KeepsBooks
    public void open() {
        FiscalYear opened = fiscalYears.get().open(year, startDate, endDate);
        refresh();
        year = opened.getYear() + 1;
        startDate = null;
        endDate = null;
        texts.inform("fiscalYears.opened", String.valueOf(opened.getYear()));
    }

    /**
     * Year-end closing: transfer of groups 8 and 9, regularisation, closing and opening entries, and the year closed,
     * all or nothing. Past the soft lock only an accountant closes, with a reason, as for any posting. The page is then
     * loaded again: the years are read in a new transaction, since closing marks the year closed in the database, not
     * in the entities it read.
     */
    @KeepsBooks
    public String close(int closed) {
        YearEnd.Closing closing = yearEnd.get().close(closed, softLockOverride());
        List<String> entries = new ArrayList<>();
        add(entries, "yearEnd.transfer", closing.transfer());
        add(entries, "yearEnd.regularisation", closing.regularisation());
        add(entries, "yearEnd.closing", closing.closing());
        add(entries, "yearEnd.opening", closing.opening());
        texts.inform("yearEnd.closed", String.valueOf(closed),
                entries.isEmpty() ? texts.get("yearEnd.noEntries") : String.join(", ", entries));
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/org/accounting/fiscal-years?faces-redirect=true";
    }

    /** Numbers the year's entries again by date, as a new sealed numbering ({@link Legalisation#renumber}). */
    @KeepsBooks
    public void renumber(int renumbered) {
        Legalisation.Numbering numbering = legalisation.get().renumber(renumbered);
        refresh();
        texts.inform("legalisation.renumbered", String.valueOf(renumbered), numbering.entries(), numbering.version());
    }

    /**
     * Marks the year's journal as legalised ({@link Legalisation#legalise}); the page is loaded again, as after
     * closing, since the legalisation is written to the database, not to the entities read.
     */
    @KeepsBooks
    public String legalise(int legalised) {
        legalisation.get().legalise(legalised);
        texts.inform("legalisation.legalised", String.valueOf(legalised));
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/org/accounting/fiscal-years?faces-redirect=true";
    }

    private void add(List<String> entries, String key, Ledger.Posted posted) {
        if (posted != null) {
            entries.add(texts.format(key, posted.number(), String.valueOf(posted.fiscalYear())));
        }
    }

    @KeepsBooks
    public void changeLocks() {
        locks.get().change(locksVersion, softLock, hardLock);
        refresh();
        texts.inform("locks.saved");
    }

    private void refresh() {
        years = fiscalYears.get().all();
        LockDates current = locks.get().current();
        softLock = current.getSoftLock();
        hardLock = current.getHardLock();
        locksVersion = current.getVersion();
    }

    public List<FiscalYear> getYears() {
        return years;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public LocalDate getSoftLock() {
        return softLock;
    }

    public void setSoftLock(LocalDate softLock) {
        this.softLock = softLock;
    }

    public LocalDate getHardLock() {
        return hardLock;
    }

    public void setHardLock(LocalDate hardLock) {
        this.hardLock = hardLock;
    }
}
