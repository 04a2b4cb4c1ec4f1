package coop.intercoop.hub.tenders.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenders.entity.TenderWatch;

/**
 * The organisation's watches ({@link TenderWatch}), called from its tender boundaries: kept, changed and deleted
 * (audited), the tenders each keeps and those new to it, and the calendar of the deadlines of the tenders its watches
 * keep, each tender warned about when its deadline is near.
 */
@Dependent
public class Watches {

    /** Deadlines are published in Spanish peninsular time. */
    public static final ZoneId PENINSULAR = ZoneId.of("Europe/Madrid");

    /** The longest calendar read at once. */
    public static final int MAX_CALENDAR_DAYS = 366;

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenant tenant;

    @Inject
    AuditTrail audit;

    @Inject
    Tenders tenders;

    @Inject
    @ConfigProperty(name = "hub.tenders.deadline-warning-days", defaultValue = "7")
    int warningDays;

    /** A tender on the calendar: the tender, the watches of the organisation that keep it, and whether it is near. */
    public record Dated(Tenders.Listed tender, List<String> watches, boolean soon) {
    }

    /**
     * The calendar's tenders, soonest first; {@code complete} false when a watch keeps more than
     * {@value Tenders#MAX_LIST} tenders in the days asked for and only its soonest are shown: a shorter range shows
     * all.
     */
    public record Calendar(List<Dated> tenders, boolean complete) {
    }

    public List<TenderWatch> all() {
        return em.createNamedQuery(TenderWatch.ALL, TenderWatch.class).getResultList();
    }

    /** EclipseLink adds the tenant to the lookup, so another organisation's id is simply not found. */
    public TenderWatch find(long id) {
        TenderWatch watch = em.find(TenderWatch.class, id);
        if (watch == null) {
            throw new NotFoundException("watch", id);
        }
        return watch;
    }

    public TenderWatch create(String name, TenderWatch.Filter filter, long userId) {
        TenderWatch watch = new TenderWatch(name, filter, userId, Instant.now());
        em.persist(watch);
        em.flush();
        audit.record(tenant.id(), "tender-watch.created", "tender-watch", String.valueOf(watch.getId()),
                watch.getName());
        return watch;
    }

    public TenderWatch change(long id, int expectedVersion, String name, TenderWatch.Filter filter) {
        TenderWatch watch = find(id);
        if (watch.getVersion() != expectedVersion) {
            throw new OptimisticLockException(watch);
        }
        watch.change(name, filter);
        em.flush();
        audit.record(tenant.id(), "tender-watch.changed", "tender-watch", String.valueOf(id), watch.getName());
        return watch;
    }

    public void delete(long id) {
        TenderWatch watch = find(id);
        em.remove(watch);
        audit.record(tenant.id(), "tender-watch.deleted", "tender-watch", String.valueOf(id), watch.getName());
    }

    /** The watch has seen every tender the hub has read until now. */
    public TenderWatch seen(long id) {
        TenderWatch watch = find(id);
        watch.seen(Instant.now());
        em.flush();
        return watch;
    }

    /** How many published tenders the hub read after the watch was last looked at keep it. */
    public int unseen(TenderWatch watch) {
        return tenders.count(watch.getFilter().tenders(), Optional.of(watch.getSeenAt()));
    }

    /** The published tenders the watch keeps, or only those read after it was last looked at. */
    public List<Tenders.Listed> tenders(TenderWatch watch, boolean unseenOnly, int offset, int limit) {
        return tenders.list(watch.getFilter().tenders(), unseenOnly ? Optional.of(watch.getSeenAt()) : Optional.empty(),
                offset, limit);
    }

    /**
     * The published tenders any of the organisation's watches keeps whose deadline falls between two days (both
     * included), soonest first, each with the names of the watches that keep it.
     */
    public Calendar calendar(LocalDate from, LocalDate to) {
        Map<Long, Tenders.Listed> kept = new LinkedHashMap<>();
        Map<Long, List<String>> by = new LinkedHashMap<>();
        boolean complete = true;
        for (TenderWatch watch : all()) {
            List<Tenders.Listed> listed = tenders.list(watch.getFilter().tenders(Optional.of(from), Optional.of(to)),
                    Optional.empty(), 0, Tenders.MAX_LIST);
            complete &= listed.size() < Tenders.MAX_LIST;
            for (Tenders.Listed t : listed) {
                kept.putIfAbsent(t.id(), t);
                by.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(watch.getName());
            }
        }
        LocalDateTime now = LocalDateTime.now(PENINSULAR);
        return new Calendar(kept.values().stream()
                .sorted(Comparator.comparing((Tenders.Listed t) -> t.deadline().orElseThrow())
                        .thenComparing(Tenders.Listed::id))
                .map(t -> new Dated(t, by.get(t.id()), soon(t, now))).toList(), complete);
    }

    /** Whether a tender's deadline is still ahead and within the warning days. */
    public boolean soon(Tenders.Listed tender, LocalDateTime now) {
        return tender.deadline().filter(d -> !d.isBefore(now) && d.isBefore(now.plusDays(warningDays))).isPresent();
    }
}
