package coop.intercoop.hub.tenancy.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.ForbiddenException;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.entity.Consortium;
import coop.intercoop.hub.tenancy.entity.ConsortiumMember;
import coop.intercoop.hub.tenancy.entity.ConsortiumMember.Status;
import coop.intercoop.hub.tenancy.entity.Organisation;
import coop.intercoop.hub.tenancy.entity.TaxId;

/**
 * The consortia of an organisation and the invitations addressed to it. Every method takes the organisation the request
 * was checked in (DESIGN rule 1) and reaches a consortium only through it: a consortium the organisation is not an
 * accepted member of, or an invitation addressed to another organisation, answers as if it did not exist. Changes lock
 * the consortium's row, so two invitations or answers at once never break its shares' invariants.
 */
@Dependent
public class Consortia {

    @PersistenceContext
    EntityManager em;

    @Inject
    Organisations organisations;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    /** The consortia the organisation is an accepted member of, the ones it leads included. */
    public List<Consortium> of(long orgId) {
        return em.createNamedQuery(Consortium.OF_MEMBER, Consortium.class).setParameter("orgId", orgId)
                .setParameter("accepted", Status.ACCEPTED).getResultList();
    }

    /**
     * @throws NotFoundException
     *             unless the organisation is an accepted member of the consortium
     */
    public Consortium find(long orgId, long id) {
        return visible(orgId, em.find(Consortium.class, id), id);
    }

    public Consortium create(long leadOrgId, String name, BigDecimal leadShare) {
        Consortium consortium = new Consortium(name, leadOrgId, leadShare, caller.user().getId(), Instant.now());
        em.persist(consortium);
        em.flush();
        audit.record(leadOrgId, "consortium.created", "consortium", String.valueOf(consortium.getId()),
                consortium.getName() + ", lead share " + consortium.getMembers().get(0).getShare() + " %");
        return consortium;
    }

    /**
     * The lead invites the organisation registered with {@code taxId}. Only that the tax id is registered at the hub is
     * learnt; the invited organisation's name is shown once it accepts.
     *
     * @throws ForbiddenException
     *             if {@code leadOrgId} is a member but not the lead
     */
    public ConsortiumMember invite(long leadOrgId, long id, String taxId, BigDecimal share) {
        Consortium consortium = locked(leadOrgId, id);
        if (!consortium.isLead(leadOrgId)) {
            throw new ForbiddenException(new HubTexts.Text(Tenant.REFUSALS, "consortium.lead-only"));
        }
        String normalised = TaxId.of(taxId).value();
        Organisation invited = organisations.byTaxId(normalised)
                .orElseThrow(() -> new UnregisteredTaxIdException(normalised));
        ConsortiumMember member = consortium.invite(invited.getId(), share, Instant.now());
        em.flush();
        audit.record(leadOrgId, "consortium.invited", "consortium", String.valueOf(id),
                normalised + ", share " + member.getShare() + " %");
        return member;
    }

    /** The invitations the organisation has not answered yet, the newest first. */
    public List<ConsortiumMember> invitations(long orgId) {
        return em.createNamedQuery(ConsortiumMember.ADDRESSED_TO, ConsortiumMember.class).setParameter("orgId", orgId)
                .setParameter("status", Status.INVITED).getResultList();
    }

    /**
     * @throws NotFoundException
     *             unless the invitation is addressed to the organisation
     */
    public ConsortiumMember invitation(long orgId, long invitationId) {
        return em.createNamedQuery(ConsortiumMember.ONE_ADDRESSED_TO, ConsortiumMember.class)
                .setParameter("id", invitationId).setParameter("orgId", orgId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("invitation", invitationId));
    }

    public ConsortiumMember accept(long orgId, long invitationId) {
        Consortium consortium = lockedFor(orgId, invitationId);
        ConsortiumMember member = consortium.accept(orgId, Instant.now());
        audit.record(orgId, "consortium.accepted", "consortium", String.valueOf(consortium.getId()),
                consortium.getName() + ", share " + member.getShare() + " %"
                        + (consortium.isFormed() ? "; the consortium is formed" : ""));
        return member;
    }

    public ConsortiumMember decline(long orgId, long invitationId) {
        Consortium consortium = lockedFor(orgId, invitationId);
        ConsortiumMember member = consortium.decline(orgId, Instant.now());
        audit.record(orgId, "consortium.declined", "consortium", String.valueOf(consortium.getId()),
                consortium.getName() + ", share " + member.getShare() + " %");
        return member;
    }

    /**
     * The organisation leaves the consortium: from now on it sees nothing of it, its bid included.
     *
     * @throws NotFoundException
     *             unless the organisation is an accepted member
     */
    public ConsortiumMember leave(long orgId, long id) {
        Consortium consortium = locked(orgId, id);
        ConsortiumMember member = consortium.leave(orgId);
        audit.record(orgId, "consortium.left", "consortium", String.valueOf(id),
                consortium.getName() + ", share " + member.getShare() + " %");
        return member;
    }

    /** The consortium of an invitation addressed to the organisation, its row locked. */
    private Consortium lockedFor(long orgId, long invitationId) {
        long consortiumId = invitation(orgId, invitationId).getConsortium().getId();
        return em.find(Consortium.class, consortiumId, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }

    private Consortium locked(long orgId, long id) {
        return visible(orgId, em.find(Consortium.class, id, LockModeType.PESSIMISTIC_FORCE_INCREMENT), id);
    }

    private static Consortium visible(long orgId, Consortium consortium, long id) {
        if (consortium == null || !consortium.hasMember(orgId)) {
            throw new NotFoundException("consortium", id);
        }
        return consortium;
    }

    public static class UnregisteredTaxIdException extends HubException {
        private static final long serialVersionUID = 1L;

        public UnregisteredTaxIdException(String taxId) {
            super(Kind.INVALID, "taxId", "consortium.taxId.unknown", new Object[] { taxId });
        }
    }
}
