package coop.intercoop.hub.spreadsheet.control;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The hand-over of a streaming import (see {@link Importer.Streaming}) between the thread that reads and checks the
 * rows and the job's thread, which carries out their writes in the write transaction. The queue is short, so the
 * checking runs at most a few writes ahead and memory stays bounded. A failure on either side stops the other: the
 * checking side's failure is thrown on the job's thread, and after a failed write the checking side stops at its next
 * row.
 */
final class WriteQueue implements Importer.Writes {

    private static final Item END = new Item(0, null, null);

    private record Item(long rows, Runnable write, Throwable failure) {
    }

    private final BlockingQueue<Item> items;
    private final BooleanSupplier wanted;
    private volatile boolean stopped;
    private long writerWaited;
    private volatile long checkerWaited;

    WriteQueue(int capacity, BooleanSupplier wanted) {
        this.items = new ArrayBlockingQueue<>(capacity);
        this.wanted = wanted;
    }

    @Override
    public boolean wanted() {
        return wanted.getAsBoolean();
    }

    @Override
    public void submit(long rows, Runnable write) {
        put(new Item(rows, Objects.requireNonNull(write), null));
    }

    /** The checking side is done; the job's thread returns from {@link #drain} once it has carried out every write. */
    void close() {
        put(END);
    }

    /** The checking side failed; the job's thread throws its failure. */
    void fail(Throwable failure) {
        try {
            put(new Item(0, null, failure));
        } catch (Stopped meanwhile) {
            // the job's thread stopped on a failure of its own, which is the one it throws
        }
    }

    /** Throws {@link Stopped} once the job's thread no longer writes, so that the checking side ends early. */
    void checkGoing() {
        if (stopped) {
            throw new Stopped();
        }
    }

    /**
     * Carries out the writes on the calling thread, in order, until the checking side closes the queue; throws the
     * checking side's failure, or a write's. {@code written} hears of the rows of each write carried out.
     */
    void drain(LongConsumer written) {
        try {
            while (true) {
                long asked = System.nanoTime();
                Item item = items.take();
                writerWaited += System.nanoTime() - asked;
                if (item == END) {
                    return;
                }
                if (item.failure() != null) {
                    throw rethrown(item.failure());
                }
                item.write().run();
                written.accept(item.rows());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing an import", e);
        } finally {
            stopped = true;
            items.clear();
        }
    }

    private void put(Item item) {
        long offered = System.nanoTime();
        try {
            while (!items.offer(item, 100, TimeUnit.MILLISECONDS)) {
                checkGoing();
            }
            checkerWaited += System.nanoTime() - offered;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    /** Seconds the job's thread waited for writes, and the checking side for room in the queue: who kept whom. */
    String waits() {
        return String.format("the writing waited %.1f s for checked rows, the checking %.1f s for the writing",
                writerWaited / 1e9, checkerWaited / 1e9);
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            return e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(failure);
    }

    /** The job's thread stopped writing (a write failed); the checking side ends. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("The import's writing stopped", null, false, false);
        }
    }
}
