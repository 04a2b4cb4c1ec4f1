package coop.intercoop.hub.tenders.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
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
import coop.intercoop.hub.tenders.entity.ServiceRecord;

/**
 * The services the organisation performed, kept through its own path (tenant-scoped, audited); and, for a consortium's
 * solvency, a member's services read by native SQL that names the member, only as far as it consented
 * ({@link Solvency}).
 */
@Dependent
public class ServiceRecords {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    AuditTrail audit;

    /** The fields of a service, as the API and the portal give them. */
    public record Input(String title, String recipient, Boolean recipientPublic, String recipientTaxId,
            List<String> cpvs, BigDecimal amount, LocalDate started, LocalDate ended, String certificate) {
    }

    /** A member's service as a consortium's solvency reads it. */
    public record Performed(long id, String title, String recipient, boolean recipientPublic, List<String> cpvs,
            BigDecimal amount, LocalDate started, Optional<LocalDate> ended, Optional<String> certificate) {
    }

    public List<ServiceRecord> all() {
        return em.createNamedQuery(ServiceRecord.ALL, ServiceRecord.class).getResultList();
    }

    /** EclipseLink adds the tenant to the lookup, so another organisation's id is simply not found. */
    public ServiceRecord find(long id) {
        ServiceRecord service = em.find(ServiceRecord.class, id);
        if (service == null) {
            throw new NotFoundException("service", id);
        }
        return service;
    }

    public ServiceRecord create(Input in) {
        ServiceRecord service = new ServiceRecord(in.title(), in.recipient(), in.recipientPublic(), in.recipientTaxId(),
                in.cpvs(), in.amount(), in.started(), in.ended(), in.certificate());
        em.persist(service);
        em.flush();
        audit.record(tenant.id(), "service.created", "service", String.valueOf(service.getId()), service.getTitle());
        return service;
    }

    public ServiceRecord change(long id, int expectedVersion, Input in) {
        ServiceRecord service = find(id);
        if (service.getVersion() != expectedVersion) {
            throw new OptimisticLockException(service);
        }
        service.change(in.title(), in.recipient(), in.recipientPublic(), in.recipientTaxId(), in.cpvs(), in.amount(),
                in.started(), in.ended(), in.certificate());
        em.flush();
        audit.record(tenant.id(), "service.changed", "service", String.valueOf(id), service.getTitle());
        return service;
    }

    public void delete(long id) {
        ServiceRecord service = find(id);
        em.remove(service);
        audit.record(tenant.id(), "service.deleted", "service", String.valueOf(id), service.getTitle());
    }

    /** The member's services with days from {@code from} to {@code to}, the latest first. */
    List<Performed> of(long memberOrgId, LocalDate from, LocalDate to) {
        try {
            return Jdbc.query(dataSource, "SELECT id, title, recipient, recipient_public, cpvs, amount, started, ended,"
                    + " certificate FROM org_service WHERE org_id = ? AND started <= ? AND (ended IS NULL OR ended >= ?)"
                    + " ORDER BY started DESC, id DESC",
                    r -> new Performed(r.getLong(1), r.getString(2), r.getString(3), r.getBoolean(4),
                            Arrays.asList(r.getString(5).split(" ")), r.getBigDecimal(6),
                            r.getObject(7, LocalDate.class), Optional.ofNullable(r.getObject(8, LocalDate.class)),
                            Optional.ofNullable(r.getString(9))),
                    memberOrgId, to, from);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The member's services could not be read", e);
        }
    }
}
