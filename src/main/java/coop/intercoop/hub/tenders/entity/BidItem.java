package coop.intercoop.hub.tenders.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import coop.intercoop.hub.platform.Refusals;

/**
 * What one envelope of a bid needs (a declaration, a certificate, the technical report, the price offer), which member
 * organisation prepares it, by when, and whether it is done.
 */
@Entity
@Table(name = "bid_item")
public class BidItem {

    /** The envelopes of a bid (Ley 9/2017 art. 157: administrative documentation, then the offer in one or more). */
    public enum Envelope {
        ADMINISTRATIVE, TECHNICAL, ECONOMIC
    }

    public static final int MAX_TITLE = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "bid_id", updatable = false)
    private Bid bid;

    @Enumerated(EnumType.STRING)
    private Envelope envelope;

    private String title;

    @Column(name = "owner_org_id")
    private long ownerOrgId;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "done_by")
    private Long doneBy;

    @Version
    private int version;

    protected BidItem() {
    }

    BidItem(Bid bid, Envelope envelope, String title, Long ownerOrgId, LocalDate dueDate, Collection<Long> members,
            Optional<LocalDate> deadline) {
        this.bid = bid;
        change(envelope, title, ownerOrgId, dueDate, members, deadline);
    }

    /**
     * @throws InvalidTenderInputException
     *             every refusal at once: no envelope, a title missing or longer than {@value #MAX_TITLE} characters, an
     *             owner that is not an accepted member, no due date or one after the tender's deadline
     */
    public final void change(Envelope newEnvelope, String newTitle, Long owner, LocalDate due, Collection<Long> members,
            Optional<LocalDate> deadline) {
        Refusals refusals = new Refusals();
        if (newEnvelope == null) {
            refusals.add(new InvalidTenderInputException("envelope", "bid.item.envelope"));
        }
        String stripped = newTitle == null ? "" : newTitle.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_TITLE) {
            refusals.add(new InvalidTenderInputException("title", "bid.item.title", MAX_TITLE));
        }
        if (owner == null) {
            refusals.add(new InvalidTenderInputException("ownerOrganisationId", "bid.item.owner.missing"));
        } else if (!members.contains(owner)) {
            refusals.add(new InvalidTenderInputException("ownerOrganisationId", "bid.item.owner", owner));
        }
        if (due == null) {
            refusals.add(new InvalidTenderInputException("dueDate", "bid.item.due"));
        } else if (deadline.filter(due::isAfter).isPresent()) {
            refusals.add(new InvalidTenderInputException("dueDate", "bid.item.afterDeadline", due, deadline.get()));
        }
        refusals.throwIfAny();
        this.envelope = newEnvelope;
        this.title = stripped;
        this.ownerOrgId = owner;
        this.dueDate = due;
    }

    /** Done by the user now, or not done any more. */
    public void done(boolean done, long userId, Instant now) {
        this.doneAt = done ? now : null;
        this.doneBy = done ? userId : null;
    }

    /** Not done and due before {@code today}. */
    public boolean isLate(LocalDate today) {
        return doneAt == null && dueDate.isBefore(today);
    }

    public Long getId() {
        return id;
    }

    public Bid getBid() {
        return bid;
    }

    public Envelope getEnvelope() {
        return envelope;
    }

    public String getTitle() {
        return title;
    }

    public long getOwnerOrgId() {
        return ownerOrgId;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    public Long getDoneBy() {
        return doneBy;
    }

    public int getVersion() {
        return version;
    }
}
