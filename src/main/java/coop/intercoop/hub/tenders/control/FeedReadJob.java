package coop.intercoop.hub.tenders.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.platform.DatabaseFailure;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.JsonBodies;
import coop.intercoop.hub.platform.jobs.Claim;
import coop.intercoop.hub.platform.jobs.Job;
import coop.intercoop.hub.platform.jobs.JobStatus;
import coop.intercoop.hub.platform.jobs.JobTransactions;
import coop.intercoop.hub.tenders.entity.FeedPage;
import coop.intercoop.hub.tenders.entity.FeedRefusedException;

/**
 * Reads the procurement platform's feed on the job runner, from the address the hub is configured with
 * ({@code hub.tenders.feed.url}, its head page): fetches a page, reads it whole ({@link FeedReader}, no transaction
 * held while the page travels), keeps it in a transaction of its own ({@link TenderStore}) that counts it, and follows
 * its {@code next} link to the older page, until a page brings nothing new (the pages after it were read before), the
 * feed ends, or the pages asked for are read. Only links on the configured address's scheme, host and port are
 * followed, and redirects are not: the hub fetches from where its administrator said, whatever a page says. A page
 * whose bytes stop coming for the timeout is given up (its stream closed by the platform's scheduler). A page that
 * cannot be fetched or read ends the read, naming the page; the pages kept before it stay, each whole, and reading
 * again starts from the head. Memory: one page at a time.
 */
@Dependent
public class FeedReadJob implements Job {

    public static final String KIND = "tender-feed";

    @Inject
    JobTransactions transactions;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    TenderStore store;

    @Inject
    FeedReads reads;

    @Inject
    @ConfigProperty(name = "hub.tenders.feed.timeout-seconds", defaultValue = "60")
    int timeoutSeconds;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Claim claim) {
        long org = claim.orgId();
        long id = claim.id();
        try {
            FeedReads.Read read = reads.find(org, id).orElseThrow();
            transactions.inNew(() -> reads.restart(org, id));
            if (read.archive().isPresent()) {
                readArchive(claim, read.archive().get());
                return;
            }
            Optional<URI> head = reads.head();
            if (head.isEmpty()) {
                end(claim, JobStatus.FAILED, "feed.read.unset");
                return;
            }
            claim.progress().total.set(read.maxPages());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            Optional<URI> next = head;
            int pages = 0;
            while (next.isPresent() && pages < read.maxPages()) {
                URI page = next.get();
                int place = ++pages;
                FeedPage parsed;
                try {
                    parsed = fetch(http, page);
                } catch (FeedRefusedException refused) {
                    transactions.inNew(() -> {
                        reads.end(org, id, language -> HubTexts.format(FeedReads.BUNDLE, language, "feed.read.page",
                                place, page.toString(), refused.message(language)));
                        claim.finish(JobStatus.FAILED);
                    });
                    return;
                } catch (Unreachable unreachable) {
                    end(claim, JobStatus.FAILED, unreachable.key, place, page.toString(), unreachable.status);
                    return;
                }
                TenderStore.Outcome[] kept = new TenderStore.Outcome[1];
                transactions.inNew(() -> {
                    kept[0] = store.store(parsed);
                    reads.page(org, id, page.toString(), kept[0]);
                });
                claim.progress().done.incrementAndGet();
                TenderStore.Outcome outcome = kept[0];
                if (outcome.created() + outcome.updated() + outcome.closed() == 0) {
                    end(claim, JobStatus.SUCCEEDED, "feed.read.caughtUp", pages);
                    return;
                }
                next = outcome.next().map(link -> page.resolve(link));
                if (next.isPresent() && !sameOrigin(head.get(), next.get())) {
                    end(claim, JobStatus.FAILED, "feed.read.origin", place, next.get().toString(),
                            head.get().getHost());
                    return;
                }
            }
            end(claim, JobStatus.SUCCEEDED, next.isPresent() ? "feed.read.pages.done" : "feed.read.end", pages);
        } catch (RuntimeException failure) {
            if (DatabaseFailure.of(failure) == DatabaseFailure.OTHER) {
                transactions.inNew(() -> {
                    reads.end(org, id, "feed.read.failed");
                    claim.finish(JobStatus.FAILED);
                });
            }
            throw failure;
        }
    }

    /**
     * Reads every page of an uploaded monthly archive, in the order of their names, each kept in a transaction of its
     * own; a page that does not read ends the read, naming it, the pages before it kept. The archive is copied to a
     * file of the job's and let go once the read ends.
     */
    private void readArchive(Claim claim, String name) {
        long org = claim.orgId();
        long id = claim.id();
        Path file = null;
        try {
            file = Files.createTempFile("feed-archive-", ".zip");
            try (OutputStream out = Files.newOutputStream(file)) {
                reads.copyArchive(org, id, out);
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                List<? extends ZipEntry> pages = zip.stream()
                        .filter(e -> !e.isDirectory() && e.getName().toLowerCase(Locale.ROOT).endsWith(".atom"))
                        .sorted(Comparator.comparing(ZipEntry::getName)).limit(FeedReads.ARCHIVE_PAGES).toList();
                if (pages.isEmpty()) {
                    endArchive(claim, JobStatus.FAILED, "feed.archive.pages", name);
                    return;
                }
                claim.progress().total.set(pages.size());
                int place = 0;
                for (ZipEntry entry : pages) {
                    int at = ++place;
                    FeedPage parsed;
                    try (InputStream in = zip.getInputStream(entry)) {
                        parsed = FeedReader.read(JsonBodies.limited(in, reads.maxBytes()));
                    } catch (HubException refused) {
                        transactions.inNew(() -> {
                            reads.end(org, id, language -> HubTexts.format(FeedReads.BUNDLE, language, "feed.read.page",
                                    at, entry.getName(), refused.message(language)));
                            reads.dropArchive(org, id);
                            claim.finish(JobStatus.FAILED);
                        });
                        return;
                    }
                    transactions.inNew(() -> reads.page(org, id, entry.getName(), store.store(parsed)));
                    claim.progress().done.incrementAndGet();
                }
                endArchive(claim, JobStatus.SUCCEEDED, "feed.archive.read", pages.size(), name);
            } catch (ZipException notZip) {
                endArchive(claim, JobStatus.FAILED, "feed.archive.zip", name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // the temporary file stays for the system to clear
                }
            }
        }
    }

    private void endArchive(Claim claim, JobStatus status, String key, Object... arguments) {
        transactions.inNew(() -> {
            reads.end(claim.orgId(), claim.id(), key, arguments);
            reads.dropArchive(claim.orgId(), claim.id());
            claim.finish(status);
        });
    }

    private void end(Claim claim, JobStatus status, String key, Object... arguments) {
        transactions.inNew(() -> {
            reads.end(claim.orgId(), claim.id(), key, arguments);
            claim.finish(status);
        });
    }

    private static boolean sameOrigin(URI head, URI link) {
        return Objects.equals(head.getScheme(), link.getScheme()) && Objects.equals(head.getHost(), link.getHost())
                && head.getPort() == link.getPort();
    }

    /** A page fetched and read whole. */
    private FeedPage fetch(HttpClient http, URI page) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(timeoutSeconds))
                            .header("Accept", "application/atom+xml, application/xml").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new Unreachable("feed.read.unreachable", 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("feed.read.unreachable", 0);
        }
        try (Watched body = new Watched(response.body())) {
            if (response.statusCode() != 200) {
                throw new Unreachable("feed.read.status", response.statusCode());
            }
            // a page that stops coming is given up once nothing arrived for the timeout: its stream is closed
            ScheduledFuture<?> guard = scheduler.scheduleAtFixedRate(() -> body.closeIfIdle(timeoutSeconds), 1, 1,
                    TimeUnit.SECONDS);
            try {
                return FeedReader.read(JsonBodies.limited(body, reads.maxBytes()));
            } finally {
                guard.cancel(false);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new Unreachable("feed.read.unreachable", 0);
        }
    }

    /** A page's body that notes when bytes last arrived, so that a stalled one can be closed from outside. */
    private static final class Watched extends FilterInputStream {
        private volatile long lastRead = System.nanoTime();

        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            lastRead = System.nanoTime();
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            lastRead = System.nanoTime();
            return n;
        }

        void closeIfIdle(int seconds) {
            if (System.nanoTime() - lastRead > TimeUnit.SECONDS.toNanos(seconds)) {
                try {
                    close();
                } catch (IOException e) {
                    // the reading thread fails on the closed stream either way
                }
            }
        }
    }

    /** A page that could not be fetched: the key of why, and the HTTP status where there was one. */
    private static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String key;
        final int status;

        Unreachable(String key, int status) {
            super(key, null, false, false);
            this.key = key;
            this.status = status;
        }
    }

    @Override
    public void refused(Claim claim, HubException refusal) {
        transactions.inNew(() -> {
            reads.end(claim.orgId(), claim.id(), refusal::message);
            claim.finish(JobStatus.FAILED);
        });
    }

    @Override
    public void abandoned(long orgId, long jobId, int attempts) {
        reads.end(orgId, jobId, "feed.read.interrupted", attempts);
    }
}
