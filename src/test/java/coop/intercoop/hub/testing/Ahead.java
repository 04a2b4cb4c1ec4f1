package coop.intercoop.hub.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Something every test of a class needs fresh and only the hub can make (an organisation with its chart, year and
 * keeper), made one ahead on a thread of its own: a test takes the one made while the previous test ran, and the next
 * one starts at once. A browser test spends most of its time waiting for the page, so the hub makes the next test's
 * books in that time instead of at the next test's start.
 */
public final class Ahead<T> {

    private final ExecutorService maker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "made-ahead");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<T> next;

    /**
     * The one made ahead (made now if none is), and the next one started.
     *
     * @param make
     *            makes one; the same for every call on this instance
     */
    public synchronized T take(Supplier<T> make) {
        CompletableFuture<T> taken = next != null ? next : CompletableFuture.supplyAsync(make, maker);
        next = CompletableFuture.supplyAsync(make, maker);
        try {
            return taken.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
        }
    }
}
