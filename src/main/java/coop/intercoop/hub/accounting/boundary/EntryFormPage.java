package coop.intercoop.hub.accounting.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.accounting.control.Accounts;
import coop.intercoop.hub.accounting.control.Analytics;
import coop.intercoop.hub.accounting.control.Drafts;
import coop.intercoop.hub.accounting.control.Ledger;
import coop.intercoop.hub.accounting.entity.AccountKind;
import coop.intercoop.hub.accounting.entity.Activity;
import coop.intercoop.hub.accounting.entity.Dimension;
import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.EntryDraft.EntryLine;
import coop.intercoop.hub.accounting.entity.EntryDraft.Share;
import coop.intercoop.hub.accounting.entity.InvalidEntryException;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.WorkCentres;

/**
 * The entry form ({@code /org/accounting/new-entry.xhtml}): date, journal, description, document and editable lines,
 * with the difference between debit and credit recomputed as amounts are typed, and each line's analytic shares edited
 * in a dialog, one value of a dimension at 100 % or a split across several. Posting goes through the {@link Ledger}
 * like every other posting, so its refusals (unbalanced, heading account, shares not totalling 100 %, locked date...)
 * are the ledger's, shown next to the field or line they name. Only accountants may post past the soft lock, with a
 * reason.
 * <p>
 * The form also saves its content as a draft ({@link Drafts}), and opens a saved draft ({@code ?draft=<id>}) to change,
 * save again or post it; posting a draft posts through the drafts control, which removes the draft in the same
 * transaction, as the API does. Another organisation's draft answers 404.
 */
@Named
@ViewScoped
public class EntryFormPage extends PostingPage {

    private static final long serialVersionUID = 1L;
    private static final int SUGGESTIONS = 20;

    @Inject
    Instance<Accounts> accounts;

    @Inject
    Instance<Ledger> ledger;

    @Inject
    Instance<Drafts> drafts;

    @Inject
    Instance<Analytics> analytics;

    @Inject
    Instance<WorkCentres> workCentres;

    /** A posting account as the account field suggests it. */
    public record Suggestion(String code, String name) implements Serializable {
        public String label() {
            return code + " " + name;
        }
    }

    /** A value of an analytic dimension the organisation has, as its picker lists it. */
    public record Choice(String code, String label) implements Serializable {
    }

    /** One share being edited in the analytic dialog. */
    public static class ShareRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String code;
        private BigDecimal percent;

        ShareRow(String code, BigDecimal percent) {
            this.code = code;
            this.percent = percent;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public BigDecimal getPercent() {
            return percent;
        }

        public void setPercent(BigDecimal percent) {
            this.percent = percent;
        }
    }

    /** The shares of one dimension being edited, with their running total. */
    public static class DimensionShares implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Dimension dimension;
        private final List<ShareRow> shares = new ArrayList<>();

        DimensionShares(Dimension dimension) {
            this.dimension = dimension;
        }

        public Dimension getDimension() {
            return dimension;
        }

        public List<ShareRow> getShares() {
            return shares;
        }

        /** The percentages of the chosen values, as the ledger will add them (a missing one counts 100). */
        public BigDecimal getTotal() {
            return shares.stream().filter(s -> s.code != null && !s.code.isBlank())
                    .map(s -> s.percent == null ? ONE_HUNDRED : s.percent).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public boolean isComplete() {
            BigDecimal total = getTotal();
            return total.signum() == 0 || total.compareTo(ONE_HUNDRED) == 0;
        }
    }

    /** A saved draft the form is editing. */
    public record OpenDraft(long id, int version, Instant updatedAt) implements Serializable {
    }

    private static final BigDecimal ONE_HUNDRED = BigDecimal.valueOf(100);

    private EntryDraft draft = blank();
    private List<Suggestion> postingAccounts = List.of();
    private BigDecimal debit = BigDecimal.ZERO;
    private BigDecimal credit = BigDecimal.ZERO;
    private BigDecimal difference = BigDecimal.ZERO;
    private Ledger.Posted posted;
    private Long requestedDraft;
    private OpenDraft openDraft;
    private Map<Dimension, List<Choice>> choices = Map.of();
    private Integer analyticRow;
    private List<DimensionShares> analyticEditor = List.of();

    /**
     * Opens the form, empty or with the draft named by {@code ?draft=}.
     *
     * @throws IOException
     *             if the 404 answer for a draft the organisation does not have cannot be sent
     */
    @KeepsBooks
    public void load() throws IOException {
        if (requestedDraft != null) {
            try {
                open(drafts.get().find(requestedDraft));
            } catch (NotFoundException another) {
                // like another organisation's page (DESIGN rule 8): the id does not reveal whether it exists elsewhere
                ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
                external.responseSendError(404, null);
                FacesContext.getCurrentInstance().responseComplete();
                return;
            }
        }
        readRoles();
        postingAccounts = accounts.get().all().stream().filter(a -> a.getKind() == AccountKind.POSTING)
                .map(a -> new Suggestion(a.getCode(), a.getName())).toList();
        Map<Dimension, List<Choice>> values = new EnumMap<>(Dimension.class);
        values.put(Dimension.PROJECT,
                analytics.get().projects().stream().map(p -> new Choice(p.code(), p.code() + " " + p.name())).toList());
        values.put(Dimension.GRANT,
                analytics.get().grants().stream().map(g -> new Choice(g.code(), g.code() + " " + g.name())).toList());
        values.put(Dimension.ACTIVITY, List.of(Activity.values()).stream()
                .map(a -> new Choice(a.name(), texts.get("activity." + a.name()))).toList());
        values.put(Dimension.WORK_CENTRE, workCentres.get().all().stream()
                .map(w -> new Choice(w.getCcc(), w.getName() + " (" + w.getCcc() + ")")).toList());
        choices = values;
        recompute();
    }

    private void open(Drafts.Draft saved) {
        draft = saved.entry();
        if (draft.getLines() == null) {
            draft.setLines(new ArrayList<>());
        }
        draft.getLines().replaceAll(line -> line == null ? new EntryLine() : line);
        while (draft.getLines().size() < 2) {
            draft.getLines().add(new EntryLine());
        }
        openDraft = new OpenDraft(saved.id(), saved.version(), saved.updatedAt());
    }

    /** The ajax listener of every amount: the totals and their difference, shown as the user types. */
    public void recompute() {
        debit = draft.getLines().stream().map(EntryLine::debitOrZero).reduce(BigDecimal.ZERO, BigDecimal::add);
        credit = draft.getLines().stream().map(EntryLine::creditOrZero).reduce(BigDecimal.ZERO, BigDecimal::add);
        difference = debit.subtract(credit);
    }

    public void addLine() {
        draft.getLines().add(new EntryLine());
    }

    public void removeLine(int index) {
        draft.getLines().remove(index);
        recompute();
    }

    /** Posting accounts whose code starts with the query or whose name contains it. */
    public List<String> completeAccount(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return postingAccounts.stream()
                .filter(a -> a.code().startsWith(q) || a.name().toLowerCase(Locale.ROOT).contains(q)).limit(SUGGESTIONS)
                .map(Suggestion::label).toList();
    }

    /** Opens the analytic dialog on a line: its shares by dimension, a single empty value where it has none. */
    public void editAnalytic(int row) {
        analyticRow = row;
        List<Share> shares = draft.getLines().get(row).getAnalytic();
        List<DimensionShares> editor = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            DimensionShares edited = new DimensionShares(dimension);
            if (shares != null) {
                shares.stream().filter(s -> s != null && dimensionOf(s) == dimension)
                        .forEach(s -> edited.shares.add(new ShareRow(pickerCode(s), s.getPercent())));
            }
            if (edited.shares.isEmpty()) {
                edited.shares.add(new ShareRow(null, ONE_HUNDRED));
            }
            editor.add(edited);
        }
        analyticEditor = editor;
    }

    /** Another value of the dimension, for a split. */
    public void addShare(DimensionShares dimension) {
        dimension.shares.add(new ShareRow(null, null));
    }

    public void removeShare(DimensionShares dimension, int index) {
        dimension.shares.remove(index);
        if (dimension.shares.isEmpty()) {
            dimension.shares.add(new ShareRow(null, ONE_HUNDRED));
        }
    }

    /**
     * Puts the dialog's chosen values on the line. They are checked with the rest of the entry when it is posted, so a
     * split that does not total 100 % is refused next to the line, with the ledger's message.
     */
    public void applyAnalytic() {
        EntryLine line = draft.getLines().get(analyticRow);
        List<Share> shares = new ArrayList<>();
        if (line.getAnalytic() != null) {
            // what the dialog cannot show stays for posting to name
            line.getAnalytic().stream().filter(s -> s == null || dimensionOf(s) == null).forEach(shares::add);
        }
        for (DimensionShares edited : analyticEditor) {
            edited.shares.stream().filter(s -> s.code != null && !s.code.isBlank())
                    .forEach(s -> shares.add(new Share(edited.dimension, s.code, s.percent)));
        }
        line.setAnalytic(shares);
        analyticRow = null;
    }

    /** Saves the form as a new draft, or as the next version of the draft it is editing. */
    @KeepsBooks
    public void saveDraft() {
        Drafts.Draft saved = openDraft == null ? drafts.get().create(draft)
                : drafts.get().update(openDraft.id(), openDraft.version(), draft);
        openDraft = new OpenDraft(saved.id(), saved.version(), saved.updatedAt());
        posted = null;
        texts.inform("entryForm.draftSaved", String.valueOf(saved.id()));
    }

    @KeepsBooks
    public void post() {
        Ledger.SoftLockOverride override = softLockOverride();
        if (openDraft == null) {
            posted = ledger.get().post(draft, override);
        } else {
            // the draft as shown, then posted and removed as the API posts it; a refusal rolls both back
            Drafts control = drafts.get();
            control.update(openDraft.id(), openDraft.version(), draft);
            posted = control.post(openDraft.id(), override);
            openDraft = null;
        }
        LocalDate date = draft.getDate();
        String journal = draft.getJournal();
        draft = blank();
        draft.setDate(date);
        draft.setJournal(journal);
        forgetOverride();
        recompute();
        texts.inform("entryForm.posted", posted.number(), String.valueOf(posted.fiscalYear()));
    }

    private static Dimension dimensionOf(Share share) {
        try {
            return share.dimension();
        } catch (InvalidEntryException unknown) {
            // a draft saved through the API may hold anything; posting will name it
            return null;
        }
    }

    /**
     * The code as the pickers list it, so that a draft saved through the API with "p-1" or a CCC with separators shows
     * its value, instead of none that applying would drop.
     */
    private static String pickerCode(Share share) {
        if (share.getCode() == null || share.getCode().isBlank()) {
            return null;
        }
        try {
            return share.canonicalCode();
        } catch (InvalidEntryException unknown) {
            return share.getCode();
        }
    }

    private static EntryDraft blank() {
        EntryDraft blank = new EntryDraft();
        blank.setDate(LocalDate.now());
        blank.setJournal(Journal.GENERAL.name());
        blank.setLines(new ArrayList<>(List.of(new EntryLine(), new EntryLine())));
        return blank;
    }

    public List<Journal> getJournals() {
        return List.of(Journal.values());
    }

    public EntryDraft getDraft() {
        return draft;
    }

    public BigDecimal getDebit() {
        return debit;
    }

    public BigDecimal getCredit() {
        return credit;
    }

    public BigDecimal getDifference() {
        return difference;
    }

    public boolean isBalanced() {
        return difference.signum() == 0;
    }

    public Ledger.Posted getPosted() {
        return posted;
    }

    public Long getRequestedDraft() {
        return requestedDraft;
    }

    public void setRequestedDraft(Long requestedDraft) {
        this.requestedDraft = requestedDraft;
    }

    public OpenDraft getOpenDraft() {
        return openDraft;
    }

    public Map<Dimension, List<Choice>> getChoices() {
        return choices;
    }

    public Integer getAnalyticRow() {
        return analyticRow;
    }

    public List<DimensionShares> getAnalyticEditor() {
        return analyticEditor;
    }
}
