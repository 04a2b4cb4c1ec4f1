package coop.intercoop.hub.tenancy.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.tenancy.entity.ConsortiumMember.Status;

/**
 * Organisations bidding together for one tender: in Spain a unión temporal de empresas (Ley 18/1982, art. 7: the
 * collaboration of undertakings for a work, service or supply), with a lead member and each member's share (Ley 9/2017,
 * art. 69: a joint bid names each member and its share).
 * <p>
 * The one place where data is shared across tenants, and only with members: it is not scoped to one organisation, and
 * every query names the member organisation it acts for. Invariants kept here: the lead is an accepted member from the
 * start, with a share that leaves room for another; each share is more than 0 % with at most two decimals; the shares
 * of the accepted and invited organisations never total more than 100 %, so no acceptance can overshoot; an invitation
 * is answered once. The consortium is formed when at least two organisations accepted and their shares total exactly
 * 100 %.
 */
@Entity
@Table(name = "consortium")
@NamedQuery(name = Consortium.OF_MEMBER, query = "SELECT c FROM Consortium c WHERE EXISTS (SELECT m FROM"
        + " ConsortiumMember m WHERE m.consortium = c AND m.orgId = :orgId AND m.status = :accepted) ORDER BY c.name, c.id")
public class Consortium {

    public static final String OF_MEMBER = "Consortium.ofMember";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Column(name = "lead_org_id", updatable = false)
    private long leadOrgId;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", updatable = false)
    private long createdBy;

    @Version
    private int version;

    @OneToMany(mappedBy = "consortium", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<ConsortiumMember> members = new ArrayList<>();

    protected Consortium() {
    }

    /**
     * A consortium led by {@code leadOrgId}, which is its first accepted member.
     *
     * @throws InvalidConsortiumException
     *             if the name is blank or too long, or the lead's share leaves no room for another member
     */
    public Consortium(String name, long leadOrgId, BigDecimal leadShare, long createdBy, Instant now) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 200) {
            throw new InvalidConsortiumException("name", "consortium.name");
        }
        BigDecimal share = ConsortiumMember.share(leadShare);
        if (share.compareTo(ConsortiumMember.WHOLE) >= 0) {
            throw new InvalidConsortiumException("share", "consortium.lead-share");
        }
        this.name = stripped;
        this.leadOrgId = leadOrgId;
        this.createdBy = createdBy;
        this.createdAt = now;
        ConsortiumMember lead = new ConsortiumMember(this, leadOrgId, share, now);
        lead.accept(now);
        members.add(lead);
    }

    /**
     * Invites an organisation with a share; one that declined before may be invited again.
     *
     * @throws AlreadyMemberException
     *             if the organisation is invited or a member already
     * @throws SharesOverWholeException
     *             if the shares of the accepted and invited organisations would total more than 100 %
     */
    public ConsortiumMember invite(long orgId, BigDecimal share, Instant now) {
        BigDecimal checked = ConsortiumMember.share(share);
        Optional<ConsortiumMember> existing = memberOf(orgId);
        if (existing.isPresent() && !existing.get().is(Status.DECLINED) && !existing.get().is(Status.LEFT)) {
            throw new AlreadyMemberException(existing.get().getStatus());
        }
        BigDecimal free = ConsortiumMember.WHOLE.subtract(pledgedShares());
        if (checked.compareTo(free) > 0) {
            throw new SharesOverWholeException(checked, free);
        }
        if (existing.isPresent()) {
            existing.get().invite(checked, now);
            return existing.get();
        }
        ConsortiumMember member = new ConsortiumMember(this, orgId, checked, now);
        members.add(member);
        return member;
    }

    /**
     * The organisation accepts its invitation.
     *
     * @throws InvitationMissingException
     *             if the organisation was never invited
     * @throws ConsortiumMember.InvitationAnsweredException
     *             if it answered already
     */
    public ConsortiumMember accept(long orgId, Instant now) {
        ConsortiumMember member = memberOf(orgId).orElseThrow(InvitationMissingException::new);
        member.accept(now);
        return member;
    }

    /** The organisation declines its invitation; its share is free again. */
    public ConsortiumMember decline(long orgId, Instant now) {
        ConsortiumMember member = memberOf(orgId).orElseThrow(InvitationMissingException::new);
        member.decline(now);
        return member;
    }

    /**
     * The accepted member {@code orgId} leaves: it sees nothing of the consortium from now on, its share is free again,
     * and the consortium is no longer formed until the shares total 100 % again.
     *
     * @throws LeadLeavingException
     *             if it is the lead, which holds the consortium together
     */
    public ConsortiumMember leave(long orgId) {
        ConsortiumMember member = memberOf(orgId).filter(m -> m.is(Status.ACCEPTED))
                .orElseThrow(InvitationMissingException::new);
        if (isLead(orgId)) {
            throw new LeadLeavingException();
        }
        member.leave();
        return member;
    }

    /** At least two accepted members whose shares total exactly 100 %. */
    public boolean isFormed() {
        return accepted().size() >= 2 && acceptedShares().compareTo(ConsortiumMember.WHOLE) == 0;
    }

    /** The shares of the accepted members. */
    public BigDecimal acceptedShares() {
        return total(accepted());
    }

    /** The shares of the accepted and the invited organisations: what is promised so far. */
    public BigDecimal pledgedShares() {
        return total(members.stream().filter(m -> m.is(Status.INVITED) || m.is(Status.ACCEPTED)).toList());
    }

    /** The accepted members, the lead first. */
    public List<ConsortiumMember> accepted() {
        return members.stream().filter(m -> m.is(Status.ACCEPTED)).toList();
    }

    /** Whether the organisation is an accepted member: only then does it see the consortium. */
    public boolean hasMember(long orgId) {
        return memberOf(orgId).filter(m -> m.is(Status.ACCEPTED)).isPresent();
    }

    public boolean isLead(long orgId) {
        return leadOrgId == orgId;
    }

    public Optional<ConsortiumMember> memberOf(long orgId) {
        return members.stream().filter(m -> m.getOrgId() == orgId).findFirst();
    }

    private static BigDecimal total(List<ConsortiumMember> some) {
        return some.stream().map(ConsortiumMember::getShare).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public long getLeadOrgId() {
        return leadOrgId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getCreatedBy() {
        return createdBy;
    }

    public int getVersion() {
        return version;
    }

    /** Every organisation invited so far, in the order invited, the lead first. */
    public List<ConsortiumMember> getMembers() {
        return Collections.unmodifiableList(members);
    }

    public static class InvalidConsortiumException extends HubException {
        private static final long serialVersionUID = 1L;

        public InvalidConsortiumException(String field, String key) {
            super(Kind.INVALID, field, key, null);
        }
    }

    public static class AlreadyMemberException extends HubException {
        private static final long serialVersionUID = 1L;

        public AlreadyMemberException(Status status) {
            super(Kind.CONFLICT, "taxId",
                    status == Status.ACCEPTED ? "consortium.member.already" : "consortium.invited.already", null);
        }
    }

    public static class SharesOverWholeException extends HubException {
        private static final long serialVersionUID = 1L;

        public SharesOverWholeException(BigDecimal share, BigDecimal free) {
            super(Kind.CONFLICT, "share", "consortium.share.over", new Object[] { share, free });
        }
    }

    public static class LeadLeavingException extends HubException {
        private static final long serialVersionUID = 1L;

        public LeadLeavingException() {
            super(Kind.CONFLICT, null, "consortium.lead.leave", new Object[0]);
        }
    }

    public static class InvitationMissingException extends HubException {
        private static final long serialVersionUID = 1L;

        public InvitationMissingException() {
            super(Kind.NOT_FOUND, null, "consortium.invitation.none", null);
        }
    }
}
