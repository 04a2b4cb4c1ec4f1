package coop.intercoop.hub.tenders.boundary;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import coop.intercoop.hub.platform.VersionRequiredException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenders.boundary.TenderViews.ListedJson;
import coop.intercoop.hub.tenders.control.Watches;
import coop.intercoop.hub.tenders.entity.InvalidTenderInputException;
import coop.intercoop.hub.tenders.entity.TenderWatch;

/**
 * The organisation's watches: filters its tender-managers save, each marking the tenders the hub read since it was last
 * looked at; and the calendar of the deadlines of the tenders they keep, near ones warned about.
 */
@Path("orgs/{org}/tenders/watches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenders")
public class TenderWatchesResource {

    @Inject
    Tenant tenant;

    @Inject
    Caller caller;

    @Inject
    Watches watches;

    @Inject
    TenderViews views;

    /** A watch to keep: a name and what it looks for; {@code version} the version read, to change one. */
    public static class WatchInput {
        public String name;
        public List<String> status;
        public List<String> cpv;
        public List<String> nuts;
        public BigDecimal minValue;
        public BigDecimal maxValue;
        public Boolean reserved;
        public String q;
        public Integer version;

        TenderWatch.Filter filter() {
            return new TenderWatch.Filter(list(status), list(cpv), list(nuts), Optional.ofNullable(minValue),
                    Optional.ofNullable(maxValue), Boolean.TRUE.equals(reserved), Optional.ofNullable(q));
        }

        private static List<String> list(List<String> values) {
            return values == null ? List.of() : values;
        }
    }

    /** A watch, with how many published tenders it keeps that the hub read since it was last looked at. */
    public record WatchJson(long id, String name, List<String> status, List<String> cpv, List<String> nuts,
            BigDecimal minValue, BigDecimal maxValue, boolean reserved, String q, Instant seenAt, int unseen,
            int version) {
    }

    public record WatchTendersPage(List<ListedJson> tenders) {
    }

    /** A day's tenders on the calendar, with the watches that keep each. */
    public record DatedJson(ListedJson tender, List<String> watches) {
    }

    /** The calendar: {@code complete} false when a watch keeps too many tenders in the days asked for. */
    public record CalendarJson(LocalDate from, LocalDate to, boolean complete, List<DatedJson> tenders) {
    }

    private WatchJson json(TenderWatch w) {
        TenderWatch.Filter f = w.getFilter();
        return new WatchJson(w.getId(), w.getName(), f.statuses(), f.cpvPrefixes(), f.nutsPrefixes(),
                f.minValue().orElse(null), f.maxValue().orElse(null), f.reservedOnly(), f.words().orElse(null),
                w.getSeenAt(), watches.unseen(w), w.getVersion());
    }

    @GET
    @Operation(summary = "The organisation's watches, each with how many published tenders it keeps that the hub read "
            + "since it was last looked at (org-admin, tender-manager, auditor)")
    @ReadsTenders
    public List<WatchJson> all() {
        return watches.all().stream().map(this::json).toList();
    }

    @POST
    @Operation(summary = "Keep a watch: a name and what it looks for ('status', 'cpv' and 'nuts' prefixes as lists, "
            + "'minValue', 'maxValue', 'reserved', 'q'); it marks the tenders read from now on (org-admin, "
            + "tender-manager)")
    @ManagesTenders
    public Response create(@NotNull WatchInput input) {
        TenderWatch watch = watches.create(input.name, input.filter(), caller.user().getId());
        return Response.created(URI.create("orgs/" + tenant.id() + "/tenders/watches/" + watch.getId()))
                .entity(json(watch)).build();
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "One watch (org-admin, tender-manager, auditor)")
    @ReadsTenders
    public WatchJson one(@PathParam("id") long id) {
        return json(watches.find(id));
    }

    @PUT
    @Path("{id: [0-9]+}")
    @Operation(summary = "Change a watch, with the version read (org-admin, tender-manager)")
    @ManagesTenders
    public WatchJson change(@PathParam("id") long id, @NotNull WatchInput input) {
        if (input.version == null) {
            throw new VersionRequiredException();
        }
        return json(watches.change(id, input.version, input.name, input.filter()));
    }

    @DELETE
    @Path("{id: [0-9]+}")
    @Operation(summary = "Delete a watch (org-admin, tender-manager)")
    @ManagesTenders
    public Response delete(@PathParam("id") long id) {
        watches.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id: [0-9]+}/tenders")
    @Operation(summary = "The published tenders a watch keeps, soonest deadline first, each marked unseen when the hub "
            + "read it since the watch was last looked at; 'unseen=true' keeps only those; 'first' and 'max' (at most "
            + "200) page them (org-admin, tender-manager, auditor)")
    @ReadsTenders
    public WatchTendersPage tenders(@PathParam("id") long id,
            @QueryParam("unseen") @DefaultValue("false") boolean unseen,
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max,
            @Context HttpHeaders headers) {
        Locale language = Problems.language(headers);
        TenderWatch watch = watches.find(id);
        return new WatchTendersPage(watches.tenders(watch, unseen, Math.max(0, first), Math.max(1, Math.min(200, max)))
                .stream().map(t -> views.listed(t, language, Optional.of(watch.getSeenAt()))).toList());
    }

    @POST
    @Path("{id: [0-9]+}/seen")
    @Operation(summary = "Mark every tender the watch keeps as seen (org-admin, tender-manager)")
    @ManagesTenders
    public WatchJson seen(@PathParam("id") long id) {
        return json(watches.seen(id));
    }

    @GET
    @Path("calendar")
    @Operation(summary = "The deadlines of the published tenders the organisation's watches keep, between 'from' "
            + "(today when absent) and 'to' (92 days later when absent; at most 366 days), soonest first, each with "
            + "the watches that keep it and deadlineSoon when it is within the hub's warning days (org-admin, "
            + "tender-manager, auditor)")
    @ReadsTenders
    public CalendarJson calendar(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @Context HttpHeaders headers) {
        Locale language = Problems.language(headers);
        LocalDate first = from != null ? from : LocalDate.now(Watches.PENINSULAR);
        LocalDate last = to != null ? to : first.plusDays(92);
        if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) > Watches.MAX_CALENDAR_DAYS) {
            throw new InvalidTenderInputException("to", "calendar.range", first, last, Watches.MAX_CALENDAR_DAYS);
        }
        Watches.Calendar calendar = watches.calendar(first, last);
        return new CalendarJson(first, last, calendar.complete(), calendar.tenders().stream()
                .map(d -> new DatedJson(views.listed(d.tender(), language, Optional.empty()), d.watches())).toList());
    }
}
