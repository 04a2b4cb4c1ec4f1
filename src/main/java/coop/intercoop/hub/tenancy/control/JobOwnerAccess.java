package coop.intercoop.hub.tenancy.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.platform.jobs.JobActor;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.control.Users;

/**
 * A background job acts as the user who queued it, in its organisation: the job's request context acts for that user,
 * and the organisation is entered as for a request of theirs, their memberships and roles read now. An organisation
 * they no longer belong to refuses exactly as in a request.
 */
@Dependent
public class JobOwnerAccess implements JobActor {

    @Inject
    Users users;

    @Inject
    Caller caller;

    @Inject
    OrganisationAccess access;

    @Override
    public void actAs(long userId, long orgId) {
        caller.actFor(users.find(userId));
        access.enter(orgId);
    }
}
