package coop.intercoop.hub.tenders.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.Refusals;

/**
 * A consortium's bid for one tender: the tender, the lots bid for (none: the whole tender), the members' decision to
 * bid or not, and the checklist of each envelope. Consortium data: not scoped to one organisation, reached only through
 * an accepted member of the consortium. Invariants kept here: the lots are lots of the tender, each once; an item is
 * owned by an accepted member and due on or before the tender's submission deadline.
 */
@Entity
@Table(name = "bid")
@NamedQuery(name = Bid.OF_CONSORTIUM, query = "SELECT b FROM Bid b WHERE b.consortiumId = :consortium")
public class Bid {

    public static final String OF_CONSORTIUM = "Bid.ofConsortium";

    /** The members' decision on whether to bid. */
    public enum Decision {
        BID, NO_BID
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "consortium_id", updatable = false)
    private long consortiumId;

    @Column(name = "tender_id")
    private long tenderId;

    private String lots;

    @Enumerated(EnumType.STRING)
    private Decision decision;

    @Column(name = "created_by", updatable = false)
    private long createdBy;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Version
    private int version;

    @OneToMany(mappedBy = "bid", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("envelope, dueDate, id")
    private List<BidItem> items = new ArrayList<>();

    protected Bid() {
    }

    /**
     * @param tenderLots
     *            the lots the tender has
     *
     * @throws HubException
     *             for each lot the tender has not, or named twice
     */
    public Bid(long consortiumId, long tenderId, List<String> lots, Collection<String> tenderLots, long userId,
            Instant now) {
        this.consortiumId = consortiumId;
        this.createdBy = userId;
        this.createdAt = now;
        aim(tenderId, lots, tenderLots);
    }

    /**
     * The tender and lots bid for, now these.
     *
     * @throws HubException
     *             for each lot the tender has not, or named twice; and when the checklist has items and the tender
     *             changes (they were for the other one)
     */
    public final void aim(long tender, List<String> chosen, Collection<String> tenderLots) {
        Refusals refusals = new Refusals();
        Set<String> seen = new java.util.HashSet<>();
        for (String lot : chosen) {
            if (!tenderLots.contains(lot)) {
                refusals.add(new Refused("lots", "bid.lot.unknown", lot));
            } else if (!seen.add(lot)) {
                refusals.add(new Refused("lots", "bid.lot.twice", lot));
            }
        }
        if (id != null && tender != tenderId && !items.isEmpty()) {
            refusals.add(new Refused("tenderId", "bid.tender.items", items.size()));
        }
        refusals.throwIfAny();
        this.tenderId = tender;
        this.lots = String.join(",", chosen);
    }

    public void decide(Decision decided) {
        this.decision = decided;
    }

    /**
     * @param members
     *            the consortium's accepted members
     * @param deadline
     *            the tender's submission deadline, if it has one
     *
     * @throws HubException
     *             every refusal of the item's fields at once
     */
    public BidItem add(BidItem.Envelope envelope, String title, Long ownerOrgId, LocalDate dueDate,
            Collection<Long> members, java.util.Optional<LocalDate> deadline) {
        BidItem item = new BidItem(this, envelope, title, ownerOrgId, dueDate, members, deadline);
        items.add(item);
        return item;
    }

    public void remove(BidItem item) {
        items.remove(item);
    }

    public Long getId() {
        return id;
    }

    public long getConsortiumId() {
        return consortiumId;
    }

    public long getTenderId() {
        return tenderId;
    }

    /** The lots bid for, in the order named; empty: the whole tender. */
    public List<String> getLots() {
        return lots == null || lots.isEmpty() ? List.of() : Arrays.asList(lots.split(","));
    }

    public Decision getDecision() {
        return decision;
    }

    public int getVersion() {
        return version;
    }

    public List<BidItem> getItems() {
        return items;
    }

    /** A part of a bid that cannot be. */
    public static class Refused extends HubException {

        private static final long serialVersionUID = 1L;

        public Refused(String field, String key, Object... arguments) {
            super(Kind.INVALID, field, key, arguments);
        }
    }
}
