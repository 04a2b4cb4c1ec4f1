package coop.intercoop.hub.accounting.boundary;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.accounting.control.Reports;
import coop.intercoop.hub.accounting.entity.InvalidReportException;
import coop.intercoop.hub.accounting.entity.ReportLevel;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Memberships;
import coop.intercoop.hub.tenancy.entity.Membership;

/**
 * Reports over several organisations at once, for a shared-services accountant or an auditor. Only organisations the
 * caller is a member of with a role that reads the books take part; any other id answers 404, as an organisation that
 * does not exist (DESIGN rule 1). Read-only.
 */
@Path("accounting/consolidated")
@RequestScoped
@Produces({ MediaType.APPLICATION_JSON, ReportWorkbooks.XLSX })
@Tag(name = "Accounting")
@Transactional
public class ConsolidatedReportsResource {

    /** The most organisations one consolidated report sums. */
    static final int MAX_ORGANISATIONS = 100;

    @Inject
    Caller caller;

    @Inject
    Memberships memberships;

    @Inject
    Reports reports;

    @Inject
    ConsortiumConsolidation consolidation;

    @GET
    @Path("trial-balance")
    @Operation(summary = "Trial balance at a date summed over several organisations ('orgs', comma-separated ids) per "
            + "account code; level group, 3 or posting; only organisations where the caller reads the books "
            + "(org-admin, accountant, auditor); format json or xlsx")
    @APIResponse(responseCode = "200", description = "The report, or with format=xlsx its spreadsheet", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reports.Consolidated.class)),
            @Content(mediaType = ReportWorkbooks.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response trialBalance(@QueryParam("orgs") String orgs, @QueryParam("date") String date,
            @QueryParam("level") String level, @QueryParam("format") String format) {
        Set<Long> checked = readable(orgs);
        Reports.Consolidated tb = reports.consolidatedTrialBalance(checked, Dates.required(date, "date"),
                ReportLevel.of(level));
        if (!ReportWorkbooks.xlsx(format)) {
            return Response.ok(tb, MediaType.APPLICATION_JSON).build();
        }
        List<ConsortiumConsolidation.Party> summed = consolidation.parties(tb.organisations());
        return ReportWorkbooks.download(ReportWorkbooks.consolidatedName(tb),
                ReportWorkbooks.consolidatedTitle(tb, "organizaciones " + ConsortiumConsolidation.names(summed)),
                xlsx -> ReportWorkbooks.consolidated(xlsx, tb, null, summed, List.of()));
    }

    /** The organisations named, each checked against the caller's memberships. */
    private Set<Long> readable(String orgs) {
        if (orgs == null || orgs.isBlank()) {
            throw new InvalidReportException("orgs", "report.orgs.list");
        }
        Map<Long, Membership> mine = memberships.of(caller.user()).stream()
                .collect(Collectors.toMap(Membership::getOrgId, m -> m));
        Set<Long> checked = new LinkedHashSet<>();
        for (String id : orgs.split(",")) {
            if (id.isBlank()) {
                continue;
            }
            long org;
            try {
                org = Long.parseLong(id.strip());
            } catch (NumberFormatException e) {
                throw new NotFoundException("organisation", id.strip());
            }
            Membership membership = mine.get(org);
            if (membership == null || !AccountingRoles.readsTheBooks(membership)) {
                throw new NotFoundException("organisation", org);
            }
            checked.add(org);
        }
        if (checked.isEmpty() || checked.size() > MAX_ORGANISATIONS) {
            throw new InvalidReportException("orgs", "report.orgs.count", MAX_ORGANISATIONS);
        }
        return checked;
    }
}
