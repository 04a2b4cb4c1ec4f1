package coop.intercoop.hub.tenders.entity;

import java.math.BigDecimal;
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

    @OneToMany(mappedBy = "bid", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<BidScore> scorecard = new ArrayList<>();

    /** A line of the scorecard as given: what is weighed, its weight (more than 0) and its score (0 to 10). */
    public record Score(String criterion, BigDecimal weight, BigDecimal score, String note) {
    }

    protected Bid() {
    }

    /**
     * @param tenderLots
     *            the lots the tender has
     *
     * @throws InvalidTenderInputException
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
     * @throws InvalidTenderInputException
     *             for each lot the tender has not, or named twice; and when the checklist has items and the tender
     *             changes (they were for the other one)
     */
    public final void aim(long tender, List<String> chosen, Collection<String> tenderLots) {
        Refusals refusals = new Refusals();
        Set<String> seen = new java.util.HashSet<>();
        for (String lot : chosen) {
            if (!tenderLots.contains(lot)) {
                refusals.add(new InvalidTenderInputException("lots", "bid.lot.unknown", lot));
            } else if (!seen.add(lot)) {
                refusals.add(new InvalidTenderInputException("lots", "bid.lot.twice", lot));
            }
        }
        if (id != null && tender != tenderId && !items.isEmpty()) {
            refusals.add(new InvalidTenderInputException("tenderId", "bid.tender.items", items.size()));
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
     * @throws InvalidTenderInputException
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

    /**
     * The scorecard, now these lines.
     *
     * @throws InvalidTenderInputException
     *             every refusal of every line at once, each naming its line ({@code scorecard[i].weight})
     */
    public void score(List<Score> lines) {
        Refusals refusals = new Refusals();
        for (int i = 0; i < lines.size(); i++) {
            Score line = lines.get(i);
            String field = "scorecard[" + i + "].";
            String criterion = line.criterion() == null ? "" : line.criterion().strip();
            if (criterion.isEmpty() || criterion.length() > 200) {
                refusals.add(new InvalidTenderInputException(field + "criterion", "bid.score.criterion", 200));
            }
            if (line.weight() == null || line.weight().signum() <= 0 || line.weight().scale() > 2
                    || line.weight().compareTo(new BigDecimal("99999.99")) > 0) {
                refusals.add(new InvalidTenderInputException(field + "weight", "bid.score.weight"));
            }
            if (line.score() == null || line.score().signum() < 0 || line.score().compareTo(BigDecimal.TEN) > 0
                    || line.score().scale() > 2) {
                refusals.add(new InvalidTenderInputException(field + "score", "bid.score.score"));
            }
            if (line.note() != null && line.note().length() > 1000) {
                refusals.add(new InvalidTenderInputException(field + "note", "bid.score.note", 1000));
            }
        }
        refusals.throwIfAny();
        scorecard.clear();
        for (Score line : lines) {
            scorecard.add(new BidScore(this, line.criterion().strip(), line.weight(), line.score(),
                    line.note() == null || line.note().isBlank() ? null : line.note().strip()));
        }
    }

    /** The scorecard's weighted score, 0 to 10 to two decimals; empty without lines. */
    public java.util.Optional<BigDecimal> weightedScore() {
        BigDecimal weights = scorecard.stream().map(BidScore::getWeight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (weights.signum() == 0) {
            return java.util.Optional.empty();
        }
        BigDecimal sum = scorecard.stream().map(l -> l.getWeight().multiply(l.getScore())).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        return java.util.Optional.of(sum.divide(weights, 2, java.math.RoundingMode.HALF_UP));
    }

    public List<BidScore> getScorecard() {
        return scorecard;
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
}
