package coop.intercoop.hub.tenders.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenders.entity.Certificate;
import coop.intercoop.hub.tenders.entity.InvalidTenderInputException;

/**
 * The organisation's certificates for its bids, kept through its own path (tenant-scoped, audited); and, for a
 * consortium's bid, the certificates of its accepted members, read by native SQL that names those organisations: the
 * members of a consortium see each other's certificates there, and only there.
 */
@Dependent
public class Certificates {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    @ConfigProperty(name = "hub.tenders.certificate.max-bytes", defaultValue = "10485760")
    long maxDocumentBytes;

    /** A member's certificate as a consortium's bid shows it. */
    public record Held(long orgId, long id, Certificate.Kind kind, String title, Optional<String> issuer,
            Optional<String> reference, Optional<String> uri, LocalDate validFrom, Optional<LocalDate> validUntil,
            Optional<String> document) {

        public boolean validOn(LocalDate day) {
            return Certificate.valid(validFrom, validUntil, day);
        }
    }

    /** Whether the organisation holds, among these, a certificate of the kind valid on the day. */
    public static boolean holds(List<Held> held, long org, Certificate.Kind kind, LocalDate day) {
        return held.stream().anyMatch(h -> h.orgId() == org && h.kind() == kind && h.validOn(day));
    }

    public List<Certificate> all() {
        return em.createNamedQuery(Certificate.ALL, Certificate.class).getResultList();
    }

    /** EclipseLink adds the tenant to the lookup, so another organisation's id is simply not found. */
    public Certificate find(long id) {
        Certificate certificate = em.find(Certificate.class, id);
        if (certificate == null) {
            throw new NotFoundException("certificate", id);
        }
        return certificate;
    }

    /** The fields of a certificate, as the API and the portal give them. */
    public record Input(Certificate.Kind kind, String title, String issuer, String reference, String uri,
            LocalDate validFrom, LocalDate validUntil) {
    }

    public Certificate create(Input in) {
        Certificate certificate = new Certificate(in.kind(), in.title(), in.issuer(), in.reference(), in.uri(),
                in.validFrom(), in.validUntil());
        em.persist(certificate);
        em.flush();
        audit.record(tenant.id(), "certificate.created", "certificate", String.valueOf(certificate.getId()),
                certificate.getTitle());
        return certificate;
    }

    public Certificate change(long id, int expectedVersion, Input in) {
        Certificate certificate = find(id);
        if (certificate.getVersion() != expectedVersion) {
            throw new OptimisticLockException(certificate);
        }
        certificate.change(in.kind(), in.title(), in.issuer(), in.reference(), in.uri(), in.validFrom(),
                in.validUntil());
        em.flush();
        audit.record(tenant.id(), "certificate.changed", "certificate", String.valueOf(id), certificate.getTitle());
        return certificate;
    }

    public void delete(long id) {
        Certificate certificate = find(id);
        em.remove(certificate);
        audit.record(tenant.id(), "certificate.deleted", "certificate", String.valueOf(id), certificate.getTitle());
    }

    /** The certificates of these organisations (a consortium's accepted members), by kind and newest first. */
    public List<Held> of(Collection<Long> organisations) {
        List<Held> held = new ArrayList<>();
        for (List<Long> chunk : Jdbc.chunks(organisations)) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement("SELECT c.org_id, c.id, c.kind, c.title, c.issuer,"
                            + " c.reference, c.uri, c.valid_from, c.valid_until, d.name FROM org_certificate c"
                            + " LEFT JOIN org_certificate_document d ON d.certificate_id = c.id AND d.org_id = c.org_id"
                            + " WHERE c.org_id IN (" + Jdbc.placeholders(chunk.size())
                            + ") ORDER BY c.org_id, c.kind, c.valid_from DESC, c.id")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        held.add(new Held(r.getLong(1), r.getLong(2), Certificate.Kind.valueOf(r.getString(3)),
                                r.getString(4), Optional.ofNullable(r.getString(5)),
                                Optional.ofNullable(r.getString(6)), Optional.ofNullable(r.getString(7)),
                                r.getObject(8, LocalDate.class), Optional.ofNullable(r.getObject(9, LocalDate.class)),
                                Optional.ofNullable(r.getString(10))));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("The members' certificates could not be read", e);
            }
        }
        return held;
    }

    /** A certificate's document: its name, type, size and SHA-256, and when it was attached. */
    public record Document(long certificateId, String name, String contentType, long size, String sha256,
            Instant uploadedAt) {
    }

    /**
     * Attaches the certificate's document (its PDF, say), replacing the one it had, at most
     * {@code hub.tenders.certificate.max-bytes}; audited.
     *
     * @throws InvalidTenderInputException
     *             without a name, for an empty file or one over the hub's most
     */
    public Document attach(long id, String fileName, String contentType, InputStream body) {
        Certificate certificate = find(id);
        String name = BidDocuments.safeName(fileName);
        if (name.isEmpty() || name.length() > 255 || name.startsWith(".")) {
            throw new InvalidTenderInputException("fileName", "document.name");
        }
        byte[] content;
        try {
            content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxDocumentBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (content.length == 0) {
            throw new InvalidTenderInputException("file", "certificate.document.empty");
        }
        if (content.length > maxDocumentBytes) {
            throw new InvalidTenderInputException("file", "certificate.document.large", maxDocumentBytes);
        }
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        type = type.length() > 255 ? type.substring(0, 255) : type;
        String digest = BidDocuments.sha256(content);
        Instant now = Instant.now();
        try {
            Jdbc.update(dataSource, "DELETE FROM org_certificate_document WHERE org_id = ? AND certificate_id = ?",
                    tenant.id(), id);
            Jdbc.update(dataSource,
                    "INSERT INTO org_certificate_document (org_id, certificate_id, name, content_type,"
                            + " size, sha256, data, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    tenant.id(), id, name, type, content.length, digest, content, caller.user().getId(),
                    Timestamp.from(now));
        } catch (SQLException e) {
            throw new IllegalStateException("The certificate's document could not be stored", e);
        }
        audit.record(tenant.id(), "certificate.document.attached", "certificate", String.valueOf(id),
                certificate.getTitle() + ": " + name + ", " + content.length + " bytes, SHA-256 " + digest);
        return new Document(id, name, type, content.length, digest, now);
    }

    /** The certificate's document, if it has one. */
    public Optional<Document> document(long id) {
        find(id);
        try {
            return Jdbc
                    .query(dataSource,
                            "SELECT certificate_id, name, content_type, size, sha256, uploaded_at"
                                    + " FROM org_certificate_document WHERE org_id = ? AND certificate_id = ?",
                            r -> new Document(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4),
                                    r.getString(5), r.getTimestamp(6).toInstant()),
                            tenant.id(), id)
                    .stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("The certificate's document could not be read", e);
        }
    }

    /**
     * @throws NotFoundException
     *             when the certificate has no document
     */
    public byte[] content(long id) {
        find(id);
        return content(tenant.id(), id).orElseThrow(() -> new NotFoundException("certificate-document", id));
    }

    /** The bytes of an organisation's certificate's document, for the package of a bid its organisation is in. */
    Optional<byte[]> content(long orgId, long id) {
        try {
            return Jdbc.query(dataSource,
                    "SELECT data FROM org_certificate_document WHERE org_id = ?" + " AND certificate_id = ?",
                    r -> r.getBytes(1), orgId, id).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("The certificate's document could not be read", e);
        }
    }

    /**
     * @throws NotFoundException
     *             when the certificate has no document
     */
    public void detach(long id) {
        Certificate certificate = find(id);
        try {
            if (Jdbc.update(dataSource, "DELETE FROM org_certificate_document WHERE org_id = ? AND certificate_id = ?",
                    tenant.id(), id) == 0) {
                throw new NotFoundException("certificate-document", id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The certificate's document could not be deleted", e);
        }
        audit.record(tenant.id(), "certificate.document.detached", "certificate", String.valueOf(id),
                certificate.getTitle());
    }
}
