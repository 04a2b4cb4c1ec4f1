package coop.intercoop.hub.tenancy.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

import coop.intercoop.hub.tenancy.entity.Consortium;
import coop.intercoop.hub.tenancy.entity.ConsortiumMember;
import coop.intercoop.hub.tenancy.entity.ConsortiumMember.Status;
import coop.intercoop.hub.tenancy.entity.Organisation;

/**
 * A consortium as its members see it through the API, an invitation as the invited organisation sees it, and the bodies
 * that create a consortium and invite an organisation. An organisation that has not accepted is shown only by the tax
 * id the lead typed: its name and id appear once it accepts.
 */
public record ConsortiumJson(long id, String name, Party lead, boolean formed, BigDecimal acceptedShare,
        BigDecimal pledgedShare, Instant createdAt, List<Member> members, int version) {

    /** An organisation named to another one. */
    public record Party(Long id, String taxId, String name) {
    }

    /** An organisation's place in the consortium; {@code invitationId} is the one the organisation answers. */
    public record Member(long invitationId, String taxId, Long organisationId, String name, BigDecimal share,
            Status status, boolean lead, Instant invitedAt, Instant respondedAt) {
    }

    /** An invitation addressed to the organisation: who invites it, to what, with which share. */
    public record Invitation(long id, long consortiumId, String consortium, Party lead, BigDecimal share, Status status,
            Instant invitedAt, Instant respondedAt) {

        static Invitation of(ConsortiumMember m, LongFunction<Organisation> organisations) {
            Consortium c = m.getConsortium();
            Organisation lead = organisations.apply(c.getLeadOrgId());
            return new Invitation(m.getId(), c.getId(), c.getName(),
                    new Party(lead.getId(), lead.getTaxId(), lead.getName()), m.getShare(), m.getStatus(),
                    m.getInvitedAt(), m.getRespondedAt());
        }
    }

    static ConsortiumJson of(Consortium c, LongFunction<Organisation> organisations) {
        Organisation lead = organisations.apply(c.getLeadOrgId());
        List<Member> members = c.getMembers().stream().map(m -> {
            Organisation o = organisations.apply(m.getOrgId());
            boolean accepted = m.is(Status.ACCEPTED);
            return new Member(m.getId(), o.getTaxId(), accepted ? o.getId() : null, accepted ? o.getName() : null,
                    m.getShare(), m.getStatus(), m.isLead(), m.getInvitedAt(), m.getRespondedAt());
        }).toList();
        return new ConsortiumJson(c.getId(), c.getName(), new Party(lead.getId(), lead.getTaxId(), lead.getName()),
                c.isFormed(), c.acceptedShares(), c.pledgedShares(), c.getCreatedAt(), members, c.getVersion());
    }

    /** {@code {"name":"UTE Limpieza Norte","share":60}}: the consortium and the lead's own share in percent. */
    public static class Creation {
        public String name;
        public BigDecimal share;
    }

    /** {@code {"taxId":"G12345674","share":40}}: the organisation to invite and its share in percent. */
    public static class Invite {
        public String taxId;
        public BigDecimal share;
    }
}
