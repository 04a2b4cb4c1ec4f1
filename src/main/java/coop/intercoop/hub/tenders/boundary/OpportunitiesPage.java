package coop.intercoop.hub.tenders.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.file.UploadedFile;

import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Consortia;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Consortium;
import coop.intercoop.hub.tenders.control.ConsortiumBids;
import coop.intercoop.hub.tenders.control.FeedReads;
import coop.intercoop.hub.tenders.control.TenderCodes;
import coop.intercoop.hub.tenders.control.TenderStore;
import coop.intercoop.hub.tenders.control.TenderCodes.CodeList;
import coop.intercoop.hub.tenders.control.Tenders;
import coop.intercoop.hub.tenders.control.Watches;
import coop.intercoop.hub.tenders.entity.Tender;
import coop.intercoop.hub.tenders.entity.TenderFilter;
import coop.intercoop.hub.tenders.entity.TenderWatch;

/**
 * The tenders the hub keeps ({@code /org/tenders/opportunities.xhtml}), for those who read them: found by the same
 * filter as the API's ({@link TenderFilter}, its refusals next to their fields), each with its deadline's countdown,
 * one shown whole with its lots, criteria, documents and results; the filter saved as a watch, and the feed read, by
 * those who manage tenders.
 */
@Named
@ViewScoped
public class OpportunitiesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most tenders the page lists at once: a narrower filter shows the rest. */
    static final int SHOWN = 200;

    @Inject
    Instance<Tenders> tenders;

    @Inject
    Instance<TenderCodes> codes;

    @Inject
    Instance<Watches> watches;

    @Inject
    Instance<FeedReads> reads;

    @Inject
    Instance<ConsortiumBids> bids;

    @Inject
    Instance<Consortia> consortia;

    @Inject
    Tenant tenant;

    @Inject
    Caller caller;

    @Inject
    Texts texts;

    private String words;
    /** Mutable: Faces makes the selection's list of the class of the one it reads. */
    private List<String> statuses = new ArrayList<>(List.of("PUB"));
    private String cpv;
    private String nuts;
    private BigDecimal minValue;
    private BigDecimal maxValue;
    private boolean reserved;
    private boolean openOnly = true;
    private LocalDate deadlineFrom;
    private LocalDate deadlineTo;
    private List<Tenders.Listed> results = List.of();
    private Tenders.Kept shown;
    private String watchName;
    private Long readId;
    private transient UploadedFile page;
    private Long aimConsortium;
    private List<Consortium> ledConsortia = List.of();
    /** Mutable: Faces makes the selection's list of the class of the one it reads. */
    private List<String> aimLots = new ArrayList<>();

    @ReadsTenders
    public void load() {
        search();
    }

    @ReadsTenders
    public void search() {
        results = tenders.get()
                .list(new TenderFilter(statuses, prefixes(cpv), prefixes(nuts), Optional.ofNullable(minValue),
                        Optional.ofNullable(maxValue), reserved, Optional.ofNullable(deadlineFrom),
                        Optional.ofNullable(deadlineTo), Optional.ofNullable(words), openOnly), 0, SHOWN);
        shown = null;
    }

    @ReadsTenders
    public void show(long id) {
        shown = tenders.get().find(id);
        ledConsortia = consortia.get().of(tenant.id()).stream().filter(c -> c.isLead(tenant.id())).toList();
    }

    public void hide() {
        shown = null;
    }

    /** The filter kept as a watch of the organisation, by the name typed. */
    @ManagesTenders
    public void saveWatch() {
        TenderWatch watch = watches.get()
                .create(watchName,
                        new TenderWatch.Filter(statuses, prefixes(cpv), prefixes(nuts), Optional.ofNullable(minValue),
                                Optional.ofNullable(maxValue), reserved, Optional.ofNullable(words)),
                        caller.user().getId());
        texts.inform("opportunities.watch.saved", watch.getName());
        watchName = null;
    }

    /**
     * The consortium chosen, one the organisation leads, bids for the tender shown, for the lots chosen (none: the
     * whole tender); a bid it had is aimed here instead.
     */
    @ManagesTenders
    public void aim() {
        if (aimConsortium == null) {
            throw new coop.intercoop.hub.tenders.entity.InvalidTenderInputException("consortium", "bid.consortium");
        }
        Optional<Integer> version;
        try {
            version = Optional.of(bids.get().find(tenant.id(), aimConsortium).bid().getVersion());
        } catch (coop.intercoop.hub.platform.NotFoundException none) {
            version = Optional.empty();
        }
        bids.get().aim(tenant.id(), aimConsortium, shown.id(), aimLots, version);
        texts.inform("opportunities.aimed");
    }

    /** The consortia the organisation leads, those whose bid it aims: read when a tender is shown. */
    public List<Consortium> getLedConsortia() {
        return ledConsortia;
    }

    /** A page of the feed uploaded here, read whole and kept as through the API; the list shown again. */
    @ManagesTenders
    public void upload() throws java.io.IOException {
        if (page == null || page.getSize() == 0) {
            throw new coop.intercoop.hub.tenders.entity.InvalidTenderInputException("page", "feed.page.missing");
        }
        try (java.io.InputStream body = page.getInputStream()) {
            TenderStore.Outcome outcome = reads.get().upload(body);
            texts.inform("opportunities.uploaded", outcome.created(), outcome.updated(), outcome.unchanged(),
                    outcome.closed());
        }
        page = null;
        search();
    }

    /** A read of the feed from the hub's address, followed on this page until it ends. */
    @ManagesTenders
    public void readFeed() {
        readId = reads.get().start(Optional.empty(), texts.locale(), caller.user().getId());
        texts.inform("opportunities.read.started");
    }

    /** The poll's tick while the read runs: its state, and the list again once it ended. */
    @ReadsTenders
    public void refresh() {
        FeedReads.Read read = getRead();
        if (read != null && !isReading()) {
            search();
        }
    }

    /** The prefixes typed, separated by commas or spaces. */
    static List<String> prefixes(String typed) {
        return typed == null || typed.isBlank() ? List.of()
                : Arrays.stream(typed.strip().split("[,;\\s]+")).map(p -> p.toUpperCase(Locale.ROOT)).toList();
    }

    public boolean isManages() {
        return tenant.may(ManagesTenders.class);
    }

    /** The read started on this page, as it stands now; null when none was. */
    public FeedReads.Read getRead() {
        return readId == null ? null : reads.get().find(readId);
    }

    public boolean isReading() {
        FeedReads.Read read = getRead();
        return read != null && (read.status().equals("QUEUED") || read.status().equals("RUNNING"));
    }

    public String status(String code) {
        return codes.get().label(CodeList.STATUS, code, texts.locale()).orElse(code);
    }

    public String contractType(String code) {
        return code == null ? "" : codes.get().label(CodeList.CONTRACT_TYPE, code, texts.locale()).orElse(code);
    }

    public String procedure(String code) {
        return code == null ? "" : codes.get().label(CodeList.PROCEDURE, code, texts.locale()).orElse(code);
    }

    public String result(String code) {
        return codes.get().label(CodeList.RESULT, code, texts.locale()).orElse(code);
    }

    public List<TenderCodes.Code> getStatusCodes() {
        return codes.get().codes(CodeList.STATUS, texts.locale());
    }

    public boolean soon(Tenders.Listed tender) {
        return watches.get().soon(tender, LocalDateTime.now(Watches.PENINSULAR));
    }

    /** The reservation of the tender shown ({@code DA4}, {@code DA48}), or null. */
    public String getReservation() {
        return shown == null ? null
                : codes.get()
                        .reservation(shown.tender().criteria().stream()
                                .filter(c -> c.kind() == Tender.Criterion.Kind.DECLARATION)
                                .flatMap(c -> c.code().stream()).toList())
                        .orElse(null);
    }

    public List<Tenders.Listed> getResults() {
        return results;
    }

    public boolean isMore() {
        return results.size() >= SHOWN;
    }

    public Tenders.Kept getShown() {
        return shown;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }

    public List<String> getStatuses() {
        return statuses;
    }

    public void setStatuses(List<String> statuses) {
        this.statuses = statuses == null ? new ArrayList<>() : new ArrayList<>(statuses);
    }

    public String getCpv() {
        return cpv;
    }

    public void setCpv(String cpv) {
        this.cpv = cpv;
    }

    public String getNuts() {
        return nuts;
    }

    public void setNuts(String nuts) {
        this.nuts = nuts;
    }

    public BigDecimal getMinValue() {
        return minValue;
    }

    public void setMinValue(BigDecimal minValue) {
        this.minValue = minValue;
    }

    public BigDecimal getMaxValue() {
        return maxValue;
    }

    public void setMaxValue(BigDecimal maxValue) {
        this.maxValue = maxValue;
    }

    public boolean isReserved() {
        return reserved;
    }

    public void setReserved(boolean reserved) {
        this.reserved = reserved;
    }

    public boolean isOpenOnly() {
        return openOnly;
    }

    public void setOpenOnly(boolean openOnly) {
        this.openOnly = openOnly;
    }

    public LocalDate getDeadlineFrom() {
        return deadlineFrom;
    }

    public void setDeadlineFrom(LocalDate deadlineFrom) {
        this.deadlineFrom = deadlineFrom;
    }

    public LocalDate getDeadlineTo() {
        return deadlineTo;
    }

    public void setDeadlineTo(LocalDate deadlineTo) {
        this.deadlineTo = deadlineTo;
    }

    public UploadedFile getPage() {
        return page;
    }

    public void setPage(UploadedFile page) {
        this.page = page;
    }

    public Long getAimConsortium() {
        return aimConsortium;
    }

    public void setAimConsortium(Long aimConsortium) {
        this.aimConsortium = aimConsortium;
    }

    public List<String> getAimLots() {
        return aimLots;
    }

    public void setAimLots(List<String> aimLots) {
        this.aimLots = aimLots == null ? new ArrayList<>() : new ArrayList<>(aimLots);
    }

    public String getWatchName() {
        return watchName;
    }

    public void setWatchName(String watchName) {
        this.watchName = watchName;
    }
}
