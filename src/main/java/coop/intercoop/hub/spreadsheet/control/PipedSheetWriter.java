package coop.intercoop.hub.spreadsheet.control;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SheetWriter} that writes on another thread: the caller's calls are handed over in order, a thousand at a
 * time, through a short queue, so reading the next rows from the database overlaps turning the last ones into
 * compressed SpreadsheetML (an export of a million rows spends about as long on each). Memory stays bounded: at most
 * {@value #QUEUED} batches wait. A failure on either side stops both: the writer's is thrown to the caller at its next
 * call, and a caller that closes without {@link #finish()} stops the writer.
 * <p>
 * Values handed over must not change afterwards; the values a row holds (text, numbers, dates) are immutable.
 */
public class PipedSheetWriter extends SheetWriter {

    private static final int BATCH = 1000;
    private static final int QUEUED = 4;
    private static final List<Runnable> END = List.of();

    private final BlockingQueue<List<Runnable>> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Future<?> writer;
    private List<Runnable> batch = new ArrayList<>(BATCH);
    private volatile Throwable failure;
    private volatile boolean stopped;
    private boolean ended;

    /** A workbook written to {@code out}, which stays open, by a task of {@code executor}. */
    public PipedSheetWriter(OutputStream out, ExecutorService executor) {
        super(out);
        this.writer = executor.submit(this::drain);
    }

    @Override
    public SheetWriter sheet(String name, List<SheetWriter.Column> columns) {
        return hand(() -> super.sheet(name, columns));
    }

    @Override
    public SheetWriter row(Object... values) {
        return hand(() -> super.row(values));
    }

    @Override
    public SheetWriter boldRow(Object... values) {
        return hand(() -> super.boldRow(values));
    }

    @Override
    public SheetWriter totals(Object... values) {
        return hand(() -> super.totals(values));
    }

    @Override
    public SheetWriter title(String title) {
        return hand(() -> super.title(title));
    }

    /** Hands over what is left, waits for the writer to complete the workbook, and throws its failure if any. */
    @Override
    public void finish() {
        hand(super::finish);
        handOver();
        end();
        await();
    }

    @Override
    public void close() {
        if (!ended) {
            stopped = true;
            queue.clear();
            end();
        }
        try {
            writer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // already reported through the call that failed
        } finally {
            super.close();
        }
    }

    private SheetWriter hand(Runnable call) {
        rethrow();
        batch.add(call);
        if (batch.size() >= BATCH) {
            handOver();
        }
        return this;
    }

    private void handOver() {
        if (batch.isEmpty()) {
            return;
        }
        put(batch);
        batch = new ArrayList<>(BATCH);
    }

    private void end() {
        ended = true;
        put(END);
    }

    private void put(List<Runnable> calls) {
        try {
            while (!queue.offer(calls, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (writer.isDone()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing a workbook", e);
        }
    }

    private void await() {
        try {
            writer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing a workbook", e);
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        rethrow();
    }

    private void rethrow() {
        Throwable f = failure;
        if (f instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (f instanceof Error error) {
            throw error;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    /** The writer's loop: runs the calls in order until the end, a failure, or the caller stops. */
    private void drain() {
        try {
            while (true) {
                List<Runnable> calls = queue.take();
                if (calls == END || stopped) {
                    return;
                }
                for (Runnable call : calls) {
                    call.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            queue.clear();
            throw e;
        }
    }
}
