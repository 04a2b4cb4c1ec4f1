package coop.intercoop.hub.tenders.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.platform.Pieces;
import coop.intercoop.hub.platform.jobs.JobRunner;
import coop.intercoop.hub.tenders.entity.InvalidTenderInputException;

/**
 * A member's bid packages ({@code bid_package}, one per job of {@link BidPackageJob}): asked for by a member's
 * tender-manager with the union's representative, built on the job runner, ended with what they hold or why they could
 * not be built, in the language of the person who asked; downloaded by the members of the organisation that asked,
 * while it is still a member of the consortium. Every statement names the organisation.
 */
@Dependent
public class BidPackages {

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    ConsortiumBids bids;

    @Inject
    JobRunner jobs;

    @Inject
    AuditTrail audit;

    /** A built package's zip, in pieces ({@code bid_package_piece}). */
    private static final Pieces PIECES = new Pieces("bid_package_piece", List.of("org_id", "package_id"), "piece_no",
            "data");

    /** A package as kept: its job's status, consortium, representative, size, digest and outcome. */
    public record Package(long id, String status, long consortiumId, String representative, Locale language,
            Optional<Long> size, Optional<String> sha256, Optional<String> outcome) {
    }

    /**
     * Queues the build of the consortium's bid package, as the caller.
     *
     * @throws InvalidTenderInputException
     *             without a representative, or one longer than 255 characters
     */
    public long start(long orgId, long consortiumId, String representative, Locale language, long userId) {
        bids.find(orgId, consortiumId);
        if (representative == null || representative.isBlank() || representative.strip().length() > 255) {
            throw new InvalidTenderInputException("representative", "package.representative");
        }
        long id = jobs.submit(BidPackageJob.KIND, orgId, userId);
        update("INSERT INTO bid_package (org_id, id, consortium_id, representative, language) VALUES (?, ?, ?, ?, ?)",
                orgId, id, consortiumId, representative.strip(), language.toLanguageTag());
        audit.record(orgId, "bid.package.asked", "consortium", String.valueOf(consortiumId), "job " + id);
        return id;
    }

    /**
     * @throws NotFoundException
     *             unless the organisation asked for the package and is still a member of the consortium
     */
    public Package find(long orgId, long consortiumId, long id) {
        bids.find(orgId, consortiumId);
        return find(orgId, id).filter(p -> p.consortiumId() == consortiumId)
                .orElseThrow(() -> new NotFoundException("package", id));
    }

    Optional<Package> find(long org, long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT p.id, j.status, p.consortium_id, p.representative, p.language, p.size_bytes, p.sha256,"
                                + " p.outcome FROM bid_package p JOIN job j ON j.org_id = p.org_id AND j.id = p.id"
                                + " WHERE p.org_id = ? AND p.id = ?")) {
            s.setLong(1, org);
            s.setLong(2, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Package(r.getLong(1), r.getString(2), r.getLong(3), r.getString(4),
                        Locale.forLanguageTag(r.getString(5)), Optional.ofNullable(r.getObject(6, Long.class)),
                        Optional.ofNullable(r.getString(7)), Optional.ofNullable(r.getString(8))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The package " + id + " could not be read", e);
        }
    }

    /**
     * The built package the organisation may download.
     *
     * @throws NotFoundException
     *             unless the package is the organisation's, of a consortium it is still a member of, and built
     */
    public Package built(long orgId, long consortiumId, long id) {
        Package p = find(orgId, consortiumId, id);
        if (p.size().isEmpty()) {
            throw new NotFoundException("package", id);
        }
        return p;
    }

    /** Streams the zip of a package {@link #built} answered for the organisation. */
    public void stream(long orgId, long id, OutputStream out) {
        try (Connection c = dataSource.getConnection()) {
            PIECES.copy(c, out, orgId, id);
        } catch (SQLException e) {
            throw new IllegalStateException("The package " + id + " could not be read", e);
        }
    }

    /** Keeps the built zip (a file of the job's) with its size and digest. */
    void built(long org, long id, Path zip, String sha256) {
        try (Connection c = dataSource.getConnection();
                InputStream in = Files.newInputStream(zip);
                PreparedStatement s = c.prepareStatement(
                        "UPDATE bid_package SET size_bytes = ?, sha256 = ? WHERE org_id = ? AND id = ?")) {
            long size = PIECES.store(c, in, org, id);
            s.setLong(1, size);
            s.setString(2, sha256);
            s.setLong(3, org);
            s.setLong(4, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The package " + id + " could not be kept", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the package with its outcome, the text {@code key} of the tenders' texts in the package's language. */
    void end(long org, long id, String key, Object... arguments) {
        end(org, id, language -> HubTexts.format(FeedReads.BUNDLE, language, key, arguments));
    }

    void end(long org, long id, Function<Locale, String> outcome) {
        find(org, id).ifPresent(p -> {
            String text = outcome.apply(p.language());
            update("UPDATE bid_package SET outcome = ? WHERE org_id = ? AND id = ?",
                    text.length() > 2000 ? text.substring(0, 1999) + "…" : text, org, id);
        });
    }

    private void update(String sql, Object... parameters) {
        try {
            Jdbc.update(dataSource, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("A bid package could not be written", e);
        }
    }
}
