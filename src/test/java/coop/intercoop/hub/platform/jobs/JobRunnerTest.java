package coop.intercoop.hub.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import coop.intercoop.hub.platform.Database.SchemaReady;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.NotFoundException;

/**
 * The runner's decisions without a container or a database: its executors are plain JDK ones, its queue a list in
 * memory that records what the runner did to each job, its one kind of job a bean that does what each test says.
 */
class JobRunnerTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final List<String> done = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        workers.shutdownNow();
        ticks.shutdownNow();
    }

    /** Jobs queued in memory; what the runner did to them, in order; {@code stale} throws what it is given once. */
    static final class QueueInMemory extends JobQueue {
        final ConcurrentLinkedQueue<Claim.Queued> queued = new ConcurrentLinkedQueue<>();
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger polls = new AtomicInteger();
        final AtomicInteger requeueFailures = new AtomicInteger();
        volatile Error pollFailure;

        void queue(long id, int attemptsBefore) {
            queued.add(new Claim.Queued(id, 1, "test", 7, attemptsBefore));
        }

        @Override
        Optional<Claim.Queued> claimNext(String node) {
            Claim.Queued job = queued.poll();
            // the claim counts the run
            return Optional.ofNullable(job == null ? null
                    : new Claim.Queued(job.id(), job.orgId(), job.kind(), job.ownerId(), job.attempts() + 1));
        }

        @Override
        boolean heartbeat(Claim claim) {
            return true;
        }

        @Override
        List<Claim.Queued> stale(int staleSeconds) {
            polls.incrementAndGet();
            Error failure = pollFailure;
            if (failure != null) {
                pollFailure = null;
                throw failure;
            }
            return List.of();
        }

        @Override
        boolean requeue(long id, int attempts) {
            if (requeueFailures.getAndDecrement() > 0) {
                throw new StoreFailure(new SQLNonTransientConnectionException("Connection refused", "08000"));
            }
            events.add("queued again " + id + " after " + attempts);
            return true;
        }

        @Override
        boolean abandon(long id, int attempts) {
            events.add("given up " + id + " after " + attempts);
            return true;
        }

        @Override
        public boolean finish(Claim claim, JobStatus status) {
            events.add(status + " " + claim.id());
            return true;
        }
    }

    /** A job of kind {@code test} whose run does what it is told for each claim. */
    private Job job(Consumer<Claim> run) {
        return new Job() {
            @Override
            public String kind() {
                return "test";
            }

            @Override
            public void run(Claim claim) {
                done.add("ran " + claim.id() + " as 7 in 1");
                run.accept(claim);
            }

            @Override
            public void refused(Claim claim, HubException refusal) {
                done.add("refused " + claim.id() + ": " + refusal.getClass().getSimpleName());
                claim.finish(JobStatus.FAILED);
            }

            @Override
            public void abandoned(long orgId, long jobId, int attempts) {
                done.add("abandoned " + jobId + " of " + orgId + " after " + attempts);
            }
        };
    }

    private JobRunner runner(QueueInMemory queue, Job job, JobActor actor) {
        JobRunner runner = new JobRunner();
        runner.queue = queue;
        runner.settings = new JobSettings();
        runner.settings.workers = 1;
        runner.settings.staleSeconds = 60;
        runner.settings.maxAttempts = 3;
        runner.transactions = new JobTransactions();
        runner.executor = proxy(ManagedExecutorService.class, (method, args) -> {
            if (method.equals("execute")) {
                workers.execute((Runnable) args[0]);
                return null;
            }
            throw new UnsupportedOperationException(method);
        });
        runner.scheduler = proxy(ManagedScheduledExecutorService.class, (method, args) -> {
            if (method.equals("scheduleWithFixedDelay")) {
                // the runner's ticks fifty times faster (a second's at 20 ms): the tests wait for what a tick does,
                // never for how long it takes to come
                TimeUnit unit = (TimeUnit) args[3];
                return ticks.scheduleWithFixedDelay((Runnable) args[0], unit.toMillis((long) args[1]) / 50,
                        unit.toMillis((long) args[2]) / 50, TimeUnit.MILLISECONDS);
            }
            throw new UnsupportedOperationException(method);
        });
        runner.threads = proxy(ManagedThreadFactory.class, (method, args) -> {
            if (method.equals("newThread")) {
                return new Thread((Runnable) args[0]);
            }
            throw new UnsupportedOperationException(method);
        });
        runner.jobs = instance(job);
        runner.actor = instance(actor);
        runner.requestContexts = instance(proxy(RequestContextController.class, (method, args) -> true));
        return runner;
    }

    @SuppressWarnings("unchecked")
    private static <T> Instance<T> instance(T bean) {
        return proxy(Instance.class, (method, args) -> switch (method) {
            case "get" -> bean;
            case "iterator" -> List.of(bean).iterator();
            case "destroy" -> null;
            default -> throw new UnsupportedOperationException(method);
        });
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

    private static final JobActor ANYONE = (user, org) -> {
    };

    /** Runs jobs 1 and 2 on one worker: job 2 starts only once the runner has dealt with job 1. */
    private void runTwo(QueueInMemory queue, Consumer<Claim> first) throws InterruptedException {
        runTwo(queue, first, () -> true);
    }

    /** The same, and the runner keeps ticking until {@code until} holds (ten seconds at most) before it stops. */
    private void runTwo(QueueInMemory queue, Consumer<Claim> first, java.util.function.BooleanSupplier until)
            throws InterruptedException {
        CountDownLatch second = new CountDownLatch(1);
        queue.queue(1, 0);
        queue.queue(2, 0);
        JobRunner runner = runner(queue, job(claim -> {
            if (claim.id() == 1) {
                first.accept(claim);
            } else {
                second.countDown();
            }
        }), ANYONE);
        runner.start(new SchemaReady());
        runner.wake();
        assertTrue(second.await(10, TimeUnit.SECONDS), "jobs run: " + done);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!until.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        runner.stop();
    }

    private static void sneakyThrow(Throwable failure) {
        JobRunnerTest.<RuntimeException> throwAs(failure);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void throwAs(Throwable failure) throws T {
        throw (T) failure;
    }

    @Test
    void aJobThatThrowsAnErrorFreesItsSlotAndTheRunnerClaimsTheNextJob() throws InterruptedException {
        QueueInMemory queue = new QueueInMemory();
        queue.queue(1, 0);
        queue.queue(2, 0);
        queue.queue(3, 0);
        ConcurrentLinkedQueue<Long> ran = new ConcurrentLinkedQueue<>();
        CountDownLatch third = new CountDownLatch(1);
        JobRunner runner = runner(queue, job(claim -> {
            ran.add(claim.id());
            if (claim.id() == 1) {
                throw new OutOfMemoryError("Java heap space");
            }
            if (claim.id() == 2) {
                throw new StackOverflowError();
            }
            third.countDown();
        }), ANYONE);
        runner.start(new SchemaReady());
        runner.wake();

        // one worker: the third job runs only if the first two, each failing with an Error, gave their slot back
        assertTrue(third.await(10, TimeUnit.SECONDS), "jobs run: " + ran);
        assertEquals(List.of(1L, 2L, 3L), List.copyOf(ran));
        assertEquals(List.of(), queue.events, "an Error is neither a deadlock nor the database lost");
        runner.stop();
    }

    @Test
    void anErrorWhilePollingDoesNotStopTheTicks() throws InterruptedException {
        QueueInMemory queue = new QueueInMemory();
        queue.pollFailure = new OutOfMemoryError("Java heap space");
        JobRunner runner = runner(queue, job(claim -> {
        }), ANYONE);
        runner.start(new SchemaReady());

        // the first tick throws; a periodic task that lets an Error out is never run again
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (queue.polls.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(queue.polls.get() >= 3, "polls after the Error: " + queue.polls.get());
        runner.stop();
    }

    @Test
    void aJobRunsAsItsOwnerInItsOrganisationAndEndsItself() throws InterruptedException {
        QueueInMemory queue = new QueueInMemory();
        List<String> actedAs = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ran = new CountDownLatch(1);
        queue.queue(5, 0);
        JobRunner runner = runner(queue, job(claim -> {
            claim.progress().total.set(10);
            claim.progress().done.set(10);
            claim.finish(JobStatus.SUCCEEDED);
            ran.countDown();
        }), (user, org) -> actedAs.add("user " + user + " in organisation " + org));
        runner.start(new SchemaReady());
        runner.wake();

        assertTrue(ran.await(10, TimeUnit.SECONDS), "jobs run: " + done);
        assertEquals(List.of("user 7 in organisation 1"), actedAs);
        assertEquals(List.of("SUCCEEDED 5"), queue.events);
        runner.stop();
    }

    @Test
    void aJobWhoseOwnerMayNoLongerActThereIsRefusedWithoutRunning() throws InterruptedException {
        QueueInMemory queue = new QueueInMemory();
        CountDownLatch refused = new CountDownLatch(1);
        queue.queue(6, 0);
        JobRunner runner = runner(queue, job(claim -> {
        }), (user, org) -> {
            refused.countDown();
            throw new NotFoundException("organisation", org);
        });
        runner.start(new SchemaReady());
        runner.wake();

        assertTrue(refused.await(10, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (queue.events.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of("refused 6: NotFoundException"), done);
        assertEquals(List.of("FAILED 6"), queue.events);
        runner.stop();
    }

    @Test
    void aDeadlocksVictimIsQueuedAgainAtOnce() throws InterruptedException {
        QueueInMemory queue = new QueueInMemory();
        runTwo(queue, claim -> {
            throw new IllegalStateException(new SQLTransactionRollbackException(
                    "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
        });
        assertEquals(List.of("queued again 1 after 1"), queue.events);
    }

    @Test
    void aLockWaitTimeoutIsQueuedAgainAtOnce() throws InterruptedException {
        QueueInMemory queue = new QueueInMemory();
        runTwo(queue, claim -> sneakyThrow(new JobQueue.StoreFailure(
                new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205))));
        assertEquals(List.of("queued again 1 after 1"), queue.events);
    }

    @Test
    void aJobThatLostTheDatabaseIsQueuedAgainOnceTheDatabaseAnswers() throws InterruptedException {
        QueueInMemory queue = new QueueInMemory();
        // the first tick after the run finds the database still gone
        queue.requeueFailures.set(1);
        // the requeue waits for a tick that finds the database back: the runner must keep ticking until then
        runTwo(queue, claim -> {
            throw new JobQueue.StoreFailure(new SQLNonTransientConnectionException("socket closed", "08000"));
        }, () -> !queue.events.isEmpty());
        assertEquals(List.of("queued again 1 after 1"), queue.events);
    }

    @Test
    void aJobThatFailsOtherwiseIsNeitherQueuedAgainNorGivenUp() throws InterruptedException {
        QueueInMemory queue = new QueueInMemory();
        runTwo(queue, claim -> {
            throw new IllegalStateException("a bug");
        });
        assertEquals(List.of(), queue.events);
    }

    @Test
    void aStaleJobWithRunsLeftIsQueuedAgain() {
        QueueInMemory queue = new QueueInMemory();
        JobRunner runner = runner(queue, job(claim -> {
        }), ANYONE);

        runner.requeueOrAbandon(new Claim.Queued(8, 1, "test", 7, 2));

        assertEquals(List.of("queued again 8 after 2"), queue.events);
        assertEquals(List.of(), done);
    }

    @Test
    void aStaleJobThatRanItsAttemptsIsGivenUpInItsOwnWords() {
        QueueInMemory queue = new QueueInMemory();
        JobRunner runner = runner(queue, job(claim -> {
        }), ANYONE);

        runner.requeueOrAbandon(new Claim.Queued(9, 1, "test", 7, 3));

        assertEquals(List.of("given up 9 after 3"), queue.events);
        assertEquals(List.of("abandoned 9 of 1 after 3"), done);
    }

    @Test
    void aDeadlocksVictimOnItsLastAttemptIsGivenUp() throws InterruptedException {
        QueueInMemory queue = new QueueInMemory();
        CountDownLatch second = new CountDownLatch(1);
        queue.queue(1, 2);
        queue.queue(2, 0);
        JobRunner runner = runner(queue, job(claim -> {
            if (claim.id() == 1) {
                throw new IllegalStateException(new SQLTransactionRollbackException("Deadlock found", "40001", 1213));
            }
            second.countDown();
        }), ANYONE);
        runner.start(new SchemaReady());
        runner.wake();
        assertTrue(second.await(10, TimeUnit.SECONDS), "jobs run: " + done);
        runner.stop();

        assertEquals(List.of("given up 1 after 3"), queue.events);
        assertTrue(done.contains("abandoned 1 of 1 after 3"), done.toString());
    }
}
