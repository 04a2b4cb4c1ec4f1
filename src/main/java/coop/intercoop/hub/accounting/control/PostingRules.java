package coop.intercoop.hub.accounting.control;

import java.time.LocalDate;
import java.util.List;

import coop.intercoop.hub.accounting.entity.Dimension;
import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.EntryDraft.EntryLine;
import coop.intercoop.hub.accounting.entity.EntryDraft.Share;
import coop.intercoop.hub.accounting.entity.InvalidEntryException;
import coop.intercoop.hub.accounting.entity.LockDates;
import coop.intercoop.hub.platform.Refusals;

/**
 * The rules an entry meets to be posted into an organisation's books, stated once for every path into the ledger: the
 * API, the portal, reversals, year-end closing, other components and imports. The entry's own rules (amounts, sides,
 * cents, lines, analytic splits, balance) are {@link EntryDraft}'s; these add what the books decide:
 * <ul>
 * <li>a date lies in one of the organisation's fiscal years, which is neither closed nor legalised,</li>
 * <li>after the hard lock, and after the soft lock unless the posting overrides it,</li>
 * <li>each line's account is in the chart and takes postings (not a heading),</li>
 * <li>each analytic code is one of the organisation's projects, grants or work centres.</li>
 * </ul>
 * Every refusal is collected ({@link Refusals}), keyed, with its field and arguments. The rules read the books through
 * a {@link BooksView}: the ledger's locking reads when it posts, an import's snapshot while it checks rows.
 */
public final class PostingRules {

    private final BooksView books;
    private final boolean softLockOverride;
    private boolean overridden;

    /**
     * @param softLockOverride
     *            whether the posting asks to override the soft lock (an accountant's explicit, audited decision)
     */
    public PostingRules(BooksView books, boolean softLockOverride) {
        this.books = books;
        this.softLockOverride = softLockOverride;
    }

    /** Whether a date checked so far lies on or before the soft lock and the override let it through. */
    public boolean overridden() {
        return overridden;
    }

    /**
     * Collects every refusal of the entry: its own rules, and, once it is right on its own, the books' rules.
     *
     * @param at
     *            the prefix of the entry's fields, such as {@code entries[2].}, or empty
     */
    public void check(EntryDraft draft, String at, Refusals refusals) {
        int before = refusals.count();
        draft.check(at, refusals);
        if (refusals.count() == before) {
            checkAgainstBooks(draft, at, refusals);
        }
    }

    /** Collects the books' refusals of an entry that is right on its own ({@link EntryDraft#check}). */
    public void checkAgainstBooks(EntryDraft draft, String at, Refusals refusals) {
        checkDate(draft.getDate(), at, refusals);
        List<EntryLine> lines = draft.getLines();
        for (int i = 0; i < lines.size(); i++) {
            checkAgainstBooks(lines.get(i), at, i, refusals);
        }
    }

    /**
     * A date takes postings when a fiscal year of the organisation contains it, the date is after the hard lock and
     * (without an override) after the soft lock, and the year is neither closed nor legalised.
     */
    public void checkDate(LocalDate date, String at, Refusals refusals) {
        BooksView.Year year = books.yearOf(date);
        if (year == null) {
            refusals.add(new FiscalYears.DateOutsideFiscalYearsException(at + "date", date));
            return;
        }
        LockDates locks = books.locks();
        if (locks.isHardLocked(date)) {
            refusals.add(new Ledger.DateLockedException(at + "date", date, locks.getHardLock()));
        } else if (locks.isSoftLocked(date)) {
            if (softLockOverride) {
                overridden = true;
            } else {
                refusals.add(new Ledger.SoftLockedException(at + "date", date, locks.getSoftLock()));
            }
        }
        if (year.closed()) {
            refusals.add(new Ledger.FiscalYearClosedException(at + "date", date, year.year()));
        } else if (year.legalised()) {
            refusals.add(new Ledger.FiscalYearLegalisedException(at + "date", year.year(), date));
        }
    }

    /**
     * A line posts to an account of the chart that takes postings, and its analytic shares name codes the organisation
     * has. A line without an account, or a share that is wrong on its own, is left to {@link EntryLine#check}.
     *
     * @param at
     *            the prefix of the entry's fields, such as {@code entries[2].}, or empty
     * @param index
     *            the line's index in the entry, from 0
     */
    public void checkAgainstBooks(EntryLine line, String at, int index, Refusals refusals) {
        if (line == null) {
            return;
        }
        int number = index + 1;
        if (line.getAccount() != null && !line.getAccount().isBlank()) {
            String code = line.getAccount().strip();
            BooksView.ChartAccount account = books.account(code);
            if (account == null) {
                refusals.add(new InvalidEntryException(EntryLine.field(at, index, ".account"), "line.account.unknown",
                        number, code));
            } else if (!account.posting()) {
                refusals.add(new InvalidEntryException(EntryLine.field(at, index, ".account"), "line.account.heading",
                        number, code, account.name()));
            }
        }
        List<Share> shares = line.getAnalytic();
        for (int s = 0; shares != null && s < shares.size(); s++) {
            Share share = shares.get(s);
            Dimension dimension = dimensionOf(share);
            if (dimension == null || dimension == Dimension.ACTIVITY || share.getCode() == null
                    || share.getCode().isBlank()) {
                continue;
            }
            String code = share.canonicalCode();
            if (!books.hasAnalytic(dimension, code)) {
                refusals.add(new InvalidEntryException(EntryLine.field(at, index, ".analytic[" + s + "].code"),
                        "line.analytic.unknown", number, dimension.term(), code));
            }
        }
    }

    /** The share's dimension; {@code null} when the share names none (the line's own rules refuse that). */
    private static Dimension dimensionOf(Share share) {
        try {
            return share == null ? null : share.dimension();
        } catch (InvalidEntryException unknown) {
            return null;
        }
    }
}
