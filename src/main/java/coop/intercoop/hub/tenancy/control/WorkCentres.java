package coop.intercoop.hub.tenancy.control;

import java.util.List;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.entity.WorkCentre;

/** The work centres of the checked organisation. Called from {@link Tenanted} boundaries only. */
@Dependent
public class WorkCentres {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenant tenant;

    @Inject
    AuditTrail audit;

    public List<WorkCentre> all() {
        return em.createNamedQuery(WorkCentre.ALL, WorkCentre.class).getResultList();
    }

    /** EclipseLink adds the tenant to the lookup, so another organisation's id is simply not found. */
    public WorkCentre find(long id) {
        WorkCentre centre = em.find(WorkCentre.class, id);
        if (centre == null) {
            throw new NotFoundException("work centre", id);
        }
        return centre;
    }

    public WorkCentre create(String name, String address, String postalCode, String municipality, String ccc) {
        WorkCentre centre = new WorkCentre(name, address, postalCode, municipality, ccc);
        refuseDuplicateCcc(centre.getCcc(), null);
        em.persist(centre);
        em.flush();
        audit.record(tenant.id(), "work-centre.created", "work-centre", String.valueOf(centre.getId()),
                centre.getName() + ", CCC " + centre.getCcc());
        return centre;
    }

    public WorkCentre change(long id, int expectedVersion, String name, String address, String postalCode,
            String municipality, String ccc) {
        WorkCentre centre = find(id);
        if (centre.getVersion() != expectedVersion) {
            throw new jakarta.persistence.OptimisticLockException(centre);
        }
        centre.change(name, address, postalCode, municipality, ccc);
        refuseDuplicateCcc(centre.getCcc(), id);
        audit.record(tenant.id(), "work-centre.changed", "work-centre", String.valueOf(id),
                centre.getName() + ", CCC " + centre.getCcc());
        return centre;
    }

    public void delete(long id) {
        WorkCentre centre = find(id);
        long members = em
                .createQuery("SELECT COUNT(m) FROM Membership m WHERE m.orgId = :orgId AND m.workCentreId = :id",
                        Long.class)
                .setParameter("orgId", tenant.id()).setParameter("id", id).getSingleResult();
        if (members > 0) {
            throw new WorkCentreInUseException(centre.getName(), members);
        }
        em.remove(centre);
        audit.record(tenant.id(), "work-centre.deleted", "work-centre", String.valueOf(id), centre.getName());
    }

    private void refuseDuplicateCcc(String ccc, Long self) {
        boolean taken = all().stream().anyMatch(w -> w.getCcc().equals(ccc) && !w.getId().equals(self));
        if (taken) {
            throw new DuplicateCccException(ccc);
        }
    }

    public static class DuplicateCccException extends HubException {
        private static final long serialVersionUID = 1L;

        public DuplicateCccException(String ccc) {
            super(Kind.CONFLICT, "ccc", "workCentre.duplicate", new Object[] { ccc });
        }
    }

    public static class WorkCentreInUseException extends HubException {
        private static final long serialVersionUID = 1L;

        public WorkCentreInUseException(String name, long members) {
            super(Kind.CONFLICT, null, "workCentre.in-use", new Object[] { name, members });
        }
    }

}
