package coop.intercoop.hub.audit.control;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.audit.entity.AuditEvent;
import coop.intercoop.hub.platform.Actor;

/**
 * Records who did what (DESIGN rule 10). Joins the caller's transaction: an audited change and its audit event commit
 * or roll back together. Each event is appended to its keyed chain ({@link AuditChain}) at once, holding the lock of
 * the chain's head until the transaction ends.
 */
@Dependent
public class AuditTrail {

    /** The actor of what the hub does by itself (migrations, seeding). */
    public static final String SYSTEM = "system";

    @PersistenceContext
    EntityManager em;

    @Inject
    Instance<Actor> actor;

    @Inject
    AuditChain chain;

    public void record(Long orgId, String action, String objectType, String objectId, String detail) {
        recordAs(actor(), orgId, action, objectType, objectId, detail);
    }

    /** An object an event names, and what the event says of it. */
    public record Subject(String objectId, String detail) {
    }

    /**
     * One event of the caller for each subject, appended to the organisation's chain together: what an import of
     * thousands of rows records without a round trip per row.
     */
    public void recordEach(Long orgId, String action, String objectType, List<Subject> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        String who = actor();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        chain.append(subjects.stream()
                .map(s -> new AuditChain.Event(now, who, orgId, action, objectType, s.objectId(), clipped(s.detail())))
                .toList());
    }

    public void recordAs(String actor, Long orgId, String action, String objectType, String objectId, String detail) {
        chain.append(List.of(new AuditChain.Event(Instant.now().truncatedTo(ChronoUnit.MICROS), actor, orgId, action,
                objectType, objectId, clipped(detail))));
    }

    private static String clipped(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    /**
     * Locks the head of the organisation's audit chain until the caller's transaction ends. A component that takes a
     * lock of its own for an organisation and then records audit events (the ledger) calls this first, so that every
     * transaction takes the audit chain's lock before its own and no two transactions deadlock over them.
     */
    public void lockChain(long orgId) {
        chain.lock(orgId);
    }

    public List<AuditEvent> of(long orgId, int first, int max) {
        return em.createNamedQuery(AuditEvent.IN_ORG, AuditEvent.class).setParameter("orgId", orgId)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(long orgId) {
        return em.createNamedQuery(AuditEvent.COUNT_IN_ORG, Long.class).setParameter("orgId", orgId).getSingleResult();
    }

    private String actor() {
        try {
            return actor.get().name().orElse(SYSTEM);
        } catch (ContextNotActiveException outsideRequest) {
            return SYSTEM;
        }
    }
}
