package coop.intercoop.hub.tenders.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenders.entity.Certificate;

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

    /** A member's certificate as a consortium's bid shows it. */
    public record Held(long orgId, long id, Certificate.Kind kind, String title, Optional<String> issuer,
            LocalDate validFrom, Optional<LocalDate> validUntil) {

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

    public Certificate create(Certificate.Kind kind, String title, String issuer, String reference, LocalDate from,
            LocalDate until) {
        Certificate certificate = new Certificate(kind, title, issuer, reference, from, until);
        em.persist(certificate);
        em.flush();
        audit.record(tenant.id(), "certificate.created", "certificate", String.valueOf(certificate.getId()),
                certificate.getTitle());
        return certificate;
    }

    public Certificate change(long id, int expectedVersion, Certificate.Kind kind, String title, String issuer,
            String reference, LocalDate from, LocalDate until) {
        Certificate certificate = find(id);
        if (certificate.getVersion() != expectedVersion) {
            throw new OptimisticLockException(certificate);
        }
        certificate.change(kind, title, issuer, reference, from, until);
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
                    PreparedStatement s = c.prepareStatement("SELECT org_id, id, kind, title, issuer, valid_from,"
                            + " valid_until FROM org_certificate WHERE org_id IN (" + Jdbc.placeholders(chunk.size())
                            + ") ORDER BY org_id, kind, valid_from DESC, id")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        held.add(new Held(r.getLong(1), r.getLong(2), Certificate.Kind.valueOf(r.getString(3)),
                                r.getString(4), Optional.ofNullable(r.getString(5)), r.getObject(6, LocalDate.class),
                                Optional.ofNullable(r.getObject(7, LocalDate.class))));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("The members' certificates could not be read", e);
            }
        }
        return held;
    }
}
