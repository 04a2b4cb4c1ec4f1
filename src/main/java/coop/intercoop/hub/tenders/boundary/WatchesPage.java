package coop.intercoop.hub.tenders.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.platform.jobs.Schedule;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.control.Users;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenders.control.FeedReads;
import coop.intercoop.hub.tenders.control.Tenders;
import coop.intercoop.hub.tenders.control.Watches;
import coop.intercoop.hub.tenders.entity.TenderWatch;

/**
 * The organisation's watches ({@code /org/tenders/watches.xhtml}), for those who read the tenders: each with how many
 * tenders it keeps that the hub read since it was last looked at, those tenders shown and marked seen, the watch
 * deleted by those who manage tenders; and the calendar of the next deadlines of the tenders the watches keep, through
 * the same control as the API; and the organisation's schedule of reads of the feed, saved and stopped by those who
 * manage tenders.
 */
@Named
@ViewScoped
public class WatchesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The days the calendar shows from today. */
    static final int CALENDAR_DAYS = 92;

    @Inject
    Instance<Watches> watches;

    @Inject
    Tenant tenant;

    @Inject
    Texts texts;

    @Inject
    Instance<FeedReads> reads;

    @Inject
    Instance<Users> users;

    @Inject
    Caller caller;

    @Inject
    TenderTexts tenderTexts;

    private List<TenderWatch> list = List.of();
    private Map<Long, Integer> unseen = Map.of();
    private TenderWatch shown;
    private List<Tenders.Listed> tenders = List.of();
    private Watches.Calendar calendar = new Watches.Calendar(List.of(), true);
    private transient Schedule schedule;
    private Integer everyHours;

    @ReadsTenders
    public void load() {
        list = watches.get().all();
        unseen = list.stream().collect(Collectors.toMap(TenderWatch::getId, w -> watches.get().unseen(w)));
        LocalDate today = LocalDate.now(Watches.PENINSULAR);
        calendar = watches.get().calendar(today, today.plusDays(CALENDAR_DAYS));
        try {
            schedule = reads.get().schedule();
            everyHours = (int) schedule.every().toHours();
        } catch (NotFoundException none) {
            schedule = null;
        }
    }

    /** Saves the organisation's schedule of reads of the feed, as the API does; the first read is queued at once. */
    @ManagesTenders
    public void saveSchedule() {
        reads.get().schedule(everyHours, Optional.ofNullable(schedule).map(Schedule::version), texts.locale(),
                caller.user().getId());
        texts.inform("watches.schedule.saved", everyHours);
        load();
    }

    @ManagesTenders
    public void stopSchedule() {
        reads.get().unschedule();
        texts.inform("watches.schedule.stopped");
        everyHours = null;
        load();
    }

    /** The organisation's schedule of reads, or null without one. */
    public Schedule getSchedule() {
        return schedule;
    }

    /** When the next scheduled read is due, in Spanish peninsular time. */
    public String nextRead() {
        return schedule == null ? ""
                : tenderTexts.when(java.time.LocalDateTime.ofInstant(schedule.nextAt(), Watches.PENINSULAR));
    }

    public String owner() {
        return schedule == null ? "" : users.get().find(schedule.ownerId()).getUsername();
    }

    public Integer getEveryHours() {
        return everyHours;
    }

    public void setEveryHours(Integer everyHours) {
        this.everyHours = everyHours;
    }

    /** The tenders the watch keeps, those read since it was last looked at first marked. */
    @ReadsTenders
    public void show(long id) {
        shown = watches.get().find(id);
        tenders = watches.get().tenders(shown, false, 0, OpportunitiesPage.SHOWN);
    }

    @ManagesTenders
    public void seen(long id) {
        TenderWatch watch = watches.get().seen(id);
        texts.inform("watches.seen.done", watch.getName());
        load();
        if (shown != null && shown.getId() == id) {
            show(id);
        }
    }

    @ManagesTenders
    public void delete(long id) {
        TenderWatch watch = watches.get().find(id);
        String name = watch.getName();
        watches.get().delete(id);
        texts.inform("watches.deleted", name);
        if (shown != null && shown.getId() == id) {
            shown = null;
            tenders = List.of();
        }
        load();
    }

    public boolean isManages() {
        return tenant.may(ManagesTenders.class);
    }

    /** Whether a tender of the watch shown was read since the watch was last looked at. */
    public boolean unseen(Tenders.Listed tender) {
        return shown != null && tender.read().isAfter(shown.getSeenAt());
    }

    /** What a watch looks for, in a line. */
    public String summary(TenderWatch watch) {
        TenderWatch.Filter f = watch.getFilter();
        StringBuilder line = new StringBuilder();
        append(line, "CPV", String.join(", ", f.cpvPrefixes()));
        append(line, "NUTS", String.join(", ", f.nutsPrefixes()));
        append(line, texts.get("opportunities.status"), String.join(", ", f.statuses()));
        f.minValue().ifPresent(v -> append(line, texts.get("opportunities.minValue"), v.toPlainString()));
        f.maxValue().ifPresent(v -> append(line, texts.get("opportunities.maxValue"), v.toPlainString()));
        if (f.reservedOnly()) {
            append(line, texts.get("opportunities.reserved"), "✓");
        }
        f.words().ifPresent(w -> append(line, texts.get("opportunities.words"), w));
        return line.toString();
    }

    private static void append(StringBuilder line, String label, String value) {
        if (!value.isEmpty()) {
            line.append(line.length() == 0 ? "" : " · ").append(label).append(": ").append(value);
        }
    }

    public List<TenderWatch> getList() {
        return list;
    }

    public int unseenOf(TenderWatch watch) {
        return unseen.getOrDefault(watch.getId(), 0);
    }

    public TenderWatch getShown() {
        return shown;
    }

    public List<Tenders.Listed> getTenders() {
        return tenders;
    }

    public Watches.Calendar getCalendar() {
        return calendar;
    }
}
