package coop.intercoop.hub.accounting.control;

import java.sql.SQLIntegrityConstraintViolationException;
import java.time.LocalDate;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.accounting.entity.LockDates;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The lock dates of the checked organisation. {@link LockDates} is keyed by the organisation, so it is always read with
 * the checked organisation's id.
 */
@Dependent
public class Locks {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenant tenant;

    @Inject
    AuditTrail audit;

    @Inject
    Ledger ledger;

    /** The organisation's lock dates; nothing locked (version 0) if it never set any. */
    public LockDates current() {
        LockDates locks = em.find(LockDates.class, tenant.id());
        return locks == null ? new LockDates(tenant.id()) : locks;
    }

    /**
     * Sets both lock dates; {@code expectedVersion} is the version read.
     *
     * @throws coop.intercoop.hub.accounting.entity.HardLockMovedBackException
     *             if the hard lock would move back or be removed
     */
    public LockDates change(int expectedVersion, LocalDate softLock, LocalDate hardLock) {
        // moving a lock waits for postings in progress, and postings wait for it: none slips in behind a new lock
        ledger.lockBooks();
        LockDates locks = em.find(LockDates.class, tenant.id());
        boolean created = locks == null;
        if (created) {
            locks = new LockDates(tenant.id());
        }
        if (locks.getVersion() != expectedVersion) {
            throw new OptimisticLockException(locks);
        }
        locks.hardLockOn(hardLock);
        locks.softLockOn(softLock);
        if (created) {
            em.persist(locks);
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (created && isDuplicateKey(e)) {
                // another request saved this organisation's first lock dates in the meantime: a concurrent edit
                throw new OptimisticLockException(locks);
            }
            throw e;
        }
        audit.record(tenant.id(), "accounting.locks-changed", "lock-dates", String.valueOf(tenant.id()),
                "soft lock " + locks.getSoftLock() + ", hard lock " + locks.getHardLock());
        return locks;
    }

    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
