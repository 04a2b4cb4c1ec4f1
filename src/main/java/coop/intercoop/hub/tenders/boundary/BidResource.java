package coop.intercoop.hub.tenders.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.platform.Problems;
import coop.intercoop.hub.platform.VersionRequiredException;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenders.boundary.TenderViews.ListedJson;
import coop.intercoop.hub.tenders.control.Certificates;
import coop.intercoop.hub.tenders.control.ConsortiumBids;
import coop.intercoop.hub.tenders.control.Watches;
import coop.intercoop.hub.tenders.entity.Bid;
import coop.intercoop.hub.tenders.entity.InvalidTenderInputException;
import coop.intercoop.hub.tenders.entity.BidItem;
import coop.intercoop.hub.tenders.entity.Certificate;

/**
 * A consortium's bid workspace, for its members only: the tender (or some of its lots) the consortium bids for, the
 * decision to bid, and each envelope's checklist with owner, due date and state. An organisation that is not an
 * accepted member of the consortium, or left it, answers 404 to all of it.
 */
@Path("orgs/{org}/consortia/{consortium}/bid")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenders")
public class BidResource {

    @Inject
    Tenant tenant;

    @Inject
    ConsortiumBids bids;

    @Inject
    Organisations organisations;

    @Inject
    TenderViews views;

    /** {@code {"tenderId":12,"lots":["1","3"],"version":0}}: the tender and lots; the version read to change it. */
    public static class Aim {
        public Long tenderId;
        public List<String> lots;
        public Integer version;
    }

    /** {@code {"decision":"BID","version":1}}; a null decision undoes it. */
    public static class Decide {
        public Bid.Decision decision;
        public Integer version;
    }

    /** An item of the checklist; {@code version} the version read, to change one. */
    public static class ItemInput {
        public BidItem.Envelope envelope;
        public String title;
        public Long ownerOrganisationId;
        public LocalDate dueDate;
        public Integer version;
    }

    /** {@code {"done":true,"version":0}}. */
    public static class Done {
        public boolean done;
        public Integer version;
    }

    /** An item: its owner named, whether it is done, and late (not done and due before today). */
    public record ItemJson(long id, BidItem.Envelope envelope, String title, long ownerOrganisationId, String owner,
            LocalDate dueDate, boolean done, Instant doneAt, boolean late, int version) {
    }

    /** {@code {"lines":[{"criterion":"Encaje con nuestros servicios","weight":3,"score":8}],"version":2}}. */
    public static class Scorecard {
        public List<Line> lines;
        public Integer version;

        public static class Line {
            public String criterion;
            public BigDecimal weight;
            public BigDecimal score;
            public String note;
        }
    }

    public record ScoreJson(String criterion, BigDecimal weight, BigDecimal score, String note) {
    }

    /** A member's certificate, and whether it is valid on the tender's deadline (today's date without one). */
    public record CertificateJson(long organisationId, long id, Certificate.Kind kind, String title, String issuer,
            LocalDate validFrom, LocalDate validUntil, boolean validAtDeadline) {
    }

    /**
     * A member and whether it holds, valid on the deadline (today's date without one), a certificate of being up to
     * date with the tax agency and one with Social Security (Ley 9/2017 art. 71.1.d).
     */
    public record MemberJson(long organisationId, String name, boolean lead, boolean taxAgencyValid,
            boolean socialSecurityValid) {
    }

    /**
     * The bid: its tender as in the lists, the lots bid for (empty: all), the decision, the scorecard and its weighted
     * score (0–10), the checklist, and the members with their certificates checked against the deadline.
     */
    public record BidJson(long id, long consortiumId, ListedJson tender, List<String> lots, Bid.Decision decision,
            List<ScoreJson> scorecard, BigDecimal weightedScore, List<ItemJson> items, List<MemberJson> members,
            List<CertificateJson> certificates, int version) {
    }

    private BidJson json(ConsortiumBids.Workspace w, Locale language) {
        LocalDate today = LocalDate.now(Watches.PENINSULAR);
        LocalDate checked = w.checkedOn();
        List<Certificates.Held> held = bids.certificates(w);
        List<MemberJson> members = w.members().stream()
                .map(org -> new MemberJson(org, organisations.find(org).getName(), w.consortium().isLead(org),
                        Certificates.holds(held, org, Certificate.Kind.TAX_AGENCY, checked),
                        Certificates.holds(held, org, Certificate.Kind.SOCIAL_SECURITY, checked)))
                .toList();
        return new BidJson(w.bid().getId(), w.consortium().getId(),
                views.listed(w.tender().listed(), language, Optional.empty()), w.bid().getLots(), w.bid().getDecision(),
                w.bid().getScorecard().stream()
                        .map(l -> new ScoreJson(l.getCriterion(), l.getWeight(), l.getScore(), l.getNote())).toList(),
                w.bid().weightedScore().orElse(null), w.bid().getItems().stream().map(i -> item(i, today)).toList(),
                members,
                held.stream()
                        .map(h -> new CertificateJson(h.orgId(), h.id(), h.kind(), h.title(), h.issuer().orElse(null),
                                h.validFrom(), h.validUntil().orElse(null), h.validOn(checked)))
                        .toList(),
                w.bid().getVersion());
    }

    @PUT
    @Path("scorecard")
    @Operation(summary = "Set the bid/no-bid scorecard: lines of criterion, weight (more than 0) and score (0 to 10), "
            + "with the bid's version read (members' org-admins and tender-managers); the bid shows the weighted score")
    @ManagesTenders
    public BidJson score(@PathParam("consortium") long consortium, @NotNull Scorecard input,
            @Context HttpHeaders headers) {
        if (input.version == null) {
            throw new VersionRequiredException();
        }
        List<Bid.Score> lines = input.lines == null ? List.of()
                : input.lines.stream().map(l -> new Bid.Score(l.criterion, l.weight, l.score, l.note)).toList();
        return json(bids.score(tenant.id(), consortium, lines, input.version), Problems.language(headers));
    }

    private ItemJson item(BidItem i, LocalDate today) {
        return new ItemJson(i.getId(), i.getEnvelope(), i.getTitle(), i.getOwnerOrgId(),
                organisations.find(i.getOwnerOrgId()).getName(), i.getDueDate(), i.getDoneAt() != null, i.getDoneAt(),
                i.isLate(today), i.getVersion());
    }

    @GET
    @Operation(summary = "The consortium's bid: its tender, lots, decision and checklist (members' org-admins, "
            + "tender-managers and auditors); 404 until the lead aims it at a tender")
    @ReadsTenders
    public BidJson one(@PathParam("consortium") long consortium, @Context HttpHeaders headers) {
        return json(bids.find(tenant.id(), consortium), Problems.language(headers));
    }

    @PUT
    @Operation(summary = "Aim the consortium's bid at a tender and some of its lots, none for the whole tender (the "
            + "lead's org-admin or tender-manager); with the version read once the bid exists")
    @ManagesTenders
    public BidJson aim(@PathParam("consortium") long consortium, @NotNull Aim input, @Context HttpHeaders headers) {
        if (input.tenderId == null) {
            throw new InvalidTenderInputException("tenderId", "bid.tender.missing");
        }
        return json(bids.aim(tenant.id(), consortium, input.tenderId, input.lots == null ? List.of() : input.lots,
                Optional.ofNullable(input.version)), Problems.language(headers));
    }

    @PUT
    @Path("decision")
    @Operation(summary = "Record the members' decision, BID or NO_BID, null to undo it (the lead's org-admin or "
            + "tender-manager), with the bid's version read")
    @ManagesTenders
    public BidJson decide(@PathParam("consortium") long consortium, @NotNull Decide input,
            @Context HttpHeaders headers) {
        if (input.version == null) {
            throw new VersionRequiredException();
        }
        return json(bids.decide(tenant.id(), consortium, input.decision, input.version), Problems.language(headers));
    }

    @POST
    @Path("items")
    @Operation(summary = "Add an item to an envelope's checklist: envelope, title, the member organisation that "
            + "prepares it and the date it is due by, at the latest the tender's deadline (members' org-admins and "
            + "tender-managers)")
    @ManagesTenders
    public Response add(@PathParam("consortium") long consortium, @NotNull ItemInput input) {
        BidItem item = bids.addItem(tenant.id(), consortium, input.envelope, input.title, input.ownerOrganisationId,
                input.dueDate);
        return Response.status(Response.Status.CREATED).entity(item(item, LocalDate.now(Watches.PENINSULAR))).build();
    }

    @PUT
    @Path("items/{id: [0-9]+}")
    @Operation(summary = "Change an item, with the version read (members' org-admins and tender-managers)")
    @ManagesTenders
    public ItemJson change(@PathParam("consortium") long consortium, @PathParam("id") long id,
            @NotNull ItemInput input) {
        if (input.version == null) {
            throw new VersionRequiredException();
        }
        return item(bids.changeItem(tenant.id(), consortium, id, input.version, input.envelope, input.title,
                input.ownerOrganisationId, input.dueDate), LocalDate.now(Watches.PENINSULAR));
    }

    @PUT
    @Path("items/{id: [0-9]+}/done")
    @Operation(summary = "Tick an item off as done, or not done, with the version read (members' org-admins and "
            + "tender-managers)")
    @ManagesTenders
    public ItemJson done(@PathParam("consortium") long consortium, @PathParam("id") long id, @NotNull Done input) {
        if (input.version == null) {
            throw new VersionRequiredException();
        }
        return item(bids.done(tenant.id(), consortium, id, input.version, input.done),
                LocalDate.now(Watches.PENINSULAR));
    }

    @DELETE
    @Path("items/{id: [0-9]+}")
    @Operation(summary = "Delete an item (members' org-admins and tender-managers)")
    @ManagesTenders
    public Response delete(@PathParam("consortium") long consortium, @PathParam("id") long id) {
        bids.deleteItem(tenant.id(), consortium, id);
        return Response.noContent().build();
    }
}
