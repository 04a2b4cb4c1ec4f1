package coop.intercoop.hub.tenders.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.ForbiddenException;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.platform.Pieces;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenders.entity.BidItem;
import coop.intercoop.hub.tenders.entity.InvalidTenderInputException;

/**
 * The documents a consortium's members upload into their bid, each in its envelope, kept as uploaded with its SHA-256
 * digest, at most {@code hub.tenders.document.max-bytes} each; any member uploads, lists and reads them, and deletes
 * its own. They go into the bid package as they are.
 */
@Dependent
public class BidDocuments {

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    ConsortiumBids bids;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "hub.tenders.document.max-bytes", defaultValue = "26214400")
    long maxBytes;

    /** A document's bytes, in pieces ({@code bid_document_piece}). */
    private static final Pieces PIECES = new Pieces("bid_document_piece", List.of("document_id"), "piece_no", "data");

    /** A document as listed: without its bytes. */
    public record Document(long id, BidItem.Envelope envelope, String fileName, String contentType, long size,
            String sha256, long orgId, Instant uploadedAt) {
    }

    /**
     * Keeps a document in the bid.
     *
     * @throws InvalidTenderInputException
     *             without an envelope or a name, for a name the bid's envelope already holds, an empty file or one over
     *             the hub's most
     */
    public Document upload(long orgId, long consortiumId, BidItem.Envelope envelope, String fileName,
            String contentType, InputStream body) {
        ConsortiumBids.Workspace w = bids.find(orgId, consortiumId);
        if (envelope == null) {
            throw new InvalidTenderInputException("envelope", "document.envelope");
        }
        String name = safeName(fileName);
        if (name.isEmpty() || name.length() > 255 || name.startsWith(".")) {
            throw new InvalidTenderInputException("fileName", "document.name");
        }
        byte[] content;
        try {
            content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (content.length == 0 || content.length > maxBytes) {
            throw new InvalidTenderInputException("file", "document.size", maxBytes);
        }
        long bid = w.bid().getId();
        if (list(bid).stream().anyMatch(d -> d.envelope() == envelope && d.fileName().equalsIgnoreCase(name))) {
            throw new InvalidTenderInputException("fileName", "document.duplicate", name);
        }
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        String digest = sha256(content);
        Instant now = Instant.now();
        long id;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO bid_document (bid_id, envelope, file_name, content_type, size_bytes, sha256, org_id,"
                                + " uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, bid);
            s.setString(2, envelope.name());
            s.setString(3, name);
            s.setString(4, type.length() > 255 ? type.substring(0, 255) : type);
            s.setLong(5, content.length);
            s.setString(6, digest);
            s.setLong(7, orgId);
            s.setLong(8, caller.user().getId());
            s.setTimestamp(9, Timestamp.from(now));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            PIECES.store(c, new ByteArrayInputStream(content), id);
        } catch (SQLException e) {
            throw new IllegalStateException("The document could not be stored", e);
        }
        audit.record(orgId, "bid.document.uploaded", "consortium", String.valueOf(consortiumId),
                envelope + " " + name + ", " + content.length + " bytes, SHA-256 " + digest);
        return new Document(id, envelope, name, type, content.length, digest, orgId, now);
    }

    /** The bid's documents, by envelope and name. */
    public List<Document> list(long orgId, long consortiumId) {
        return list(bids.find(orgId, consortiumId).bid().getId());
    }

    private List<Document> list(long bid) {
        List<Document> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT id, envelope, file_name, content_type, size_bytes, sha256, org_id, uploaded_at"
                                + " FROM bid_document WHERE bid_id = ? ORDER BY envelope, file_name, id")) {
            s.setLong(1, bid);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new Document(r.getLong(1), BidItem.Envelope.valueOf(r.getString(2)), r.getString(3),
                            r.getString(4), r.getLong(5), r.getString(6), r.getLong(7), r.getTimestamp(8).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The documents could not be read", e);
        }
        return found;
    }

    /**
     * A document's bytes.
     *
     * @throws NotFoundException
     *             unless the document is of the bid of a consortium the organisation is a member of
     */
    public byte[] content(long orgId, long consortiumId, long documentId) {
        Document document = find(orgId, consortiumId, documentId);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) document.size());
        try (Connection c = dataSource.getConnection()) {
            PIECES.copy(c, bytes, document.id());
            return bytes.toByteArray();
        } catch (SQLException e) {
            throw new IllegalStateException("The document could not be read", e);
        }
    }

    /** The document as listed. */
    public Document find(long orgId, long consortiumId, long documentId) {
        return list(orgId, consortiumId).stream().filter(d -> d.id() == documentId).findFirst()
                .orElseThrow(() -> new NotFoundException("document", documentId));
    }

    /**
     * Deletes a document the organisation uploaded.
     *
     * @throws ForbiddenException
     *             for a document another member uploaded
     */
    public void delete(long orgId, long consortiumId, long documentId) {
        Document document = find(orgId, consortiumId, documentId);
        if (document.orgId() != orgId) {
            throw new ForbiddenException(new HubTexts.Text(FeedReads.BUNDLE, "document.own"));
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM bid_document WHERE id = ?")) {
            s.setLong(1, documentId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The document could not be deleted", e);
        }
        audit.record(orgId, "bid.document.deleted", "consortium", String.valueOf(consortiumId),
                document.envelope() + " " + document.fileName());
    }

    /**
     * A file's name as the hub keeps it and writes it into a package: its path separators, the characters file systems
     * refuse and control characters each replaced by {@code _}, so that no name reaches outside its folder.
     */
    static String safeName(String fileName) {
        return fileName == null ? "" : fileName.strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
