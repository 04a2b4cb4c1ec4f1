package coop.intercoop.hub.platform.jobs;

/**
 * A kind of job that runs on a schedule ({@link JobSchedules}), contributed by a component as a CDI bean beside its
 * {@link Job}. When a schedule of its kind is due, the platform's {@link JobScheduler} enters the schedule's
 * organisation as its owner, as the owner's own request would, and asks the bean to queue the run.
 */
public interface ScheduledJob {

    /** The kind of the schedules this bean serves, as {@link JobSchedules#save} was given it. */
    String kind();

    /**
     * Queues one run of the schedule ({@link JobRunner#submit}) with what it needs, in the transaction given, acting as
     * the schedule's owner in its organisation; answers the job's id.
     *
     * @throws coop.intercoop.hub.platform.HubException
     *             when the run cannot be queued as things stand (the hub set to read nothing, say): the schedule is
     *             suspended with the refusal's sentence in its language
     */
    long queue(Schedule schedule);
}
