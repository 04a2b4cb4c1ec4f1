package coop.intercoop.hub.accounting.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.entity.Activity;
import coop.intercoop.hub.accounting.entity.Dimension;
import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.EntryDraft.EntryLine;
import coop.intercoop.hub.accounting.entity.EntryDraft.Share;
import coop.intercoop.hub.accounting.entity.InvalidEntryException;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.platform.jobs.JobTransactions;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.Refusals;
import coop.intercoop.hub.spreadsheet.control.ImportReport;
import coop.intercoop.hub.spreadsheet.control.ImportRow;
import coop.intercoop.hub.spreadsheet.control.Importer;
import coop.intercoop.hub.tenancy.control.CallerOrganisations;
import coop.intercoop.hub.tenancy.control.OrganisationAccess;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.WorkCentres;
import coop.intercoop.hub.tenancy.entity.Role;
import coop.intercoop.hub.tenancy.entity.TaxId;

/**
 * Imports journal lines that form entries: rows with the same organisation and entry key are one entry, wherever they
 * are in the sheet. Every row is checked against the books of its organisation (accounts, periods, locks, analytic
 * codes — all scoped to that organisation) and each entry totalled, so an unbalanced entry or one of a single line is
 * reported on its first row with the figures. Complete entries go to the {@link Ledger} in batches per organisation —
 * the ledger's own checks, numbering, hash chain and maintained balances apply to every imported entry as to any other.
 * <p>
 * When each entry's lines stand together, as they usually do, the run streams: an entry is judged and made ready as
 * soon as a row of another entry follows it, while the rows after it are still being read. A key that comes back after
 * other entries stops the streaming, and the job runs in two passes: the first checks and totals every entry, the
 * second gathers each entry's lines wherever they are.
 */
abstract class EntryImport implements Importer {

    static final String TEXTS = "coop.intercoop.hub.accounting.control.imports";
    private static final int BATCH = 5_000;
    private static final Set<Role> KEEP = Set.of(Role.ORG_ADMIN, Role.ACCOUNTANT);

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    WorkCentres workCentres;

    @Inject
    JobTransactions transactions;

    @Inject
    OrganisationAccess access;

    @Inject
    CallerOrganisations callerOrganisations;

    @Inject
    Tenant tenant;

    @Inject
    Ledger ledger;

    /** The entry a row belongs to, as the row says it: organisation, key, date, journal, description, document. */
    record Head(long org, String key, LocalDate date, Journal journal, String description, String document) {
    }

    /** Reads the entry's part of a row (reporting its problems); {@code null} when it is unusable. */
    abstract Head head(ImportRow row, Run run);

    @Override
    public String texts() {
        return TEXTS;
    }

    @Override
    public Set<Role> roles() {
        return KEEP;
    }

    @Override
    public boolean streams() {
        return true;
    }

    @Override
    public Importer.Run start(ImportReport report) {
        return new Run(report);
    }

    /** An entry's totals while the rows are checked, amounts in cents. */
    private static final class Totals {
        final long org;
        final String sheet;
        final int firstRow;
        final LocalDate date;
        final Journal journal;
        int lines;
        long debit;
        long credit;
        boolean failed;

        Totals(long org, String sheet, int firstRow, LocalDate date, Journal journal) {
            this.org = org;
            this.sheet = sheet;
            this.firstRow = firstRow;
            this.date = date;
            this.journal = journal;
        }
    }

    /** An entry whose lines are being gathered for writing. */
    private static final class Gathering {
        final String key;
        final Head head;
        final List<EntryLine> lines = new ArrayList<>();
        final List<Integer> rows = new ArrayList<>();

        Gathering(String key, Head head) {
            this.key = key;
            this.head = head;
        }
    }

    /** A checked row: the key of its entry (organisation and entry key), its entry's part and its line. */
    private record Checked(String key, Head head, EntryLine line) {
    }

    final class Run implements Importer.Run, Importer.Streaming {
        final ImportReport report;
        private final Map<Long, PostingRules> rules = new HashMap<>();
        private Map<String, CallerOrganisations.Member> byTaxId;
        private final Map<String, Totals> entries = new HashMap<>();
        private final Map<String, Gathering> gathering = new HashMap<>();
        private final Map<Long, List<EntryDraft>> ready = new TreeMap<>();
        /** The lines submitted for writing, by organisation. */
        private final Map<Long, Long> written = new TreeMap<>();
        /** While streaming: the entry whose lines are coming, and the keys of the entries already complete. */
        private Gathering open;
        private final KeyFingerprints done = new KeyFingerprints();

        private final long jobOrganisation;
        /** The amount columns as the report names them ({@code G (Debe), H (Haber)}), read from the first row. */
        private String amountColumns;

        Run(ImportReport report) {
            this.report = report;
            this.jobOrganisation = tenant.id();
        }

        /** The caller's organisation a cell names by tax id or hub id; {@code null} (reported) if none. */
        Long organisation(ImportRow row, String column, String named) {
            String normalised = named.strip().matches("[0-9]+") ? named.strip() : TaxId.normalise(named);
            CallerOrganisations.Member member = memberships().get(normalised);
            if (member == null) {
                row.error(column, "organisation.unknown", named);
                return null;
            }
            if (member.roles().stream().noneMatch(KEEP::contains)) {
                row.error(column, "organisation.role", named);
                return null;
            }
            return member.orgId();
        }

        /** The caller's organisations by tax id and by hub id, read once per run. */
        private Map<String, CallerOrganisations.Member> memberships() {
            if (byTaxId == null) {
                byTaxId = new HashMap<>();
                for (CallerOrganisations.Member m : callerOrganisations.all()) {
                    byTaxId.put(m.taxId(), m);
                    byTaxId.put(String.valueOf(m.orgId()), m);
                }
            }
            return byTaxId;
        }

        /**
         * The job's own organisation (checked when the job started), kept: while entries are written, the tenant is the
         * organisation whose entries were posted last.
         */
        long jobOrganisation() {
            return jobOrganisation;
        }

        /**
         * The posting rules over the organisation's books, read once per run ({@link BookSnapshot}), in a transaction
         * of their own: when streaming they are read on the checking thread, outside the job's transaction, where the
         * work centres' read through JPA would leave an entity manager for the end of the thread and then of the job to
         * close, the second time failing ("Attempting to execute an operation on a closed EntityManager").
         */
        PostingRules rules(long org) {
            return rules.computeIfAbsent(org, o -> {
                BookSnapshot[] books = new BookSnapshot[1];
                transactions.inNew(() -> books[0] = BookSnapshot.of(dataSource, workCentres, o));
                return new PostingRules(books[0], false);
            });
        }

        @Override
        public void check(ImportRow row) {
            checkRow(row);
        }

        /** Checks the row and counts it in its entry's totals; {@code null} when it names no entry. */
        private Checked checkRow(ImportRow row) {
            Head head = head(row, this);
            EntryLine line = line(row);
            if (head == null) {
                return null;
            }
            String key = head.org() + "\u0000" + head.key();
            Totals totals = entries.get(key);
            if (totals == null) {
                totals = new Totals(head.org(), row.sheet(), row.number(), head.date(), head.journal());
                if (amountColumns == null) {
                    amountColumns = row.column("debit") + ", " + row.column("credit");
                }
                entries.put(key, totals);
            } else {
                if (head.date() != null && totals.date != null && !head.date().equals(totals.date)) {
                    row.error("date", "entry.date-differs", head.key(), totals.date, totals.firstRow);
                }
                if (head.journal() != null && totals.journal != null && head.journal() != totals.journal) {
                    row.error("journal", "entry.journal-differs", head.key(), totals.journal, totals.firstRow);
                }
            }
            checkLine(row, head, line, totals.lines, rules(head.org()));
            totals.lines++;
            totals.debit += cents(line.getDebit());
            totals.credit += cents(line.getCredit());
            totals.failed |= row.failed();
            return new Checked(key, head, line);
        }

        @Override
        public void checked() {
            entries.forEach(this::judge);
        }

        /**
         * Reports an entry of fewer than two lines (or too many), or unbalanced although its lines are right, on its
         * first row, naming its sheet (and, for the balance, the amount columns), as the ledger would refuse it;
         * answers whether the entry can be written.
         */
        private boolean judge(String key, Totals t) {
            Refusals refusals = new Refusals();
            EntryDraft.checkLineCount("", t.lines, refusals);
            if (refusals.isEmpty() && !t.failed) {
                EntryDraft.checkBalance("", amount(t.debit), amount(t.credit), refusals);
            }
            for (HubException refusal : refusals.all()) {
                report.errorText(t.sheet, t.firstRow,
                        refusal.key().startsWith("entry.unbalanced") ? amountColumns : null,
                        refusal.message(report.language()));
                t.failed = true;
            }
            return !t.failed;
        }

        @Override
        public Set<Long> organisations() {
            Set<Long> orgs = new TreeSet<>();
            entries.values().stream().filter(t -> !t.failed).forEach(t -> orgs.add(t.org));
            return orgs;
        }

        /** The lines written by organisation; read on the job's thread once the checking thread has ended. */
        @Override
        public Map<Long, Long> written() {
            return Map.copyOf(written);
        }

        @Override
        public void prepareWrite() {
            Set<Long> orgs = new TreeSet<>();
            entries.values().stream().filter(t -> !t.failed).forEach(t -> orgs.add(t.org));
            for (long org : orgs) {
                access.enter(org);
                ledger.lockBooks();
            }
            access.enter(jobOrganisation);
        }

        @Override
        public void write(ImportRow row) {
            Head head = head(row, this);
            String key = head.org() + "\u0000" + head.key();
            Totals totals = entries.get(key);
            if (totals.failed) {
                report.skipped(1);
                return;
            }
            Gathering entry = gathering.computeIfAbsent(key, k -> new Gathering(k, head));
            entry.lines.add(line(row));
            if (entry.lines.size() == totals.lines) {
                gathering.remove(key);
                ready(entry, DIRECTLY);
            }
        }

        @Override
        public void finish() {
            if (!gathering.isEmpty()) {
                throw new IllegalStateException(
                        gathering.size() + " entries were not complete at the end of the sheet");
            }
            submitReady(DIRECTLY);
        }

        /**
         * Streams when each entry's lines stand together, as they usually do: the caller's organisations are read here,
         * on the job's thread, because the rows are then checked on another.
         */
        @Override
        public Importer.Streaming streaming() {
            memberships();
            return this;
        }

        @Override
        public void check(ImportRow row, Importer.Writes writes) {
            Checked checked = checkRow(row);
            if (checked == null) {
                return;
            }
            if (open == null || !open.key.equals(checked.key())) {
                close(writes);
                if (!done.add(checked.key())) {
                    throw new Importer.OutOfOrder("the lines of entry " + checked.head().key() + " are not together "
                            + "(row " + row.number() + ")");
                }
                open = new Gathering(checked.key(), checked.head());
            }
            if (!row.failed()) {
                open.lines.add(checked.line());
            }
            open.rows.add(row.number());
        }

        @Override
        public void end(Importer.Writes writes) {
            close(writes);
            if (!writes.wanted()) {
                ready.clear();
            }
            submitReady(writes);
        }

        /** Judges the entry whose lines have all come, and makes it ready to write or counts its rows as skipped. */
        private void close(Importer.Writes writes) {
            if (open == null) {
                return;
            }
            if (judge(open.key, entries.remove(open.key))) {
                if (writes.wanted()) {
                    ready(open, writes);
                }
            } else {
                report.skipped(open.rows.stream().filter(r -> !report.hasFailed(r)).count());
            }
            open = null;
        }

        /** Adds a complete entry to its organisation's batch, and submits the batch once full. */
        private void ready(Gathering entry, Importer.Writes writes) {
            long org = entry.head.org();
            List<EntryDraft> batch = ready.computeIfAbsent(org, o -> new ArrayList<>());
            Head first = entry.head;
            batch.add(
                    new EntryDraft(first.date(), first.journal(), first.description(), first.document(), entry.lines));
            if (batch.size() >= BATCH) {
                submit(org, ready.remove(org), writes);
            }
        }

        /** Submits what is ready, organisation by organisation, and then enters the job's own organisation again. */
        private void submitReady(Importer.Writes writes) {
            ready.forEach((org, batch) -> submit(org, batch, writes));
            ready.clear();
            writes.submit(0, () -> access.enter(jobOrganisation));
        }

        private void submit(long org, List<EntryDraft> batch, Importer.Writes writes) {
            long lines = batch.stream().mapToLong(d -> d.getLines().size()).sum();
            written.merge(org, lines, Long::sum);
            writes.submit(lines, () -> {
                access.enter(org);
                ledger.post(batch, Ledger.SoftLockOverride.NONE);
            });
        }
    }

    /** The two passes' writing: each write is carried out at once. */
    private static final Importer.Writes DIRECTLY = new Importer.Writes() {
        @Override
        public boolean wanted() {
            return true;
        }

        @Override
        public void submit(long rows, Runnable write) {
            write.run();
        }
    };

    /** The line a row carries, as its cells say it. */
    private static EntryLine line(ImportRow row) {
        String account = row.requiredText("account", 12);
        BigDecimal debit = row.number("debit");
        BigDecimal credit = row.number("credit");
        String text = row.text("description", EntryDraft.MAX_DESCRIPTION);
        String nif = row.text("thirdPartyNif", 20);
        List<Share> shares = new ArrayList<>();
        share(row, Dimension.PROJECT, "project", shares);
        share(row, Dimension.GRANT, "grant", shares);
        share(row, Dimension.ACTIVITY, "activity", shares);
        share(row, Dimension.WORK_CENTRE, "workCentre", shares);
        EntryLine line = new EntryLine(account, zeroToNull(debit), zeroToNull(credit), text);
        line.setThirdPartyNif(nif);
        line.setAnalytic(shares.isEmpty() ? null : shares);
        return line;
    }

    /**
     * Checks the row's date and line by the posting rules, as the ledger will, and reports each refusal on the column
     * of the field it concerns, in the words the API and the portal use for it.
     *
     * @param index
     *            the line's index in its entry, from 0
     */
    private static void checkLine(ImportRow row, Head head, EntryLine line, int index, PostingRules rules) {
        // cells that did not read are reported already: a missing account, or an amount that is not a number
        boolean unreadable = row.failed();
        Refusals refusals = new Refusals();
        if (head.date() != null) {
            rules.checkDate(head.date(), "", refusals);
        }
        line.check("", index, refusals);
        rules.checkAgainstBooks(line, "", index, refusals);
        for (HubException refusal : refusals.all()) {
            if (refusal.key().equals("line.account.missing")
                    || unreadable && refusal.key().equals("line.amount.neither")) {
                continue;
            }
            row.error(column(refusal.field(), line), refusal);
        }
    }

    /** The column of a refused field: {@code lines[0].debit} is the debit's, a share's code that of its dimension. */
    private static String column(String field, EntryLine line) {
        int part = field.indexOf("].");
        if (part < 0) {
            return field;
        }
        String name = field.substring(part + 2);
        if (name.startsWith("analytic")) {
            int share = name.startsWith("analytic[") ? Integer.parseInt(name.substring(9, name.indexOf(']'))) : 0;
            return switch (line.getAnalytic().get(share).dimension()) {
                case PROJECT -> "project";
                case GRANT -> "grant";
                case ACTIVITY -> "activity";
                case WORK_CENTRE -> "workCentre";
            };
        }
        return name.equals("text") ? "description" : name;
    }

    private static void share(ImportRow row, Dimension dimension, String column, List<Share> shares) {
        String code = row.text(column, 20);
        if (code == null) {
            return;
        }
        if (dimension == Dimension.ACTIVITY) {
            Activity activity = activity(code);
            if (activity == null) {
                row.error(column, "analytic.unknown.activity", code,
                        String.join(", ", Arrays.stream(Activity.values()).map(a -> a.label(row.language())).toList()));
                return;
            }
            shares.add(new Share(dimension, activity.name(), null));
            return;
        }
        shares.add(new Share(dimension, code, null));
    }

    /** The activity a cell names by its code or by its label in Spanish or English; {@code null} if none. */
    private static Activity activity(String code) {
        try {
            return Activity.of(code, "activity");
        } catch (InvalidEntryException e) {
            return null;
        }
    }

    /**
     * A journal named by its code (BANK) or by the label the portal shows in Spanish or English (Bancos, Bank);
     * {@code null} (reported, listing the labels in the job's language) if none.
     */
    static Journal journal(ImportRow row, String name) {
        if (name == null) {
            return null;
        }
        return Journal.named(name).orElseGet(() -> {
            row.error("journal", "journal.unknown", name,
                    String.join(", ", Arrays.stream(Journal.values()).map(j -> j.label(row.language())).toList()));
            return null;
        });
    }

    private static long cents(BigDecimal amount) {
        if (amount == null || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(EntryDraft.MAX_AMOUNT) > 0) {
            return 0;
        }
        return amount.movePointRight(2).longValueExact();
    }

    private static BigDecimal amount(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static BigDecimal zeroToNull(BigDecimal amount) {
        return amount == null || amount.signum() == 0 ? null : amount;
    }
}
