package coop.intercoop.hub.accounting.boundary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.entity.InvalidEntryException;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.accounting.control.Reports;
import coop.intercoop.hub.accounting.entity.ReportLevel;
import coop.intercoop.hub.platform.ForbiddenException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Consortia;
import coop.intercoop.hub.tenancy.control.Memberships;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.entity.Consortium;
import coop.intercoop.hub.tenancy.entity.ConsortiumMember;
import coop.intercoop.hub.tenancy.entity.Membership;
import coop.intercoop.hub.tenancy.entity.Organisation;

/**
 * The trial balance of a consortium's accepted members, for the API and the portal alike. Belonging to a consortium
 * shares no books: the caller reaches the consortium through an organisation of theirs that is an accepted member, and
 * its figures sum only the members whose books the caller reads in their own right, with the same roles as the
 * consolidation over the caller's organisations. The others are named as left out, without a figure.
 */
@Dependent
public class ConsortiumConsolidation {

    /** A member organisation, as the consortium's members see it. */
    public record Party(long id, String taxId, String name) {
    }

    /**
     * @param included
     *            the accepted members summed
     * @param leftOut
     *            the accepted members whose books the caller does not keep or audit, not summed
     */
    public record ConsortiumTrialBalance(long consortiumId, String consortium, boolean formed, List<Party> included,
            List<Party> leftOut, Reports.Consolidated trialBalance) {
    }

    /** The accepted members split by whether the caller reads their books, in the consortium's order. */
    record Split(List<Long> included, List<Long> leftOut) {
    }

    @Inject
    Caller caller;

    @Inject
    Memberships memberships;

    @Inject
    Consortia consortia;

    @Inject
    Organisations organisations;

    @Inject
    Reports reports;

    /**
     * @param checkedOrg
     *            the organisation the request was checked in, through which the consortium is reached
     *
     * @throws coop.intercoop.hub.platform.NotFoundException
     *             unless that organisation is an accepted member of the consortium
     * @throws ForbiddenException
     *             if the caller reads the books of none of the accepted members
     */
    public ConsortiumTrialBalance trialBalance(long checkedOrg, long consortiumId, LocalDate date, ReportLevel level) {
        Consortium consortium = consortia.find(checkedOrg, consortiumId);
        Split split = split(consortium.accepted(), memberships.of(caller.user()));
        if (split.included().isEmpty()) {
            throw new ForbiddenException(new HubTexts.Text(InvalidEntryException.REFUSALS, "consortium.books.none"));
        }
        Reports.Consolidated tb = reports.consolidatedTrialBalance(split.included(), date, level);
        return new ConsortiumTrialBalance(consortium.getId(), consortium.getName(), consortium.isFormed(),
                parties(split.included()), parties(split.leftOut()), tb);
    }

    /** Each accepted member is included when one of the caller's memberships reads its books, else left out. */
    static Split split(List<ConsortiumMember> accepted, List<Membership> mine) {
        Map<Long, Membership> byOrg = mine.stream()
                .collect(Collectors.toMap(Membership::getOrgId, m -> m, (a, b) -> a));
        List<Long> included = new ArrayList<>();
        List<Long> leftOut = new ArrayList<>();
        for (ConsortiumMember member : accepted) {
            Membership membership = byOrg.get(member.getOrgId());
            (membership != null && AccountingRoles.readsTheBooks(membership) ? included : leftOut)
                    .add(member.getOrgId());
        }
        return new Split(List.copyOf(included), List.copyOf(leftOut));
    }

    /** The workbook's title: the consortium, and the members summed and left out. */
    static String over(ConsortiumTrialBalance tb) {
        String over = "consorcio " + tb.consortium() + ": " + names(tb.included());
        return tb.leftOut().isEmpty() ? over : over + "; sin incluir " + names(tb.leftOut());
    }

    /** The organisations by name and tax id, as the workbooks name them. */
    static String names(List<Party> parties) {
        return parties.stream().map(ConsortiumConsolidation::named).collect(Collectors.joining(", "));
    }

    /** An organisation by name and tax id: {@code Asociación Norte (G12345674)}. */
    static String named(Party party) {
        return party.name() + " (" + party.taxId() + ")";
    }

    /** The organisations with their names and tax ids, in the order given. */
    List<Party> parties(List<Long> ids) {
        return ids.stream().map(organisations::find).map(ConsortiumConsolidation::party).toList();
    }

    private static Party party(Organisation o) {
        return new Party(o.getId(), o.getTaxId(), o.getName());
    }
}
