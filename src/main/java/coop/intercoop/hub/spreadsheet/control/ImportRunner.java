package coop.intercoop.hub.spreadsheet.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import coop.intercoop.hub.platform.Database.SchemaReady;
import coop.intercoop.hub.spreadsheet.entity.ImportJob;

/**
 * Runs import jobs on this node, on the platform's managed executor: every second it claims queued jobs through the
 * database (a conditional update, so each job runs on one node only), writes the progress and heartbeat of the jobs it
 * runs, and puts back in the queue the running jobs whose node has gone silent (a crashed hub) or whose run lost the
 * database. A job runs on its own thread, so it goes on when the browser that started it closes.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ImportJobs jobs;

    @Inject
    ImportSettings settings;

    @Inject
    Instance<ImportExecution> executions;

    private final String node = hostName() + "/" + UUID.randomUUID();
    private final Map<Long, ImportProgress> running = new ConcurrentHashMap<>();
    /** Jobs whose run lost the database, with their attempt: queued again as soon as the database answers. */
    private final Map<Long, Integer> orphaned = new ConcurrentHashMap<>();
    private Semaphore slots;
    private ScheduledFuture<?> ticks;

    void start(@Observes SchemaReady ready) {
        String heap = heapWarning(Runtime.getRuntime().maxMemory(), settings.workers());
        if (heap != null) {
            LOG.warning(heap);
        }
        slots = new Semaphore(settings.workers());
        ticks = scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        LOG.info(() -> "Import jobs run on this node as " + node + " with " + settings.workers() + " workers");
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    /** Looks for queued jobs now, rather than at the next tick (after an upload). */
    public void wake() {
        try {
            executor.execute(this::claimAndRun);
        } catch (RejectedExecutionException busy) {
            LOG.fine("The executor is busy; the next tick claims the job");
        }
    }

    private void tick() {
        try {
            running.forEach((id, p) -> jobs.progress(id, node, p));
            orphaned.forEach((id, attempts) -> {
                jobs.requeue(id, attempts);
                orphaned.remove(id);
            });
            for (ImportJob job : jobs.stale(settings.staleSeconds())) {
                if (!running.containsKey(job.id())) {
                    requeueOrAbandon(job);
                }
            }
            claimAndRun();
        } catch (RuntimeException | Error e) {
            // anything thrown out of a periodic task cancels it for good: the heartbeat and the requeueing would stop
            LOG.log(Level.WARNING, "Import jobs could not be polled; trying again in a second", e);
        }
    }

    private void requeueOrAbandon(ImportJob job) {
        if (job.attempts() >= settings.maxAttempts()) {
            jobs.abandon(job.id(), job.attempts(), ImportTexts.format(ImportTexts.SPREADSHEET,
                    Locale.forLanguageTag(job.language()), "job.interrupted", job.attempts()));
        } else if (jobs.requeue(job.id(), job.attempts())) {
            LOG.info(() -> "Import job " + job.id() + " lost its node; queued again");
        }
    }

    private void claimAndRun() {
        while (slots.tryAcquire()) {
            Optional<Long> claimed;
            try {
                claimed = jobs.claimNext(node);
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
            if (claimed.isEmpty()) {
                slots.release();
                return;
            }
            long id = claimed.get();
            ImportProgress progress = new ImportProgress();
            running.put(id, progress);
            try {
                executor.execute(() -> run(id, progress));
            } catch (RejectedExecutionException e) {
                running.remove(id);
                slots.release();
                LOG.warning(() -> "Import job " + id + " could not start on this node; it is queued again later");
                return;
            }
        }
    }

    private void run(long id, ImportProgress progress) {
        try {
            executions.get().run(id, node, progress);
        } catch (ImportExecution.DatabaseLostException e) {
            LOG.log(Level.WARNING, "Import job " + id + " lost the database; it runs again when the database is back",
                    e.getCause());
            orphaned.put(id, e.attempts);
        } catch (RuntimeException | Error e) {
            // the run ended the job as failed with the hub's own words if it could; an Error (the memory exhausted,
            // the stack overflowed) ends this job, not the node's runner, whose slot is freed below
            LOG.log(Level.SEVERE, "Import job " + id + " failed unexpectedly", e);
        } finally {
            running.remove(id);
            slots.release();
        }
    }

    /**
     * What a hub whose heap is {@code maxHeap} bytes should be told, or null if it has enough: 512 MiB for the hub and
     * 256 MiB per import worker (a job's rows, its batch of entries, its shared strings up to
     * {@code hub.import.strings-heap-bytes}). The JVM reports a little less than {@code -Xmx} (a survivor space), hence
     * the tenth of leeway.
     */
    static String heapWarning(long maxHeap, int workers) {
        long needed = (512L + 256L * workers) << 20;
        if (maxHeap >= needed - needed / 10) {
            return null;
        }
        return String
                .format("The hub runs with %,d MiB of heap; with %d import workers it needs %,d MiB: start the JVM "
                        + "with -Xmx%dm or more (see the README)", maxHeap >> 20, workers, needed >> 20, needed >> 20);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
