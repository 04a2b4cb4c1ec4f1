package coop.intercoop.hub.accounting.control;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.accounting.entity.DraftEntry;
import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * Entries being prepared in the checked organisation ({@link DraftEntry}): saved, changed and discarded freely. Posting
 * a draft runs every check of the {@link Ledger} and removes the draft in the same transaction. Concurrent changes are
 * caught by the entity's version: a change names the version it was made on, and a change, post or discard of a draft
 * someone else changed meanwhile is refused.
 */
@Dependent
public class Drafts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenant tenant;

    @Inject
    Caller caller;

    @Inject
    Ledger ledger;

    @Inject
    AuditTrail audit;

    /** A draft as the API and the portal show it. */
    public record Draft(long id, int version, Instant updatedAt, EntryDraft entry) {
        static Draft of(DraftEntry draft) {
            return new Draft(draft.getId(), draft.getVersion(), draft.getUpdatedAt(), draft.entry());
        }
    }

    public List<Draft> all() {
        return em.createNamedQuery(DraftEntry.ALL, DraftEntry.class).getResultStream().map(Draft::of).toList();
    }

    /**
     * @throws NotFoundException
     *             if the organisation has no such draft
     */
    public Draft find(long id) {
        return Draft.of(entity(id));
    }

    /** Saves a new draft; it needs a date, a journal and a description, the rest may still be missing. */
    public Draft create(EntryDraft entry) {
        DraftEntry draft = new DraftEntry(entry, caller.user().getId(), Instant.now());
        em.persist(draft);
        em.flush();
        audit.record(tenant.id(), "accounting.draft-saved", "draft", String.valueOf(draft.getId()),
                draft.getEntryDate() + ", " + draft.getDescription());
        return Draft.of(draft);
    }

    /**
     * Replaces a draft's content; {@code expectedVersion} is the version read.
     *
     * @throws OptimisticLockException
     *             if someone changed, posted or discarded it meanwhile
     */
    public Draft update(long id, int expectedVersion, EntryDraft entry) {
        DraftEntry draft = entity(id);
        if (draft.getVersion() != expectedVersion) {
            throw new OptimisticLockException(draft);
        }
        draft.write(entry, Instant.now());
        em.flush();
        audit.record(tenant.id(), "accounting.draft-saved", "draft", String.valueOf(id),
                draft.getEntryDate() + ", " + draft.getDescription());
        return Draft.of(draft);
    }

    public void discard(long id) {
        em.remove(entity(id));
        em.flush();
        audit.record(tenant.id(), "accounting.draft-discarded", "draft", String.valueOf(id), null);
    }

    /**
     * Posts a draft with every check of the ledger and removes it, in one transaction.
     *
     * @throws OptimisticLockException
     *             if someone changed, posted or discarded it meanwhile
     */
    public Ledger.Posted post(long id, Ledger.SoftLockOverride override) {
        DraftEntry draft = entity(id);
        Ledger.Posted posted = ledger.post(draft.entry(), override);
        em.remove(draft);
        em.flush();
        return posted;
    }

    private DraftEntry entity(long id) {
        return em.createNamedQuery(DraftEntry.BY_ID, DraftEntry.class).setParameter("id", id).getResultStream()
                .findFirst().orElseThrow(() -> new NotFoundException("draft", String.valueOf(id)));
    }
}
