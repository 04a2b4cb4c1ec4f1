package coop.intercoop.hub.platform.jobs;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import coop.intercoop.hub.platform.Database.SchemaReady;
import coop.intercoop.hub.platform.HubException;

/**
 * Queues the runs of the schedules that are due ({@link JobSchedules}), on this node, every
 * {@code hub.jobs.schedule-seconds} (30) and at once when a schedule is saved. Every node looks; the one whose
 * conditional update moves a schedule on queues its run, so a run is queued once however many nodes there are. A run is
 * queued as its owner's request would: in a request context of its own, the schedule's organisation entered as the
 * owner ({@link JobActor}), in one transaction with the job. When the owner may no longer act there, or the component
 * refuses the run, the schedule is suspended with the refusal's sentence in its language, until it is saved again. A
 * run is skipped while the last one's job is still queued or running. A schedule missed while no node ran (the hub
 * stopped for a night) runs once when the hub is back, not once per missed turn.
 */
@ApplicationScoped
public class JobScheduler {

    private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    JobSchedules schedules;

    @Inject
    JobSettings settings;

    @Inject
    JobTransactions transactions;

    @Inject
    @Any
    Instance<ScheduledJob> kinds;

    @Inject
    Instance<JobActor> actor;

    @Inject
    Instance<RequestContextController> requestContexts;

    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile Instant nextLook = Instant.MIN;
    private ScheduledFuture<?> ticks;

    void start(@Observes SchemaReady ready) {
        // a tick each second that looks only when woken or when the interval has passed: the task is made here, at
        // start, so that it carries the application's context and never a request's
        ticks = executor.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    /** Looks for due schedules at the next tick rather than at the next interval. */
    void wake() {
        woken.set(true);
    }

    private void tick() {
        Instant now = Instant.now();
        if (!woken.getAndSet(false) && now.isBefore(nextLook)) {
            return;
        }
        nextLook = now.plusSeconds(settings.scheduleSeconds());
        try {
            for (Schedule due : schedules.due(now)) {
                run(due, now);
            }
        } catch (RuntimeException | Error e) {
            // anything thrown out of a periodic task cancels it for good
            LOG.log(Level.WARNING, "Schedules could not be read; trying again at the next look", e);
        }
    }

    private void run(Schedule schedule, Instant now) {
        if (!schedules.claim(schedule, next(schedule, now)) || schedules.lastStillRuns(schedule)) {
            return;
        }
        ScheduledJob kind = kind(schedule.kind());
        if (kind == null) {
            LOG.severe(() -> "A schedule of organisation " + schedule.orgId() + " is of a kind no bean queues: "
                    + schedule.kind());
            return;
        }
        RequestContextController context = requestContexts.get();
        context.activate();
        try {
            transactions.inNew(() -> {
                actor.get().actAs(schedule.ownerId(), schedule.orgId());
                schedules.ran(schedule, kind.queue(schedule), now);
            });
        } catch (HubException refused) {
            transactions.inNew(() -> schedules.suspend(schedule, refused.message(schedule.language())));
            LOG.info(() -> "The schedule " + schedule.kind() + " of organisation " + schedule.orgId()
                    + " is suspended: " + refused.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The schedule " + schedule.kind() + " of organisation " + schedule.orgId()
                    + " could not queue its run; it runs at its next turn", e);
        } finally {
            context.deactivate();
            requestContexts.destroy(context);
            kinds.destroy(kind);
        }
    }

    /** The schedule's next turn after {@code now}: one interval after this turn, or from now when it was missed. */
    static Instant next(Schedule schedule, Instant now) {
        Instant next = schedule.nextAt().plus(schedule.every());
        return next.isAfter(now) ? next : now.plus(schedule.every());
    }

    private ScheduledJob kind(String kind) {
        for (ScheduledJob job : kinds) {
            if (job.kind().equals(kind)) {
                return job;
            }
            kinds.destroy(job);
        }
        return null;
    }
}
