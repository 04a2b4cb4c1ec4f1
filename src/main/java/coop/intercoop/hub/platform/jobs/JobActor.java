package coop.intercoop.hub.platform.jobs;

/**
 * Makes a job's thread act as the user who queued the job, in the job's organisation, as a request of theirs would:
 * their memberships and roles read now, the organisation entered as for a request (JPA tenant included). Implemented
 * above the platform, by the components that know users and organisations; the runner calls it in a transaction of its
 * own, inside the job's request context, before {@link Job#run}.
 */
public interface JobActor {

    /**
     * @throws coop.intercoop.hub.platform.HubException
     *             when the user may no longer act in that organisation
     */
    void actAs(long userId, long orgId);
}
