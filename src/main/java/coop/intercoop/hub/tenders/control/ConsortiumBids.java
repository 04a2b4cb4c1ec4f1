package coop.intercoop.hub.tenders.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.ForbiddenException;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Consortia;
import coop.intercoop.hub.tenancy.entity.Consortium;
import coop.intercoop.hub.tenancy.entity.ConsortiumMember;
import coop.intercoop.hub.tenders.entity.Bid;
import coop.intercoop.hub.tenders.entity.BidItem;
import coop.intercoop.hub.tenders.entity.Tender;

/**
 * A consortium's bid workspace: the tender and lots it bids for, the decision to bid, the checklist of each envelope.
 * Every method takes the organisation the request was checked in and reaches the consortium only through it
 * ({@link Consortia#find}): an organisation that is not an accepted member, or that left, finds nothing, at once. The
 * lead aims the bid and decides; any member adds, changes and ticks off items. Changes are audited in the acting
 * organisation.
 */
@Dependent
public class ConsortiumBids {

    static final String REFUSALS = "coop.intercoop.hub.tenders.refusals";

    @PersistenceContext
    EntityManager em;

    @Inject
    Consortia consortia;

    @Inject
    Tenders tenders;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Certificates certificates;

    /** A bid as its members see it: the consortium, the bid and its tender. */
    public record Workspace(Consortium consortium, Bid bid, Tenders.Kept tender) {

        /** The submission deadline's day, if the tender has one. */
        public Optional<LocalDate> deadline() {
            return tender.tender().deadline().map(d -> d.toLocalDate());
        }

        /** The day the members' certificates are checked on: the submission deadline's, else today. */
        public LocalDate checkedOn() {
            return deadline().orElse(LocalDate.now(Watches.PENINSULAR));
        }

        /** The accepted members' organisations, the lead first. */
        public List<Long> members() {
            return consortium.accepted().stream().map(ConsortiumMember::getOrgId).toList();
        }
    }

    /**
     * @throws NotFoundException
     *             unless the organisation is an accepted member of a consortium with a bid
     */
    public Workspace find(long orgId, long consortiumId) {
        return ifAny(orgId, consortiumId).orElseThrow(() -> new NotFoundException("bid", consortiumId));
    }

    /** The consortium's bid, if it has one yet; unless the organisation is an accepted member, not found. */
    public Optional<Workspace> ifAny(long orgId, long consortiumId) {
        Consortium consortium = consortia.find(orgId, consortiumId);
        return bid(consortiumId).map(bid -> new Workspace(consortium, bid, tenders.find(bid.getTenderId())));
    }

    /**
     * The lead aims the consortium's bid at a tender and some of its lots (none: the whole tender); the first time, the
     * bid is made.
     *
     * @param version
     *            the bid's version read, to change an existing bid
     */
    public Workspace aim(long orgId, long consortiumId, long tenderId, List<String> lots, Optional<Integer> version) {
        Consortium consortium = lead(orgId, consortiumId);
        Tenders.Kept tender = tenders.find(tenderId);
        List<String> tenderLots = tender.tender().lots().stream().map(Tender.Lot::id).toList();
        Optional<Bid> existing = bid(consortiumId);
        Bid bid;
        if (existing.isPresent()) {
            bid = existing.get();
            if (version.isEmpty() || bid.getVersion() != version.get()) {
                throw new OptimisticLockException(bid);
            }
            bid.aim(tenderId, lots, tenderLots);
        } else {
            bid = new Bid(consortiumId, tenderId, lots, tenderLots, caller.user().getId(), Instant.now());
            em.persist(bid);
        }
        em.flush();
        audit.record(orgId, "bid.aimed", "consortium", String.valueOf(consortiumId),
                tender.tender().folderId() + (lots.isEmpty() ? "" : ", lots " + String.join(", ", lots)));
        return new Workspace(consortium, bid, tender);
    }

    /**
     * Any member sets the scorecard, with the bid's version read.
     *
     * @throws coop.intercoop.hub.platform.HubException
     *             every refusal of every line at once
     */
    public Workspace score(long orgId, long consortiumId, List<Bid.Score> lines, int version) {
        Workspace workspace = find(orgId, consortiumId);
        if (workspace.bid().getVersion() != version) {
            throw new OptimisticLockException(workspace.bid());
        }
        workspace.bid().score(lines);
        em.lock(workspace.bid(), jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
        audit.record(orgId, "bid.scored", "consortium", String.valueOf(consortiumId),
                workspace.bid().weightedScore().map(Object::toString).orElse("no lines"));
        return workspace;
    }

    /** The certificates of the bid's members, the deadline's validity to check against. */
    public List<Certificates.Held> certificates(Workspace workspace) {
        return certificates.of(workspace.members());
    }

    /** The lead records the members' decision to bid or not. */
    public Workspace decide(long orgId, long consortiumId, Bid.Decision decision, int version) {
        lead(orgId, consortiumId);
        Workspace workspace = find(orgId, consortiumId);
        if (workspace.bid().getVersion() != version) {
            throw new OptimisticLockException(workspace.bid());
        }
        workspace.bid().decide(decision);
        em.flush();
        audit.record(orgId, "bid.decided", "consortium", String.valueOf(consortiumId),
                decision == null ? "undecided" : decision.name());
        return workspace;
    }

    public BidItem addItem(long orgId, long consortiumId, BidItem.Envelope envelope, String title, Long owner,
            LocalDate due) {
        Workspace workspace = find(orgId, consortiumId);
        BidItem item = workspace.bid().add(envelope, title, owner, due, workspace.members(), workspace.deadline());
        em.flush();
        audit.record(orgId, "bid.item.added", "consortium", String.valueOf(consortiumId), item.getTitle());
        return item;
    }

    public BidItem changeItem(long orgId, long consortiumId, long itemId, int version, BidItem.Envelope envelope,
            String title, Long owner, LocalDate due) {
        Workspace workspace = find(orgId, consortiumId);
        BidItem item = item(workspace, itemId, version);
        item.change(envelope, title, owner, due, workspace.members(), workspace.deadline());
        em.flush();
        audit.record(orgId, "bid.item.changed", "consortium", String.valueOf(consortiumId), item.getTitle());
        return item;
    }

    /** The item ticked off as done by the caller now, or as not done any more. */
    public BidItem done(long orgId, long consortiumId, long itemId, int version, boolean done) {
        BidItem item = item(find(orgId, consortiumId), itemId, version);
        item.done(done, caller.user().getId(), Instant.now());
        em.flush();
        if (done) {
            audit.record(orgId, "bid.item.done", "consortium", String.valueOf(consortiumId), item.getTitle());
        } else {
            audit.record(orgId, "bid.item.reopened", "consortium", String.valueOf(consortiumId), item.getTitle());
        }
        return item;
    }

    public void deleteItem(long orgId, long consortiumId, long itemId) {
        Workspace workspace = find(orgId, consortiumId);
        BidItem item = workspace.bid().getItems().stream().filter(i -> i.getId() == itemId).findFirst()
                .orElseThrow(() -> new NotFoundException("item", itemId));
        workspace.bid().remove(item);
        audit.record(orgId, "bid.item.deleted", "consortium", String.valueOf(consortiumId), item.getTitle());
    }

    private static BidItem item(Workspace workspace, long itemId, int version) {
        BidItem item = workspace.bid().getItems().stream().filter(i -> i.getId() == itemId).findFirst()
                .orElseThrow(() -> new NotFoundException("item", itemId));
        if (item.getVersion() != version) {
            throw new OptimisticLockException(item);
        }
        return item;
    }

    /** The consortium, when the organisation is its lead. */
    Consortium lead(long orgId, long consortiumId) {
        Consortium consortium = consortia.find(orgId, consortiumId);
        if (!consortium.isLead(orgId)) {
            throw new ForbiddenException(new HubTexts.Text(REFUSALS, "bid.lead-only"));
        }
        return consortium;
    }

    private Optional<Bid> bid(long consortiumId) {
        return em.createNamedQuery(Bid.OF_CONSORTIUM, Bid.class).setParameter("consortium", consortiumId)
                .getResultStream().findFirst();
    }
}
