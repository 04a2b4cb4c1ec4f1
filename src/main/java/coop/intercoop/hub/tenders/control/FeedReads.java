package coop.intercoop.hub.tenders.control;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.platform.JsonBodies;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.platform.Pieces;
import coop.intercoop.hub.platform.jobs.JobRunner;
import coop.intercoop.hub.platform.jobs.JobSchedules;
import coop.intercoop.hub.platform.jobs.Schedule;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenders.entity.FeedReadException;
import coop.intercoop.hub.tenders.entity.FeedRefusedException;

/**
 * The organisation's reads of the procurement platform's feed ({@code tender_feed_read}, one per job of
 * {@link FeedReadJob}): queued by a tender-manager, counted page by page as the job keeps them, ended with what it did
 * or why it stopped, in the language of the person who asked. Every statement names the organisation.
 */
@Dependent
public class FeedReads {

    static final String BUNDLE = "coop.intercoop.hub.tenders.refusals";

    /** The audit action of a feed page uploaded into the hub. */
    public static final String UPLOADED = "tenders.feed.read";

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    JobRunner jobs;

    @Inject
    JobSchedules schedules;

    @Inject
    TenderStore store;

    @Inject
    TenderCodes codes;

    @Inject
    @ConfigProperty(name = "hub.tenders.ocds.prefix", defaultValue = "ocds-hub")
    String ocidPrefix;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "hub.tenders.feed.max-bytes", defaultValue = "67108864")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "hub.tenders.feed.url")
    Optional<String> feedUrl;

    @Inject
    @ConfigProperty(name = "hub.tenders.feed.max-pages", defaultValue = "50")
    int maxPages;

    @Inject
    @ConfigProperty(name = "hub.tenders.archive.max-bytes", defaultValue = "1073741824")
    long maxArchiveBytes;

    /** The most pages a monthly archive is read for. */
    static final int ARCHIVE_PAGES = 100_000;

    /** An uploaded archive's bytes, in pieces, until its read ends. */
    private static final Pieces ARCHIVES = new Pieces("tender_feed_archive_piece", List.of("org_id", "read_id"),
            "piece_no", "data");

    /** The head page of the feed the hub reads, when its administrator set one ({@code hub.tenders.feed.url}). */
    Optional<URI> head() {
        return feedUrl.filter(u -> !u.isBlank()).map(URI::create);
    }

    /** The largest page the hub reads, fetched or uploaded ({@code hub.tenders.feed.max-bytes}). */
    long maxBytes() {
        return maxBytes;
    }

    /**
     * A page of the feed uploaded by a person: read whole and kept ({@link TenderStore}), at most
     * {@code hub.tenders.feed.max-bytes}, audited in the organisation; the API and the portal both upload through here.
     *
     * @throws coop.intercoop.hub.tenders.entity.FeedRefusedException
     *             for a page the hub does not read, with nothing kept
     */
    public TenderStore.Outcome upload(InputStream page) {
        TenderStore.Outcome outcome = store.store(FeedReader.read(JsonBodies.limited(page, maxBytes)));
        audit.record(tenant.id(), UPLOADED, "tender-feed", null, "created " + outcome.created() + ", updated "
                + outcome.updated() + ", unchanged " + outcome.unchanged() + ", closed " + outcome.closed());
        return outcome;
    }

    /** What reading OCDS releases kept, and how many values in another currency were left out. */
    public record OcdsOutcome(TenderStore.Outcome stored, int valuesLeftOut) {
    }

    /**
     * OCDS releases uploaded by a person ({@link Ocds#read}): kept like a feed page, at most
     * {@code hub.tenders.feed.max-bytes}, audited in the organisation.
     *
     * @throws coop.intercoop.hub.tenders.entity.FeedRefusedException
     *             for a file that is not a release package the hub reads, with nothing kept
     */
    public OcdsOutcome uploadOcds(InputStream body) {
        Ocds.Read read = Ocds.read(JsonBodies.limited(body, maxBytes), codes.ocds());
        TenderStore.Outcome outcome = store.store(read.page());
        audit.record(tenant.id(), "tenders.ocds.read", "tender-ocds", null,
                "created " + outcome.created() + ", updated " + outcome.updated() + ", unchanged " + outcome.unchanged()
                        + ", values left out " + read.valuesLeftOut());
        return new OcdsOutcome(outcome, read.valuesLeftOut());
    }

    /** A tender as an OCDS release package, its ocid of the hub's prefix ({@code hub.tenders.ocds.prefix}). */
    public jakarta.json.JsonObject release(Tenders.Kept kept) {
        return Ocds.release(kept, codes.ocds(), ocidPrefix, java.time.Instant.now());
    }

    /** A read as kept: its job's status, its counts, the last page kept and the next, and its outcome. */
    public record Read(long id, String status, int maxPages, Locale language, int pages, int created, int updated,
            int unchanged, int closed, Optional<String> lastPage, Optional<String> nextPage, Optional<String> outcome,
            Optional<String> archive) {
    }

    /**
     * Queues the read of a monthly archive of the feed's pages (a zip of {@code .atom} pages), uploaded by the caller
     * and kept in pieces until the read ends: every page of it is read, in the order of their names, at most
     * {@code hub.tenders.archive.max-bytes} for the archive.
     *
     * @throws FeedRefusedException
     *             for an empty archive or one larger than the hub's most
     */
    public long startArchive(InputStream archive, String fileName, Locale language, long userId) {
        long id = jobs.submit(FeedReadJob.KIND, tenant.id(), userId);
        String name = fileName == null || fileName.isBlank() ? "feed-archive" : fileName.strip();
        update("INSERT INTO tender_feed_read (org_id, id, max_pages, language, archive_name) VALUES (?, ?, ?, ?, ?)",
                tenant.id(), id, ARCHIVE_PAGES, language.toLanguageTag(),
                name.length() > 255 ? name.substring(0, 255) : name);
        try (Connection c = dataSource.getConnection()) {
            if (ARCHIVES.store(c, JsonBodies.limited(archive, maxArchiveBytes), tenant.id(), id) == 0) {
                throw new FeedRefusedException("feed.archive.empty");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The archive could not be kept", e);
        }
        audit.record(tenant.id(), "tenders.archive.asked", "tender-feed", String.valueOf(id), name);
        return id;
    }

    /** Writes a read's archive to {@code out}. */
    void copyArchive(long org, long id, OutputStream out) {
        try (Connection c = dataSource.getConnection()) {
            ARCHIVES.copy(c, out, org, id);
        } catch (SQLException e) {
            throw new IllegalStateException("The archive could not be read", e);
        }
    }

    /** Lets the archive of an ended read go. */
    void dropArchive(long org, long id) {
        try (Connection c = dataSource.getConnection()) {
            ARCHIVES.delete(c, org, id);
        } catch (SQLException e) {
            throw new IllegalStateException("The archive could not be deleted", e);
        }
    }

    /**
     * Queues a read of at most {@code pages} pages (the hub's most when absent) in the caller's organisation, as the
     * caller.
     *
     * @throws FeedReadException
     *             when the hub is set to read no feed, or the pages asked for are not 1 to the hub's most
     */
    public long start(Optional<Integer> pages, Locale language, long userId) {
        if (head().isEmpty()) {
            throw FeedReadException.unset();
        }
        int asked = pages.orElse(maxPages);
        if (asked < 1 || asked > maxPages) {
            throw FeedReadException.pages(asked, maxPages);
        }
        long id = jobs.submit(FeedReadJob.KIND, tenant.id(), userId);
        update("INSERT INTO tender_feed_read (org_id, id, max_pages, language) VALUES (?, ?, ?, ?)", tenant.id(), id,
                asked, language.toLanguageTag());
        return id;
    }

    /** The most hours between two scheduled reads: a week. */
    static final int MOST_HOURS = 168;

    /**
     * Saves the organisation's schedule of reads: a read every {@code everyHours} (1 to a week), the first at once,
     * each as the caller in {@code language}, as a read asked for through the API (the hub's most pages, stopping at
     * the first page that brings nothing new); audited.
     *
     * @param version
     *            the version read, once the organisation has a schedule
     *
     * @throws FeedReadException
     *             when the hub is set to read no feed, or the hours are not 1 to a week
     */
    public Schedule schedule(Integer everyHours, Optional<Integer> version, Locale language, long userId) {
        if (head().isEmpty()) {
            throw FeedReadException.unset();
        }
        if (everyHours == null || everyHours < 1 || everyHours > MOST_HOURS) {
            throw FeedReadException.every(everyHours, MOST_HOURS);
        }
        Schedule saved = schedules.save(tenant.id(), FeedReadJob.KIND, userId, Duration.ofHours(everyHours), language,
                version);
        audit.record(tenant.id(), "tenders.schedule.saved", "tender-feed-schedule", null,
                "every " + everyHours + " hours");
        return saved;
    }

    /**
     * @throws NotFoundException
     *             when the caller's organisation has no schedule of reads
     */
    public Schedule schedule() {
        return schedules.find(tenant.id(), FeedReadJob.KIND)
                .orElseThrow(() -> new NotFoundException("feed-schedule", tenant.id()));
    }

    /**
     * Deletes the organisation's schedule of reads: no read is queued after; one running goes on. Audited.
     *
     * @throws NotFoundException
     *             when the caller's organisation has no schedule of reads
     */
    public void unschedule() {
        if (!schedules.delete(tenant.id(), FeedReadJob.KIND)) {
            throw new NotFoundException("feed-schedule", tenant.id());
        }
        audit.record(tenant.id(), "tenders.schedule.deleted", "tender-feed-schedule", null, null);
    }

    /**
     * @throws NotFoundException
     *             when the caller's organisation has no read of that id
     */
    public Read find(long id) {
        return find(tenant.id(), id).orElseThrow(() -> new NotFoundException("feed-read", id));
    }

    Optional<Read> find(long org, long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT r.id, j.status, r.max_pages, r.language, r.pages,"
                        + " r.created, r.updated, r.unchanged, r.closed, r.last_page, r.next_page, r.outcome,"
                        + " r.archive_name FROM tender_feed_read r JOIN job j ON j.org_id = r.org_id AND j.id = r.id"
                        + " WHERE r.org_id = ? AND r.id = ?")) {
            s.setLong(1, org);
            s.setLong(2, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Read(r.getLong(1), r.getString(2), r.getInt(3),
                        Locale.forLanguageTag(r.getString(4)), r.getInt(5), r.getInt(6), r.getInt(7), r.getInt(8),
                        r.getInt(9), Optional.ofNullable(r.getString(10)), Optional.ofNullable(r.getString(11)),
                        Optional.ofNullable(r.getString(12)), Optional.ofNullable(r.getString(13))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The feed read " + id + " could not be read", e);
        }
    }

    /** Counts a page kept, in the transaction that kept it. */
    void page(long org, long id, String page, TenderStore.Outcome outcome) {
        update("UPDATE tender_feed_read SET pages = pages + 1, created = created + ?, updated = updated + ?,"
                + " unchanged = unchanged + ?, closed = closed + ?, last_page = ?, next_page = ?"
                + " WHERE org_id = ? AND id = ?", outcome.created(), outcome.updated(), outcome.unchanged(),
                outcome.closed(), page, outcome.next().orElse(null), org, id);
    }

    /** Starts the counts again for a run of the job after an interrupted one: its pages are read again. */
    void restart(long org, long id) {
        update("UPDATE tender_feed_read SET pages = 0, created = 0, updated = 0, unchanged = 0, closed = 0,"
                + " last_page = NULL, next_page = NULL, outcome = NULL WHERE org_id = ? AND id = ?", org, id);
    }

    /** Ends the read with its outcome, the text {@code key} of the tenders' texts in the read's language. */
    void end(long org, long id, String key, Object... arguments) {
        end(org, id, language -> HubTexts.format(BUNDLE, language, key, arguments));
    }

    void end(long org, long id, Function<Locale, String> outcome) {
        Read read = find(org, id).orElse(null);
        if (read != null) {
            String text = outcome.apply(read.language());
            update("UPDATE tender_feed_read SET outcome = ? WHERE org_id = ? AND id = ?",
                    text.length() > 2000 ? text.substring(0, 1999) + "…" : text, org, id);
        }
    }

    private void update(String sql, Object... parameters) {
        try {
            Jdbc.update(dataSource, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("A feed read could not be written", e);
        }
    }
}
