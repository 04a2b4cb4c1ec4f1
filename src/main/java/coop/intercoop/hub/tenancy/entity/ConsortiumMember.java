package coop.intercoop.hub.tenancy.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import coop.intercoop.hub.platform.HubException;

/**
 * An organisation's place in a {@link Consortium}: its share and whether it accepted. The row of an invited
 * organisation is also its invitation, answered only by that organisation. Changed only through its consortium, which
 * keeps the shares' invariants.
 */
@Entity
@Table(name = "consortium_member")
@NamedQuery(name = ConsortiumMember.ADDRESSED_TO, query = "SELECT m FROM ConsortiumMember m WHERE m.orgId = :orgId"
        + " AND m.status = :status ORDER BY m.invitedAt DESC, m.id DESC")
@NamedQuery(name = ConsortiumMember.ONE_ADDRESSED_TO, query = "SELECT m FROM ConsortiumMember m WHERE m.id = :id"
        + " AND m.orgId = :orgId")
public class ConsortiumMember {

    public static final String ADDRESSED_TO = "ConsortiumMember.addressedTo";
    public static final String ONE_ADDRESSED_TO = "ConsortiumMember.oneAddressedTo";

    /** The largest share, in percent. */
    public static final BigDecimal WHOLE = new BigDecimal("100.00");

    /** Where an organisation stands in a consortium. */
    public enum Status {
        /** Invited by the lead; not yet a member. */
        INVITED,
        /** A member, bound by its share. */
        ACCEPTED,
        /** Said no; the lead may invite it again. */
        DECLINED,
        /** Was a member and left; sees nothing of the consortium any more, and the lead may invite it again. */
        LEFT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "consortium_id", updatable = false)
    private Consortium consortium;

    @Column(name = "org_id", updatable = false)
    private long orgId;

    private BigDecimal share;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "invited_at")
    private Instant invitedAt;

    @Column(name = "responded_at")
    private Instant respondedAt;

    protected ConsortiumMember() {
    }

    ConsortiumMember(Consortium consortium, long orgId, BigDecimal share, Instant invitedAt) {
        this.consortium = consortium;
        this.orgId = orgId;
        invite(share, invitedAt);
    }

    /**
     * A share as the shares are kept: a percentage more than 0 and at most 100, with at most two decimals, never
     * rounded (a share typed as 33.333 is refused rather than changed behind the typist's back).
     *
     * @throws InvalidShareException
     *             otherwise
     */
    public static BigDecimal share(BigDecimal percent) {
        if (percent == null || percent.signum() <= 0 || percent.compareTo(WHOLE) > 0
                || percent.stripTrailingZeros().scale() > 2) {
            throw new InvalidShareException(percent);
        }
        return percent.setScale(2, RoundingMode.UNNECESSARY);
    }

    final void invite(BigDecimal newShare, Instant at) {
        this.share = share(newShare);
        this.status = Status.INVITED;
        this.invitedAt = at;
        this.respondedAt = null;
    }

    void accept(Instant at) {
        requireInvited();
        this.status = Status.ACCEPTED;
        this.respondedAt = at;
    }

    void decline(Instant at) {
        requireInvited();
        this.status = Status.DECLINED;
        this.respondedAt = at;
    }

    void leave() {
        this.status = Status.LEFT;
    }

    private void requireInvited() {
        if (status != Status.INVITED) {
            throw new InvitationAnsweredException(status);
        }
    }

    public boolean is(Status expected) {
        return status == expected;
    }

    public boolean isLead() {
        return consortium.getLeadOrgId() == orgId;
    }

    public Long getId() {
        return id;
    }

    public Consortium getConsortium() {
        return consortium;
    }

    public long getOrgId() {
        return orgId;
    }

    /** The share in percent, with two decimals. */
    public BigDecimal getShare() {
        return share.setScale(2, RoundingMode.UNNECESSARY);
    }

    public Status getStatus() {
        return status;
    }

    public Instant getInvitedAt() {
        return invitedAt;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }

    public static class InvalidShareException extends HubException {
        private static final long serialVersionUID = 1L;

        public InvalidShareException(BigDecimal share) {
            super(Kind.INVALID, "share", share == null ? "consortium.share.missing" : "consortium.share.invalid",
                    new Object[] { share });
        }
    }

    public static class InvitationAnsweredException extends HubException {
        private static final long serialVersionUID = 1L;

        public InvitationAnsweredException(Status status) {
            super(Kind.CONFLICT, null, "consortium.invitation.answered." + status.name(), null);
        }
    }
}
