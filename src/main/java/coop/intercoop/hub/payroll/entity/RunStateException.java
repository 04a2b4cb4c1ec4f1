package coop.intercoop.hub.payroll.entity;

import coop.intercoop.hub.platform.HubException;

/** A payroll run asked to take a step its state does not allow (approve a draft, post a calculated run...). */
public class RunStateException extends HubException {

    private static final long serialVersionUID = 1L;

    public RunStateException(String key, Object... arguments) {
        super(Kind.CONFLICT, "state", key, arguments);
    }
}
