package coop.intercoop.hub.accounting.entity;

import java.time.LocalDate;

import coop.intercoop.hub.platform.HubException;

/** The hard lock only moves forward: what it closed stays closed. */
public class HardLockMovedBackException extends HubException {

    private static final long serialVersionUID = 1L;

    public HardLockMovedBackException(LocalDate current, LocalDate requested) {
        super(Kind.CONFLICT, "hardLock", requested == null ? "lock.hard.removed" : "lock.hard.back",
                new Object[] { current, requested });
    }
}
