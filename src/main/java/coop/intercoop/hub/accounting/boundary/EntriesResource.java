package coop.intercoop.hub.accounting.boundary;

import java.net.URI;
import java.time.LocalDate;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import coop.intercoop.hub.accounting.control.Entries;
import coop.intercoop.hub.accounting.control.Ledger;
import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.platform.Problems;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.Tenanted;

/**
 * Posted journal entries: post one, list and read them, reverse one. A posted entry never changes; a correction is its
 * reversal plus a new entry.
 */
@Path("orgs/{org}/accounting/entries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounting")
@Tenanted
public class EntriesResource {

    @Context
    HttpHeaders headers;

    @Inject
    Tenant tenant;

    @Inject
    Ledger ledger;

    @Inject
    Entries entries;

    /** An entry to post now, with the soft-lock override if it is dated on or before the soft lock. */
    public static class PostInput extends EntryDraft {
        public Boolean overrideSoftLock;
        public String overrideReason;

        Ledger.SoftLockOverride override() {
            return new Ledger.SoftLockOverride(Boolean.TRUE.equals(overrideSoftLock), overrideReason);
        }
    }

    public static class ReversalInput extends OverrideInput {
        /** The reversal's date, in an open period. */
        @NotNull
        public LocalDate date;
        /** Defaults to "Anulación del asiento N/AAAA: ...". */
        public String description;
    }

    public record PostedJson(long id, int fiscalYear, int number, LocalDate date, Journal journal,
            java.math.BigDecimal total, String hash) {
        static PostedJson of(Ledger.Posted p) {
            return new PostedJson(p.id(), p.fiscalYear(), p.number(), p.date(), p.journal(), p.total(), p.hash());
        }
    }

    @POST
    @Operation(summary = "Post a journal entry (org-admin, accountant): balanced, at least 2 lines, posting accounts, "
            + "a date in an open, unlocked period; answers its legal number")
    @KeepsBooks
    public Response post(@NotNull PostInput input) {
        Ledger.Posted posted = ledger.post(input, input.override());
        return Response.created(URI.create("orgs/" + tenant.id() + "/accounting/entries/" + posted.id()))
                .entity(PostedJson.of(posted)).build();
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, ReportWorkbooks.XLSX })
    @Operation(summary = "Posted entries by date and number, filtered by dates, journal, account (code prefix) or text "
            + "(org-admin, accountant, auditor); 'first' and 'max' (at most 500) page them; format json or xlsx, which "
            + "holds every entry matching the filters, streamed")
    @APIResponse(responseCode = "200", description = "A page of entries, or with format=xlsx every matching entry", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Entries.Page.class)),
            @Content(mediaType = ReportWorkbooks.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @ReadsBooks
    public Response list(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("journal") Journal journal, @QueryParam("account") String account,
            @QueryParam("text") String text, @QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("100") int max, @QueryParam("format") String format) {
        Entries.Filter filter = new Entries.Filter(from, to, journal, account, text);
        if (!ReportWorkbooks.xlsx(format)) {
            return Response.ok(entries.list(filter, first, max), MediaType.APPLICATION_JSON).build();
        }
        return ReportWorkbooks.ENTRIES.download(tenant.id(), new ReportWorkbooks.EntriesExport(filter, entries),
                Problems.language(headers));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One posted entry with its lines, analytic shares and hash (org-admin, accountant, auditor)")
    @ReadsBooks
    public Entries.EntryView find(@PathParam("id") long id) {
        return entries.find(id);
    }

    @POST
    @Path("{id}/reversal")
    @Operation(summary = "Reverse a posted entry (org-admin, accountant): the same lines with debit and credit "
            + "swapped, dated in an open period; an entry is reversed once")
    @KeepsBooks
    public Response reverse(@PathParam("id") long id, @NotNull @Valid ReversalInput input) {
        Ledger.Posted posted = entries.reverse(id, input.date, input.description, input.override());
        return Response.created(URI.create("orgs/" + tenant.id() + "/accounting/entries/" + posted.id()))
                .entity(PostedJson.of(posted)).build();
    }
}
