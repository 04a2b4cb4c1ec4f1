package coop.intercoop.hub.accounting.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.Refusals;
import coop.intercoop.hub.tenancy.entity.ContributionAccountCode;
import coop.intercoop.hub.tenancy.entity.TaxId;

/**
 * A journal entry as it is written before posting: by a person in the portal or through the API, by an import, by
 * another component (payroll), by a reversal or by year-end closing. Everything that can be checked without the
 * organisation's books is checked by {@link #check()}; the ledger checks the rest (accounts, periods, locks) when it
 * posts. Also the body of the API's entry and draft requests, hence a class with accessors rather than a record.
 */
public class EntryDraft {

    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_DOCUMENT = 100;
    public static final int MAX_LINES = 10_000;
    public static final int MAX_TEXT = 300;
    /** Amounts above this are refused, so that sums of millions of them still fit DECIMAL(19,2). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private LocalDate date;
    private String journal;
    private String description;
    private String document;
    private List<EntryLine> lines = new ArrayList<>();

    public EntryDraft() {
    }

    public EntryDraft(LocalDate date, Journal journal, String description, String document, List<EntryLine> lines) {
        this.date = date;
        this.journal = journal.name();
        this.description = description;
        this.document = document;
        this.lines = new ArrayList<>(lines);
    }

    /** The entry's own content, without what a subclass (a request body) adds. */
    public EntryDraft content() {
        EntryDraft copy = new EntryDraft();
        copy.date = date;
        copy.journal = journal;
        copy.description = description;
        copy.document = document;
        copy.lines = lines;
        return copy;
    }

    /**
     * Checks the entry on its own: date, journal, description, at least two lines, each line either a debit or a credit
     * with at most two decimals, valid third-party tax ids, analytic shares totalling 100 % per dimension, and debit =
     * credit. The rules that need the organisation's books are {@code accounting.control.PostingRules}.
     *
     * @throws InvalidEntryException
     *             naming the first problem and the field it is in, and carrying the others ({@link HubException#all()})
     */
    public void check() {
        Refusals refusals = new Refusals();
        check("", refusals);
        refusals.throwIfAny();
    }

    /**
     * Collects every refusal of the entry on its own, its fields prefixed with {@code at} (such as {@code entries[2].}
     * when several entries are posted together).
     */
    public void check(String at, Refusals refusals) {
        if (date == null) {
            refusals.add(new InvalidEntryException(at + "date", "entry.date.missing"));
        }
        if (journal == null) {
            refusals.add(new InvalidEntryException(at + "journal", "entry.journal.missing"));
        } else {
            refusals.attempt(() -> Journal.of(journal));
        }
        if (description == null || description.isBlank()) {
            refusals.add(new InvalidEntryException(at + "description", "entry.description.missing"));
        } else if (description.strip().length() > MAX_DESCRIPTION) {
            refusals.add(new InvalidEntryException(at + "description", "entry.description.long",
                    description.strip().length(), MAX_DESCRIPTION));
        }
        if (document != null && document.strip().length() > MAX_DOCUMENT) {
            refusals.add(new InvalidEntryException(at + "document", "entry.document.long", document.strip().length(),
                    MAX_DOCUMENT));
        }
        int count = lines == null ? 0 : lines.size();
        int before = refusals.count();
        checkLineCount(at, count, refusals);
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            EntryLine line = lines.get(i);
            if (line == null) {
                refusals.add(new InvalidEntryException(at + "lines[" + i + "]", "line.empty", i + 1));
                continue;
            }
            line.check(at, i, refusals);
            debit = debit.add(line.debitOrZero());
            credit = credit.add(line.creditOrZero());
        }
        if (refusals.count() == before) {
            // the balance of lines that are wrong themselves would only repeat their problem
            checkBalance(at, debit, credit, refusals);
        }
    }

    /** An entry has 2 to {@value #MAX_LINES} lines. */
    public static void checkLineCount(String at, int count, Refusals refusals) {
        if (count < 2) {
            refusals.add(new InvalidEntryException(at + "lines", "entry.lines.few", count));
        } else if (count > MAX_LINES) {
            refusals.add(new InvalidEntryException(at + "lines", "entry.lines.many", MAX_LINES, count));
        }
    }

    /** Debit = credit, to the cent. */
    public static void checkBalance(String at, BigDecimal debit, BigDecimal credit, Refusals refusals) {
        if (debit.compareTo(credit) != 0) {
            refusals.add(new UnbalancedEntryException(at + "lines", debit, credit));
        }
    }

    /** Total debit = total credit of a checked entry. */
    public BigDecimal total() {
        BigDecimal total = BigDecimal.ZERO;
        for (EntryLine line : lines) {
            total = total.add(line.debitOrZero());
        }
        return total;
    }

    public Journal journal() {
        if (journal == null) {
            throw new InvalidEntryException("journal", "entry.journal.missing");
        }
        return Journal.of(journal);
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getJournal() {
        return journal;
    }

    public void setJournal(String journal) {
        this.journal = journal;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getDocument() {
        return document;
    }

    public void setDocument(String document) {
        this.document = document;
    }

    public List<EntryLine> getLines() {
        return lines;
    }

    public void setLines(List<EntryLine> lines) {
        this.lines = lines;
    }

    /** Debit and credit differ; the message states both totals and the difference. */
    public static class UnbalancedEntryException extends InvalidEntryException {
        private static final long serialVersionUID = 1L;

        public UnbalancedEntryException(BigDecimal debit, BigDecimal credit) {
            this("lines", debit, credit);
        }

        public UnbalancedEntryException(String field, BigDecimal debit, BigDecimal credit) {
            super(field, debit.compareTo(credit) > 0 ? "entry.unbalanced.debit" : "entry.unbalanced.credit",
                    cents(debit), cents(credit), cents(debit.subtract(credit).abs()));
        }

        /** Totals of checked lines have at most two decimals; shown with both, as amounts are. */
        private static BigDecimal cents(BigDecimal amount) {
            return amount.setScale(2);
        }
    }

    /** One line of an entry: an account, a debit or a credit, and optionally text, third party and analytic shares. */
    public static class EntryLine {

        private String account;
        private BigDecimal debit;
        private BigDecimal credit;
        private String text;
        private String thirdPartyNif;
        private List<Share> analytic = new ArrayList<>();

        public EntryLine() {
        }

        public EntryLine(String account, BigDecimal debit, BigDecimal credit, String text) {
            this.account = account;
            this.debit = debit;
            this.credit = credit;
            this.text = text;
        }

        /**
         * Collects every refusal of the line on its own: an account, either a debit or a credit, each amount positive
         * with at most two decimals and at most {@link #MAX_AMOUNT}, a text of at most {@value #MAX_TEXT} characters, a
         * valid third-party tax id, and analytic shares ({@link #checkShares}).
         *
         * @param at
         *            the prefix of the entry's fields, such as {@code entries[2].}, or empty
         * @param index
         *            the line's index in the entry, from 0; its refusals concern {@code lines[index]} and name it by
         *            its number, from 1
         */
        public void check(String at, int index, Refusals refusals) {
            int line = index + 1;
            if (account == null || account.isBlank()) {
                refusals.add(new InvalidEntryException(field(at, index, ".account"), "line.account.missing", line));
            }
            boolean hasDebit = debit != null && debit.signum() != 0;
            boolean hasCredit = credit != null && credit.signum() != 0;
            if (hasDebit == hasCredit) {
                refusals.add(new InvalidEntryException(field(at, index, ".debit"),
                        hasDebit ? "line.amount.both" : "line.amount.neither", line));
            }
            if (hasDebit) {
                checkAmount(debit, at, index, ".debit", refusals);
            }
            if (hasCredit) {
                checkAmount(credit, at, index, ".credit", refusals);
            }
            if (text != null && text.strip().length() > MAX_TEXT) {
                refusals.add(new InvalidEntryException(field(at, index, ".text"), "line.text.long", line,
                        text.strip().length(), MAX_TEXT));
            }
            if (thirdPartyNif != null && !thirdPartyNif.isBlank() && TaxId.check(thirdPartyNif).isPresent()) {
                refusals.add(new InvalidEntryException(field(at, index, ".thirdPartyNif"), "line.taxId.invalid", line,
                        thirdPartyNif));
            }
            checkShares(at, index, refusals);
        }

        /**
         * The field of a line's part in a refusal, such as {@code lines[2].debit}: written only for a refusal, as an
         * import checks a million lines.
         */
        public static String field(String at, int index, String part) {
            return at + "lines[" + index + "]" + part;
        }

        private static void checkAmount(BigDecimal amount, String at, int index, String side, Refusals refusals) {
            if (amount.signum() < 0) {
                refusals.add(
                        new InvalidEntryException(field(at, index, side), "line.amount.negative", index + 1, amount));
            } else if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
                refusals.add(new InvalidEntryException(field(at, index, side), "line.amount.cents", index + 1, amount));
            } else if (amount.compareTo(MAX_AMOUNT) > 0) {
                refusals.add(new InvalidEntryException(field(at, index, side), "line.amount.large", index + 1, amount,
                        MAX_AMOUNT));
            }
        }

        /**
         * Each share names a dimension and a code, once per line; its percentage is more than 0 and at most 100, with
         * at most four decimals; the shares of a dimension total 100 %.
         */
        private void checkShares(String entryAt, int index, Refusals refusals) {
            if (analytic == null || analytic.isEmpty()) {
                return;
            }
            int line = index + 1;
            String at = field(entryAt, index, "");
            int before = refusals.count();
            Map<Dimension, BigDecimal> totals = new EnumMap<>(Dimension.class);
            Set<String> seen = new HashSet<>();
            for (int s = 0; s < analytic.size(); s++) {
                Share share = analytic.get(s);
                String field = at + ".analytic[" + s + "]";
                if (share == null) {
                    refusals.add(new InvalidEntryException(field, "share.empty", line, s + 1));
                    continue;
                }
                Dimension dimension;
                try {
                    dimension = Dimension.of(share.dimension, field + ".dimension");
                } catch (InvalidEntryException unknown) {
                    refusals.add(unknown);
                    continue;
                }
                if (share.code == null || share.code.isBlank()) {
                    refusals.add(
                            new InvalidEntryException(field + ".code", "share.code.missing", line, dimension.term()));
                    continue;
                }
                if (dimension == Dimension.ACTIVITY
                        && !refusals.attempt(() -> Activity.of(share.code, field + ".code"))) {
                    continue;
                }
                if (!seen.add(dimension + "\n" + share.canonicalCode())) {
                    refusals.add(new InvalidEntryException(field + ".code", "share.code.twice", line, dimension.term(),
                            share.code.strip()));
                }
                BigDecimal percent = share.percentOrAll();
                if (percent.signum() <= 0 || percent.compareTo(Share.ALL) > 0
                        || percent.stripTrailingZeros().scale() > 4) {
                    refusals.add(new InvalidEntryException(field + ".percent", "share.percent", line, dimension.term(),
                            share.code.strip(), percent));
                }
                totals.merge(dimension, percent, BigDecimal::add);
            }
            if (refusals.count() == before) {
                totals.forEach((dimension, total) -> {
                    if (total.compareTo(Share.ALL) != 0) {
                        refusals.add(new InvalidEntryException(at + ".analytic", "share.total", line, dimension.term(),
                                total.stripTrailingZeros()));
                    }
                });
            }
        }

        public BigDecimal debitOrZero() {
            return debit == null ? BigDecimal.ZERO : debit;
        }

        public BigDecimal creditOrZero() {
            return credit == null ? BigDecimal.ZERO : credit;
        }

        public String getAccount() {
            return account;
        }

        public void setAccount(String account) {
            this.account = account;
        }

        public BigDecimal getDebit() {
            return debit;
        }

        public void setDebit(BigDecimal debit) {
            this.debit = debit;
        }

        public BigDecimal getCredit() {
            return credit;
        }

        public void setCredit(BigDecimal credit) {
            this.credit = credit;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public String getThirdPartyNif() {
            return thirdPartyNif;
        }

        public void setThirdPartyNif(String thirdPartyNif) {
            this.thirdPartyNif = thirdPartyNif;
        }

        public List<Share> getAnalytic() {
            return analytic;
        }

        public void setAnalytic(List<Share> analytic) {
            this.analytic = analytic;
        }
    }

    /**
     * A line's share of one value of an analytic dimension: a project or grant code, OWN or COMMERCIAL for the
     * activity, a work centre's CCC. The percentage may be left out when the value takes the whole line.
     */
    public static class Share {

        static final BigDecimal ALL = BigDecimal.valueOf(100);

        private String dimension;
        private String code;
        private BigDecimal percent;

        public Share() {
        }

        public Share(Dimension dimension, String code, BigDecimal percent) {
            this.dimension = dimension.name();
            this.code = code;
            this.percent = percent;
        }

        public BigDecimal percentOrAll() {
            return percent == null ? ALL : percent;
        }

        /**
         * The code as the organisation's books keep it: project and grant codes in upper case, the activity's English
         * name, a work centre's CCC without separators.
         */
        public String canonicalCode() {
            String stripped = code.strip();
            return switch (dimension()) {
                case PROJECT, GRANT -> stripped.toUpperCase(java.util.Locale.ROOT);
                case ACTIVITY -> Activity.of(stripped, "code").name();
                case WORK_CENTRE -> ContributionAccountCode.normalise(stripped);
            };
        }

        public Dimension dimension() {
            return Dimension.of(dimension, "dimension");
        }

        public String getDimension() {
            return dimension;
        }

        public void setDimension(String dimension) {
            this.dimension = dimension;
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
}
