package coop.intercoop.hub.platform.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import coop.intercoop.hub.platform.Database.SchemaReady;
import coop.intercoop.hub.platform.DatabaseFailure;
import coop.intercoop.hub.platform.HubException;

/**
 * Runs the hub's background jobs on this node, on the platform's managed executor: every second it writes the heartbeat
 * and progress of the jobs it runs, queues again the running jobs whose node has gone silent (a crashed hub) or whose
 * run lost the database or was a deadlock's victim, gives up a job after {@link JobSettings#maxAttempts} runs, and
 * claims queued jobs through the database (a conditional update, so each job runs on one node only). A job runs on a
 * thread of its own, in a request context of its own, acting as the user who queued it ({@link JobActor}), so it goes
 * on when the browser that started it closes. The node that queues a job claims it as soon as the queueing transaction
 * commits, on a claimer thread of its own made when the runner starts, never on the queueing request's thread.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    TransactionSynchronizationRegistry registry;

    @Inject
    JobQueue queue;

    @Inject
    JobSettings settings;

    @Inject
    JobTransactions transactions;

    @Inject
    @Any
    Instance<Job> jobs;

    @Inject
    Instance<JobActor> actor;

    @Inject
    Instance<RequestContextController> requestContexts;

    private final String node = hostName() + "/" + UUID.randomUUID();
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    /** Jobs whose run lost the database, with their attempt: queued again as soon as the database answers. */
    private final Map<Long, Claim.Queued> orphaned = new ConcurrentHashMap<>();
    /** A permit for each job queued on this node since the claimer last looked: it looks at once. */
    private final Semaphore wakeUps = new Semaphore(0);
    private Semaphore slots;
    private ScheduledFuture<?> ticks;
    private Thread claimer;
    private volatile boolean stopped;

    private record Running(Claim claim, Job job) {
    }

    void start(@Observes SchemaReady ready) {
        slots = new Semaphore(settings.workers());
        ticks = scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        // made here, at start, so that it carries the application's context and never a request's
        claimer = threads.newThread(this::claimOnWakeUp);
        claimer.setName("job-claimer");
        claimer.setDaemon(true);
        claimer.start();
        LOG.info(() -> "Jobs run on this node as " + node + " with " + settings.workers() + " workers");
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
        stopped = true;
        if (claimer != null) {
            claimer.interrupt();
        }
    }

    /**
     * Queues a job of {@code kind} in the caller's transaction, to act as {@code ownerId} in {@code orgId}; answers its
     * id, for the component's own row of the job. Once the transaction commits the runner looks for it at once rather
     * than at its next tick (before, a claim would not see it).
     */
    public long submit(String kind, long orgId, long ownerId) {
        long id = queue.insert(kind, orgId, ownerId);
        AfterCommit.run(registry, this::wake);
        return id;
    }

    /**
     * Looks for queued jobs now, rather than at the next tick. The claim is made on the runner's own claimer thread,
     * never on the caller's: a task handed to the managed executor from a request carries that request's context, and
     * when the request ended first, the persistence context a job's reads had opened in it was closed under the job
     * ("Attempting to execute an operation on a closed EntityManager"), failing an import now and then.
     */
    void wake() {
        wakeUps.release();
    }

    /** The claimer thread: claims as soon as a job is queued on this node, until the runner stops. */
    private void claimOnWakeUp() {
        while (!stopped) {
            try {
                if (wakeUps.tryAcquire(1, TimeUnit.SECONDS)) {
                    wakeUps.drainPermits();
                    claimAndRun();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "Jobs could not be claimed; the next tick tries again", e);
            }
        }
    }

    private void tick() {
        try {
            running.values().forEach(r -> {
                if (queue.heartbeat(r.claim())) {
                    r.job().heartbeat(r.claim());
                }
            });
            orphaned.values().forEach(job -> {
                requeueOrAbandon(job);
                orphaned.remove(job.id());
            });
            for (Claim.Queued job : queue.stale(settings.staleSeconds())) {
                if (!running.containsKey(job.id())) {
                    requeueOrAbandon(job);
                }
            }
            claimAndRun();
        } catch (RuntimeException | Error e) {
            // anything thrown out of a periodic task cancels it for good: the heartbeat and the requeueing would stop
            LOG.log(Level.WARNING, "Jobs could not be polled; trying again in a second", e);
        }
    }

    /** Queues a job again that has runs left, or gives it up, with the job's words, in one transaction. */
    void requeueOrAbandon(Claim.Queued job) {
        if (job.attempts() < settings.maxAttempts()) {
            if (queue.requeue(job.id(), job.attempts())) {
                LOG.info(() -> "Job " + job.id() + " (" + job.kind() + ") was interrupted; queued again");
            }
            return;
        }
        transactions.inNew(() -> {
            if (queue.abandon(job.id(), job.attempts())) {
                Job kind = job(job.kind());
                try {
                    if (kind != null) {
                        kind.abandoned(job.orgId(), job.id(), job.attempts());
                    }
                } finally {
                    release(kind);
                }
                LOG.warning(() -> "Job " + job.id() + " (" + job.kind() + ") was interrupted " + job.attempts()
                        + " times; given up");
            }
        });
    }

    private void claimAndRun() {
        while (slots.tryAcquire()) {
            Optional<Claim.Queued> claimed;
            try {
                claimed = queue.claimNext(node);
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
            if (claimed.isEmpty()) {
                slots.release();
                return;
            }
            Claim.Queued queued = claimed.get();
            Job job = job(queued.kind());
            if (job == null) {
                slots.release();
                LOG.severe(() -> "Job " + queued.id() + " is of a kind no bean runs: " + queued.kind());
                continue;
            }
            Claim claim = new Claim(queued, node, job.newProgress(), queue);
            running.put(claim.id(), new Running(claim, job));
            try {
                executor.execute(() -> run(claim, job));
            } catch (RejectedExecutionException e) {
                running.remove(claim.id());
                release(job);
                slots.release();
                LOG.warning(() -> "Job " + claim.id() + " could not start on this node; it is queued again later");
                return;
            }
        }
    }

    private void run(Claim claim, Job job) {
        RequestContextController context = requestContexts.get();
        context.activate();
        try {
            try {
                transactions.inNew(() -> actor.get().actAs(claim.ownerId(), claim.orgId()));
            } catch (HubException refused) {
                job.refused(claim, refused);
                return;
            }
            job.run(claim);
        } catch (RuntimeException | Error e) {
            failed(claim, e);
        } finally {
            context.deactivate();
            requestContexts.destroy(context);
            running.remove(claim.id());
            release(job);
            slots.release();
        }
    }

    /**
     * After a run that threw: a lost database queues the job again once the database answers; a deadlock's victim or a
     * lock waited for too long queues it again now; anything else was ended as failed by the job, in its words, if it
     * could (and is queued again when its heartbeat goes stale, if it could not). An {@link Error} (the memory
     * exhausted, the stack overflowed) ends this job, not the node's runner, whose slot is freed.
     */
    private void failed(Claim claim, Throwable failure) {
        DatabaseFailure cause = DatabaseFailure.of(failure);
        switch (cause) {
            case LOST -> {
                LOG.log(Level.WARNING,
                        "Job " + claim.id() + " lost the database; it runs again when the database is back", failure);
                orphaned.put(claim.id(), claim.queued());
            }
            case DEADLOCK, LOCK_WAIT_TIMEOUT -> {
                LOG.log(Level.WARNING,
                        "Job " + claim.id() + " met another transaction's locks (" + cause + "); it runs again",
                        failure);
                try {
                    requeueOrAbandon(claim.queued());
                } catch (RuntimeException e) {
                    // the database went too: queued again when it answers
                    orphaned.put(claim.id(), claim.queued());
                }
            }
            case OTHER -> LOG.log(Level.SEVERE, "Job " + claim.id() + " failed unexpectedly", failure);
        }
    }

    /** The bean that runs jobs of {@code kind}, or null when there is none. */
    private Job job(String kind) {
        for (Job job : jobs) {
            if (job.kind().equals(kind)) {
                return job;
            }
            jobs.destroy(job);
        }
        return null;
    }

    private void release(Job job) {
        if (job != null) {
            jobs.destroy(job);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
