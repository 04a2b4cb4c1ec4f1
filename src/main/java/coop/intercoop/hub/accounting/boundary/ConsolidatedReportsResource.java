package coop.intercoop.hub.accounting.boundary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.accounting.control.Consolidation;
import coop.intercoop.hub.accounting.entity.InvalidReportException;
import coop.intercoop.hub.accounting.entity.ReportLevel;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.platform.Problems;

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

    @Context
    HttpHeaders headers;

    @Inject
    Consolidation consolidation;

    @GET
    @Path("trial-balance")
    @Operation(summary = "Trial balance at a date summed over several organisations ('orgs', comma-separated ids) per "
            + "account code; level group, 3 or posting; only organisations where the caller reads the books "
            + "(org-admin, accountant, auditor); format json or xlsx")
    @APIResponse(responseCode = "200", description = "The report, or with format=xlsx its spreadsheet", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Consolidation.Consolidated.class)),
            @Content(mediaType = ReportWorkbooks.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response trialBalance(@QueryParam("orgs") String orgs, @QueryParam("date") @NotNull LocalDate date,
            @QueryParam("level") @DefaultValue("3") ReportLevel level, @QueryParam("format") String format) {
        if (orgs == null || orgs.isBlank()) {
            throw new InvalidReportException("orgs", "report.orgs.list");
        }
        Consolidation.Consolidated tb = consolidation.trialBalance(ids(orgs), date, level, AccountingRoles.READ);
        if (!ReportWorkbooks.xlsx(format)) {
            return Response.ok(tb, MediaType.APPLICATION_JSON).build();
        }
        return ReportWorkbooks.CONSOLIDATED.download(0,
                new ReportWorkbooks.ConsolidatedExport(tb, null, consolidation.parties(tb.organisations()), List.of()),
                Problems.language(headers));
    }

    /**
     * The organisations of a list as the API and the portal's address write it, {@code 1,2,3}, in its order: an id that
     * is not a number names nothing, as if it did not exist.
     */
    static List<Long> ids(String list) {
        List<Long> ids = new ArrayList<>();
        for (String id : list.split(",")) {
            if (!id.isBlank()) {
                ids.add(id(id, "organisation"));
            }
        }
        return ids;
    }

    /** An id of a request: one that is not a number names nothing. */
    static long id(String text, String what) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new NotFoundException(what, text.strip());
        }
    }
}
