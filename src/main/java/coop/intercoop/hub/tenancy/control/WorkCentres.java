package coop.intercoop.hub.tenancy.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.entity.WorkCentre;

/**
 * The work centres of the checked organisation, called from {@link Tenanted} boundaries; and what other components need
 * of an organisation's work centres (accounting's analytic shares name a work centre by its CCC), read for a whole set
 * at once, in the organisation they name. Those reads are native SQL that names the organisation itself (DESIGN rule
 * 1): a multi-organisation import checks the books of each organisation of its rows, which the caller was checked for,
 * while the job's own organisation is the one entered.
 */
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

    /** The CCCs of the organisation's work centres. */
    public Set<String> cccs(long org) {
        Set<String> cccs = new HashSet<>();
        for (Object ccc : nativeQuery("SELECT ccc FROM work_centre WHERE org_id = ?", org).getResultList()) {
            cccs.add((String) ccc);
        }
        return cccs;
    }

    /** The ids of the organisation's work centres with these CCCs, by CCC; a CCC it has not is left out. */
    public Map<String, Long> idsByCcc(long org, Collection<String> cccs) {
        Map<String, Long> ids = new HashMap<>();
        for (Object row : rowsIn("SELECT ccc, id FROM work_centre WHERE org_id = ? AND ccc IN ", org, cccs)) {
            Object[] columns = (Object[]) row;
            ids.put((String) columns[0], ((Number) columns[1]).longValue());
        }
        return ids;
    }

    /** The CCCs of the organisation's work centres with these ids, by id; an id it has not is left out. */
    public Map<Long, String> cccsById(long org, Collection<Long> ids) {
        Map<Long, String> cccs = new HashMap<>();
        for (Object row : rowsIn("SELECT id, ccc FROM work_centre WHERE org_id = ? AND id IN ", org, ids)) {
            Object[] columns = (Object[]) row;
            cccs.put(((Number) columns[0]).longValue(), (String) columns[1]);
        }
        return cccs;
    }

    private Query nativeQuery(String sql, long org) {
        return em.createNativeQuery(sql).setHint("eclipselink.jdbc.allow-native-sql-query", true).setParameter(1, org);
    }

    /**
     * The rows of {@code select … IN } in the organisation, the values appended a {@link Jdbc#chunks chunk} at a time.
     */
    private List<Object> rowsIn(String select, long org, Collection<?> values) {
        List<Object> rows = new ArrayList<>();
        for (List<?> chunk : Jdbc.chunks(values)) {
            Query query = nativeQuery(select + "(" + Jdbc.placeholders(chunk.size()) + ")", org);
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 2, chunk.get(i));
            }
            rows.addAll(query.getResultList());
        }
        return rows;
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
