package coop.intercoop.hub.accounting.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.accounting.control.Drafts;
import coop.intercoop.hub.accounting.control.Ledger;
import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.EntryDraft.EntryLine;
import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The organisation's draft entries ({@code /org/accounting/drafts.xhtml}) with their lines. Those who keep the books
 * open a draft in the entry form, post it (every check of the ledger; the draft is removed) or discard it; auditors
 * read them. The roles are the API's ({@link DraftsResource}).
 */
@Named
@ViewScoped
public class DraftsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @Inject
    Instance<Drafts> drafts;

    @Inject
    Texts texts;

    /** A draft as listed: it may still be unbalanced, so both sides are shown. */
    public record Row(Drafts.Draft draft, BigDecimal debit, BigDecimal credit) {
        static Row of(Drafts.Draft draft) {
            return new Row(draft, sum(draft.entry(), EntryLine::debitOrZero),
                    sum(draft.entry(), EntryLine::creditOrZero));
        }

        private static BigDecimal sum(EntryDraft entry, Function<EntryLine, BigDecimal> side) {
            return entry.getLines() == null ? BigDecimal.ZERO
                    : entry.getLines().stream().filter(Objects::nonNull).map(side).reduce(BigDecimal.ZERO,
                            BigDecimal::add);
        }

        public EntryDraft entry() {
            return draft.entry();
        }
    }

    private List<Row> rows = List.of();
    private boolean readable;
    private boolean editable;
    private Ledger.Posted posted;

    @ReadsBooks
    public void load() {
        readable = true;
        editable = tenant.may(KeepsBooks.class);
        read();
    }

    @KeepsBooks
    public void post(long id) {
        posted = drafts.get().post(id, Ledger.SoftLockOverride.NONE);
        texts.inform("entryForm.posted", posted.number(), String.valueOf(posted.fiscalYear()));
        read();
    }

    @KeepsBooks
    public void discard(long id) {
        drafts.get().discard(id);
        texts.inform("drafts.discarded", String.valueOf(id));
        read();
    }

    private void read() {
        rows = drafts.get().all().stream().map(Row::of).toList();
    }

    public List<Row> getRows() {
        return rows;
    }

    public boolean isReadable() {
        return readable;
    }

    public boolean isEditable() {
        return editable;
    }

    public Ledger.Posted getPosted() {
        return posted;
    }
}
