package coop.intercoop.hub.accounting.entity;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An organisation's two lock dates. Nothing dated on or before the <em>hard lock</em> may be posted, reversed or
 * imported, by anyone, and the hard lock only moves forward. Before the <em>soft lock</em> an accountant may still post
 * with an explicit, audited override; the soft lock may be moved either way or cleared at any time, and a soft lock on
 * or before the hard lock has no effect of its own. Keyed by the organisation itself, so it is read with the checked
 * organisation's id rather than through EclipseLink's tenant discriminator.
 */
@Entity
@Table(name = "lock_dates")
public class LockDates {

    @Id
    @Column(name = "org_id")
    private Long orgId;

    @Column(name = "soft_lock")
    private LocalDate softLock;

    @Column(name = "hard_lock")
    private LocalDate hardLock;

    @Version
    private int version;

    protected LockDates() {
    }

    /** Nothing locked yet. */
    public LockDates(long orgId) {
        this.orgId = orgId;
    }

    /** The lock dates as the books hold them, read for checking a posting ({@code null}: not set). */
    public LockDates(long orgId, LocalDate softLock, LocalDate hardLock) {
        this.orgId = orgId;
        this.softLock = softLock;
        this.hardLock = hardLock;
    }

    /**
     * Moves the hard lock to {@code date}, or leaves it where it is if it already is there.
     *
     * @throws HardLockMovedBackException
     *             if that would move it back or remove it
     */
    public void hardLockOn(LocalDate date) {
        if (hardLock != null && (date == null || date.isBefore(hardLock))) {
            throw new HardLockMovedBackException(hardLock, date);
        }
        hardLock = date;
    }

    /** Sets the soft lock to any date, or clears it with null. */
    public void softLockOn(LocalDate date) {
        softLock = date;
    }

    /** Whether nothing dated {@code date} may be posted any more. */
    public boolean isHardLocked(LocalDate date) {
        return hardLock != null && !date.isAfter(hardLock);
    }

    /** Whether posting on {@code date} needs an accountant's explicit override (and is not hard-locked). */
    public boolean isSoftLocked(LocalDate date) {
        return softLock != null && !date.isAfter(softLock) && !isHardLocked(date);
    }

    public long getOrgId() {
        return orgId;
    }

    public LocalDate getSoftLock() {
        return softLock;
    }

    public LocalDate getHardLock() {
        return hardLock;
    }

    public int getVersion() {
        return version;
    }
}
