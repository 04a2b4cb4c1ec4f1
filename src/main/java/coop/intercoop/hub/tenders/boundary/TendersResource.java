package coop.intercoop.hub.tenders.boundary;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.platform.Problems;
import coop.intercoop.hub.platform.jobs.Schedule;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.control.Users;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenders.control.FeedReads;
import coop.intercoop.hub.tenders.control.TenderCodes;
import coop.intercoop.hub.tenders.control.TenderCodes.CodeList;
import coop.intercoop.hub.tenders.control.TenderStore;
import coop.intercoop.hub.tenders.boundary.TenderViews.CodeJson;
import coop.intercoop.hub.tenders.boundary.TenderViews.ListedJson;
import coop.intercoop.hub.tenders.control.Tenders;
import coop.intercoop.hub.tenders.entity.Tender;
import coop.intercoop.hub.tenders.entity.TenderFilter;

/**
 * Public tenders from the procurement platform's feed, as the organisation's tender-managers find them: a page of the
 * feed uploaded is read whole and kept once for the hub (idempotent by entry and its {@code updated}, tombstones close
 * tenders); tenders are listed by the filters a tender-manager uses and read whole, with the official code lists' names
 * in the reader's language.
 */
@Path("orgs/{org}/tenders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenders")
public class TendersResource {

    @Inject
    Tenant tenant;

    @Inject
    Tenders tenders;

    @Inject
    TenderCodes codes;

    @Inject
    FeedReads reads;

    @Inject
    Caller caller;

    @Inject
    Users users;

    @Inject
    TenderViews views;

    /** What reading a page did, and the page to read next (older), if any. */
    public record FeedOutcomeJson(int created, int updated, int unchanged, int closed, String next) {
    }

    public record TendersPage(List<ListedJson> tenders) {
    }

    public record LotJson(String id, String title, BigDecimal budgetWithTaxes, BigDecimal budgetWithoutTaxes,
            List<String> cpvs, String nuts) {
    }

    public record CriterionJson(String kind, String lot, String code, String description, BigDecimal weight) {
    }

    public record DocumentJson(String kind, String name, String uri, String typeCode) {
    }

    public record ResultJson(String lot, CodeJson result, LocalDate awardDate, String winnerName, String winnerTaxId,
            BigDecimal amountWithoutTaxes, BigDecimal amountPayable, Integer tendersReceived) {
    }

    /** How long the contract runs as published: an amount of DAY, WEE, MON or ANN, and in years. */
    public record TermJson(BigDecimal amount, String unit, BigDecimal years) {
    }

    /**
     * A tender whole; {@code reservation} is {@code DA4} (Ley 9/2017, disposición adicional cuarta: special employment
     * centres and work-integration enterprises) or {@code DA48} where a declaration marks it reserved, else null.
     */
    public record TenderJson(long id, String entryId, Instant updated, String link, String folderId, CodeJson status,
            String title, String buyerName, String buyerTaxId, String buyerDir3, CodeJson contractType,
            CodeJson procedure, List<String> cpvs, String nuts, BigDecimal budgetWithTaxes,
            BigDecimal budgetWithoutTaxes, BigDecimal estimatedValue, LocalDateTime deadline, TermJson duration,
            String reservation, Instant closedAt, List<LotJson> lots, List<CriterionJson> criteria,
            List<DocumentJson> documents, List<ResultJson> results) {
    }

    @POST
    @Path("feed")
    @Consumes({ MediaType.APPLICATION_ATOM_XML, MediaType.APPLICATION_XML })
    @Operation(summary = "Read a page of the procurement platform's ATOM feed (CODICE entries) into the hub's tenders "
            + "(org-admin, tender-manager): new entries are added, later versions replace earlier ones, the same page "
            + "again changes nothing, tombstones close tenders; a page that does not read is refused whole")
    @ManagesTenders
    public FeedOutcomeJson readFeed(InputStream body) {
        TenderStore.Outcome outcome = reads.upload(body);
        return new FeedOutcomeJson(outcome.created(), outcome.updated(), outcome.unchanged(), outcome.closed(),
                outcome.next().orElse(null));
    }

    /** What reading OCDS releases did, and how many values in another currency than the euro were left out. */
    public record OcdsOutcomeJson(int created, int updated, int unchanged, int valuesLeftOut) {
    }

    @POST
    @Path("ocds")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM })
    @Operation(summary = "Read an OCDS 1.1 release package (or one release) into the hub's tenders (org-admin, "
            + "tender-manager): kept by ocid, a later release replacing an earlier one; codes read through "
            + "config/tenders/ocds-mapping.csv; values in another currency than the euro left out. As application/json "
            + "at most the API's body limit; as application/octet-stream at most hub.tenders.feed.max-bytes")
    @ManagesTenders
    public OcdsOutcomeJson readOcds(InputStream body) {
        FeedReads.OcdsOutcome outcome = reads.uploadOcds(body);
        return new OcdsOutcomeJson(outcome.stored().created(), outcome.stored().updated(), outcome.stored().unchanged(),
                outcome.valuesLeftOut());
    }

    @GET
    @Path("{id: [0-9]+}/ocds")
    @Operation(summary = "The tender as an OCDS 1.1 release package of one release: ocid of hub.tenders.ocds.prefix "
            + "and the tender's id, codes through config/tenders/ocds-mapping.csv, amounts in euros "
            + "(org-admin, tender-manager, auditor)")
    @ReadsTenders
    public Response ocds(@PathParam("id") long id) {
        return Response.ok(reads.release(tenders.find(id)).toString(), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"ocds-" + id + ".json\"").build();
    }

    /** A read of the feed to start: at most {@code maxPages} pages (the hub's most when absent). */
    public static class ReadStart {
        public Integer maxPages;
    }

    /**
     * A read of the feed: its job's status (queued, running, succeeded, failed), the pages it may read and has kept,
     * what they brought, the last page kept and the next the feed links to, and its outcome in the reader's words.
     */
    public record FeedReadJson(long id, String status, int maxPages, int pages, int created, int updated, int unchanged,
            int closed, String lastPage, String nextPage, String outcome, String archive) {
        static FeedReadJson of(FeedReads.Read r) {
            return new FeedReadJson(r.id(), r.status().toLowerCase(Locale.ROOT), r.maxPages(), r.pages(), r.created(),
                    r.updated(), r.unchanged(), r.closed(), r.lastPage().orElse(null), r.nextPage().orElse(null),
                    r.outcome().orElse(null), r.archive().orElse(null));
        }
    }

    @POST
    @Path("feed/archives")
    @Consumes({ "application/zip", MediaType.APPLICATION_OCTET_STREAM })
    @Operation(summary = "Read a monthly archive of the feed's pages (the zip the procurement platform publishes per "
            + "month; its name in X-File-Name) on the job runner, every .atom page of it in the order of their names, "
            + "at most hub.tenders.archive.max-bytes (org-admin, tender-manager); 202 with the read to follow at "
            + "feed/reads/{id}")
    @ManagesTenders
    public Response readArchive(InputStream body, @HeaderParam("X-File-Name") String fileName,
            @Context HttpHeaders headers) {
        long id = reads.startArchive(body, fileName, Problems.language(headers), caller.user().getId());
        return Response.accepted(FeedReadJson.of(reads.find(id))).build();
    }

    @POST
    @Path("feed/reads")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read the procurement platform's feed from the address the hub is configured with, in the "
            + "background (org-admin, tender-manager): page after page along its next links, each page kept whole, "
            + "until a page brings nothing new, the feed ends or 'maxPages' are read. Answers 202 with the read")
    @ManagesTenders
    public Response startRead(ReadStart input, @Context HttpHeaders headers) {
        long id = reads.start(Optional.ofNullable(input == null ? null : input.maxPages), Problems.language(headers),
                caller.user().getId());
        return Response.accepted(FeedReadJson.of(reads.find(id)))
                .location(URI.create("orgs/" + tenant.id() + "/tenders/feed/reads/" + id)).build();
    }

    /**
     * A schedule of reads to save: a read every {@code everyHours}; {@code version} the version read, to change one.
     */
    public static class ScheduleInput {
        public Integer everyHours;
        public Integer version;
    }

    /**
     * The organisation's schedule of reads: how often, the next read, who each read acts as, the last read queued and
     * when, and why reads stopped if they did.
     */
    public record ScheduleJson(long everyHours, Instant nextRead, String owner, Long lastRead, Instant lastReadAt,
            String suspended, int version) {
    }

    private ScheduleJson schedule(Schedule s) {
        return new ScheduleJson(s.every().toHours(), s.nextAt(), users.find(s.ownerId()).getUsername(),
                s.lastJob().orElse(null), s.lastRunAt().orElse(null), s.suspended().orElse(null), s.version());
    }

    @GET
    @Path("feed/schedule")
    @Operation(summary = "The organisation's schedule of reads of the feed (org-admin, tender-manager, auditor): "
            + "every how many hours, the next read, whom the reads act as, the last read and why reads stopped if "
            + "they did; 404 when there is none")
    @ReadsTenders
    public ScheduleJson schedule() {
        return schedule(reads.schedule());
    }

    @PUT
    @Path("feed/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save the organisation's schedule of reads of the feed (org-admin, tender-manager): a read "
            + "every 'everyHours' (1 to 168), the first at once, each as the caller on the job runner like a read "
            + "asked for; 'version' the version read, to change it. A schedule whose owner may no longer read the "
            + "feed is suspended, saying why, until saved again")
    @ManagesTenders
    public ScheduleJson schedule(@NotNull ScheduleInput input, @Context HttpHeaders headers) {
        return schedule(reads.schedule(input.everyHours, Optional.ofNullable(input.version), Problems.language(headers),
                caller.user().getId()));
    }

    @DELETE
    @Path("feed/schedule")
    @Operation(summary = "Stop the organisation's scheduled reads of the feed (org-admin, tender-manager); a read "
            + "running goes on")
    @ManagesTenders
    public Response unschedule() {
        reads.unschedule();
        return Response.noContent().build();
    }

    @GET
    @Path("feed/reads/{id}")
    @Operation(summary = "A read of the feed: its status, pages, counts and outcome (org-admin, tender-manager, "
            + "auditor)")
    @ReadsTenders
    public FeedReadJson read(@PathParam("id") long id) {
        return FeedReadJson.of(reads.find(id));
    }

    @GET
    @Operation(summary = "Tenders, soonest submission deadline first (org-admin, tender-manager, auditor): 'status' "
            + "codes, 'cpv' prefixes and 'nuts' prefixes may repeat; 'minValue' and 'maxValue' bound the estimated "
            + "value (else the budget without taxes); 'reserved' keeps reserved contracts; 'deadlineFrom' and "
            + "'deadlineTo' bound the deadline; 'q' searches title, buyer and file number; 'open' leaves out tenders taken out of "
            + "the feed; 'first' and 'max' (at most 200) page them")
    @ReadsTenders
    public TendersPage list(@QueryParam("status") List<String> status, @QueryParam("cpv") List<String> cpv,
            @QueryParam("nuts") List<String> nuts, @QueryParam("minValue") BigDecimal minValue,
            @QueryParam("maxValue") BigDecimal maxValue,
            @QueryParam("reserved") @DefaultValue("false") boolean reserved,
            @QueryParam("deadlineFrom") LocalDate deadlineFrom, @QueryParam("deadlineTo") LocalDate deadlineTo,
            @QueryParam("q") String q, @QueryParam("open") @DefaultValue("false") boolean open,
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max,
            @Context HttpHeaders headers) {
        Locale language = Problems.language(headers);
        TenderFilter filter = new TenderFilter(status, cpv, nuts, Optional.ofNullable(minValue),
                Optional.ofNullable(maxValue), reserved, Optional.ofNullable(deadlineFrom),
                Optional.ofNullable(deadlineTo), Optional.ofNullable(q), open);
        return new TendersPage(tenders.list(filter, Math.max(0, first), Math.max(1, Math.min(200, max))).stream()
                .map(t -> views.listed(t, language, Optional.empty())).toList());
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "One tender whole: buyer, codes with their names, CPV codes, budgets, deadline, lots, award "
            + "and solvency criteria, declarations, documents and results (org-admin, tender-manager, auditor)")
    @ReadsTenders
    public TenderJson one(@PathParam("id") long id, @Context HttpHeaders headers) {
        Locale language = Problems.language(headers);
        Tenders.Kept kept = tenders.find(id);
        Tender t = kept.tender();
        return new TenderJson(kept.id(), t.entryId(), t.updated(), t.link(), t.folderId(),
                code(CodeList.STATUS, t.status(), language), t.title(), t.buyer().name(),
                t.buyer().taxId().orElse(null), t.buyer().dir3().orElse(null),
                t.contractType().map(c -> code(CodeList.CONTRACT_TYPE, c, language)).orElse(null),
                t.procedure().map(c -> code(CodeList.PROCEDURE, c, language)).orElse(null), t.cpvs(),
                t.nuts().orElse(null), t.budgetWithTaxes().orElse(null), t.budgetWithoutTaxes().orElse(null),
                t.estimatedValue().orElse(null), t.deadline().orElse(null),
                t.duration().map(d -> new TermJson(d.amount(), d.unit().name(), d.years())).orElse(null),
                codes.reservation(t.criteria().stream().filter(c -> c.kind() == Tender.Criterion.Kind.DECLARATION)
                        .flatMap(c -> c.code().stream()).toList()).orElse(null),
                kept.closedAt().orElse(null),
                t.lots().stream()
                        .map(l -> new LotJson(l.id(), l.title(), l.budgetWithTaxes().orElse(null),
                                l.budgetWithoutTaxes().orElse(null), l.cpvs(), l.nuts().orElse(null)))
                        .toList(),
                t.criteria().stream()
                        .map(c -> new CriterionJson(c.kind().name(), c.lot().orElse(null), c.code().orElse(null),
                                c.description().orElse(null), c.weight().orElse(null)))
                        .toList(),
                t.documents().stream()
                        .map(d -> new DocumentJson(d.kind().name(), d.name(), d.uri(), d.typeCode().orElse(null)))
                        .toList(),
                t.results().stream()
                        .map(r -> new ResultJson(r.lot().orElse(null), code(CodeList.RESULT, r.resultCode(), language),
                                r.awardDate().orElse(null), r.winnerName().orElse(null), r.winnerTaxId().orElse(null),
                                r.amountWithoutTaxes().orElse(null), r.amountPayable().orElse(null),
                                r.tendersReceived().orElse(null)))
                        .toList());
    }

    private CodeJson code(CodeList list, String code, Locale language) {
        return views.code(list, code, language);
    }
}
