package coop.intercoop.hub.spreadsheet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class WriteQueueTest {

    @Test
    void writesRunOnTheDrainingThreadInOrderAndTheirRowsAreCounted() {
        WriteQueue queue = new WriteQueue(2, () -> true);
        Thread drainer = Thread.currentThread();
        List<Integer> order = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CompletableFuture<Void> checker = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 100; i++) {
                int n = i;
                queue.submit(10, () -> {
                    order.add(n);
                    threads.add(Thread.currentThread());
                });
            }
            queue.close();
        });
        AtomicLong rows = new AtomicLong();
        queue.drain(rows::addAndGet);
        checker.join();
        assertEquals(1_000, rows.get());
        assertEquals(100, order.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(i, order.get(i));
            assertSame(drainer, threads.get(i));
        }
    }

    @Test
    void theCheckingSidesFailureIsThrownWhereTheWritesRun() {
        WriteQueue queue = new WriteQueue(2, () -> true);
        IllegalArgumentException failure = new IllegalArgumentException("bad sheet");
        List<Integer> written = new ArrayList<>();
        CompletableFuture.runAsync(() -> {
            queue.submit(1, () -> written.add(1));
            queue.fail(failure);
        });
        assertSame(failure, assertThrows(IllegalArgumentException.class, () -> queue.drain(r -> {
        })));
        assertEquals(List.of(1), written);
    }

    @Test
    void aFailedWriteStopsTheCheckingSide() throws InterruptedException {
        WriteQueue queue = new WriteQueue(1, () -> true);
        CompletableFuture<Void> checker = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 1_000; i++) {
                queue.checkGoing();
                queue.submit(1, () -> {
                    throw new IllegalStateException("the database refused");
                });
            }
            queue.close();
        });
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> queue.drain(r -> {
        }));
        assertEquals("the database refused", thrown.getMessage());
        ExecutionException stopped = assertThrows(ExecutionException.class, () -> checker.get(10, TimeUnit.SECONDS));
        assertTrue(stopped.getCause() instanceof WriteQueue.Stopped, stopped.toString());
        assertThrows(WriteQueue.Stopped.class, queue::checkGoing);
    }

    @Test
    void wantedAsksTheModeAndTheErrorsSoFar() {
        boolean[] errors = { false };
        WriteQueue queue = new WriteQueue(1, () -> !errors[0]);
        assertTrue(queue.wanted());
        errors[0] = true;
        assertFalse(queue.wanted());
    }
}
