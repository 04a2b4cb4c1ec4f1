package coop.intercoop.hub.accounting.boundary;

import java.time.LocalDate;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import coop.intercoop.hub.accounting.control.Consolidation.ConsortiumTrialBalance;
import coop.intercoop.hub.accounting.entity.ReportLevel;
import coop.intercoop.hub.platform.Problems;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The trial balance of a consortium the organisation belongs to, summed over its accepted members whose books the
 * caller reads. Read-only; another organisation's consortium answers 404 (DESIGN rule 1).
 */
@Path("orgs/{org}/consortia/{id}/trial-balance")
@RequestScoped
@Produces({ MediaType.APPLICATION_JSON, ReportWorkbooks.XLSX })
@Tag(name = "Accounting")
@Transactional
public class ConsortiumReportsResource {

    @Inject
    Tenant tenant;

    @Context
    HttpHeaders headers;

    @Inject
    Consolidation consolidation;

    @GET
    @Operation(summary = "Trial balance at a date summed over the consortium's accepted members where the caller reads "
            + "the books (org-admin, accountant, auditor), naming the members included and those left out; level "
            + "group, 3 or posting; format json or xlsx")
    @APIResponse(responseCode = "200", description = "The report, or with format=xlsx its spreadsheet", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsortiumTrialBalance.class)),
            @Content(mediaType = ReportWorkbooks.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response trialBalance(@PathParam("id") long id, @QueryParam("date") @NotNull LocalDate date,
            @QueryParam("level") @DefaultValue("3") ReportLevel level, @QueryParam("format") String format) {
        boolean xlsx = ReportWorkbooks.xlsx(format);
        ConsortiumTrialBalance report = consolidation.consortiumTrialBalance(tenant.id(), id, date, level,
                AccountingRoles.READ);
        if (!xlsx) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        return ReportWorkbooks.CONSOLIDATED.download(tenant.id(), ReportWorkbooks.ConsolidatedExport.of(report),
                Problems.language(headers));
    }
}
