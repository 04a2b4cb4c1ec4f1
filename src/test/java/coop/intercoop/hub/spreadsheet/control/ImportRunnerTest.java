package coop.intercoop.hub.spreadsheet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.inject.Instance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import coop.intercoop.hub.platform.Database.SchemaReady;
import coop.intercoop.hub.spreadsheet.entity.ImportJob;

/** The runner without a container: its executors are plain JDK ones, its jobs a queue in memory. */
class ImportRunnerTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        workers.shutdownNow();
        ticks.shutdownNow();
    }

    /** Jobs queued in memory; {@code stale} throws what it is given once, as a database driver might. */
    static final class QueuedJobs extends ImportJobs {
        final ConcurrentLinkedQueue<Long> queued = new ConcurrentLinkedQueue<>();
        final AtomicInteger polls = new AtomicInteger();
        volatile Error pollFailure;

        @Override
        Optional<Long> claimNext(String node) {
            return Optional.ofNullable(queued.poll());
        }

        @Override
        void progress(long id, String node, ImportProgress progress) {
            // nothing stored
        }

        @Override
        List<ImportJob> stale(int staleSeconds) {
            polls.incrementAndGet();
            Error failure = pollFailure;
            if (failure != null) {
                pollFailure = null;
                throw failure;
            }
            return List.of();
        }
    }

    private ImportRunner runner(QueuedJobs jobs, ImportExecution execution) {
        ImportRunner runner = new ImportRunner();
        runner.jobs = jobs;
        runner.settings = new ImportSettings();
        runner.settings.workers = 1;
        runner.settings.staleSeconds = 60;
        runner.settings.maxAttempts = 3;
        runner.executor = proxy(ManagedExecutorService.class, (method, args) -> {
            if (method.equals("execute")) {
                workers.execute((Runnable) args[0]);
                return null;
            }
            throw new UnsupportedOperationException(method);
        });
        runner.scheduler = proxy(ManagedScheduledExecutorService.class, (method, args) -> {
            if (method.equals("scheduleWithFixedDelay")) {
                return ticks.scheduleWithFixedDelay((Runnable) args[0], (long) args[1], (long) args[2],
                        (TimeUnit) args[3]);
            }
            throw new UnsupportedOperationException(method);
        });
        @SuppressWarnings("unchecked")
        Instance<ImportExecution> executions = proxy(Instance.class, (method, args) -> {
            if (method.equals("get")) {
                return execution;
            }
            throw new UnsupportedOperationException(method);
        });
        runner.executions = executions;
        return runner;
    }

    @FunctionalInterface
    interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (self, method, args) -> answer.answer(method.getName(), args));
    }

    @Test
    void aJobThatThrowsAnErrorFreesItsSlotAndTheRunnerClaimsTheNextJob() throws InterruptedException {
        QueuedJobs jobs = new QueuedJobs();
        jobs.queued.addAll(List.of(1L, 2L, 3L));
        ConcurrentLinkedQueue<Long> ran = new ConcurrentLinkedQueue<>();
        CountDownLatch third = new CountDownLatch(1);
        ImportRunner runner = runner(jobs, new ImportExecution() {
            @Override
            public void run(long id, String node, ImportProgress progress) {
                ran.add(id);
                if (id == 1) {
                    throw new OutOfMemoryError("Java heap space");
                }
                if (id == 2) {
                    throw new StackOverflowError();
                }
                third.countDown();
            }
        });
        runner.start(new SchemaReady());
        runner.wake();

        // one worker: the third job runs only if the first two, each failing with an Error, gave their slot back
        assertTrue(third.await(10, TimeUnit.SECONDS), "jobs run: " + ran);
        assertEquals(List.of(1L, 2L, 3L), List.copyOf(ran));
        runner.stop();
    }

    @Test
    void warnsAHubWithLessHeapThanItsImportWorkersNeed() {
        assertEquals("The hub runs with 512 MiB of heap; with 2 import workers it needs 1,024 MiB: start the JVM with "
                + "-Xmx1024m or more (see the README)", ImportRunner.heapWarning(512L << 20, 2));
        assertEquals(null, ImportRunner.heapWarning(1000L << 20, 2), "-Xmx1g, less a survivor space");
        assertEquals(null, ImportRunner.heapWarning(Long.MAX_VALUE, 8));
    }

    @Test
    void anErrorWhilePollingDoesNotStopTheTicks() throws InterruptedException {
        QueuedJobs jobs = new QueuedJobs();
        jobs.pollFailure = new OutOfMemoryError("Java heap space");
        ImportRunner runner = runner(jobs, new ImportExecution());
        runner.start(new SchemaReady());

        // the first tick throws; a periodic task that lets an Error out is never run again
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (jobs.polls.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(jobs.polls.get() >= 3, "polls after the Error: " + jobs.polls.get());
        runner.stop();
    }
}
