package coop.intercoop.hub.accounting.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.spreadsheet.control.ImportReport;
import coop.intercoop.hub.spreadsheet.control.ImportRow;
import coop.intercoop.hub.spreadsheet.control.Importer;
import coop.intercoop.hub.tenancy.control.OrganisationAccess;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Role;
import coop.intercoop.hub.tenancy.entity.TaxId;

/**
 * Imports journal lines that form entries: rows with the same organisation and entry key are one entry, wherever they
 * are in the sheet. The first pass checks every row against the books of its organisation (accounts, periods, locks,
 * analytic codes — all scoped to that organisation) and totals each entry, so an unbalanced entry or one of a single
 * line is reported on its first row with the figures. The second pass gathers each entry's lines, and once an entry is
 * complete hands it to the {@link Ledger} in batches per organisation — the ledger's own checks, numbering, hash chain
 * and maintained balances apply to every imported entry as to any other.
 */
abstract class EntryImport implements Importer {

    static final String TEXTS = "coop.intercoop.hub.accounting.control.imports";
    private static final int BATCH = 5_000;
    private static final Set<Role> KEEP = Set.of(Role.ORG_ADMIN, Role.ACCOUNTANT);

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    OrganisationAccess access;

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
    public Importer.Run start(ImportReport report) {
        return new Run(report);
    }

    /** An entry's totals while the rows are checked, amounts in cents. */
    private static final class Totals {
        final long org;
        final int firstRow;
        final LocalDate date;
        final Journal journal;
        int lines;
        long debit;
        long credit;
        boolean failed;

        Totals(long org, int firstRow, LocalDate date, Journal journal) {
            this.org = org;
            this.firstRow = firstRow;
            this.date = date;
            this.journal = journal;
        }
    }

    /** An entry whose lines are being gathered in the second pass. */
    private static final class Gathering {
        final Head head;
        final List<EntryLine> lines = new ArrayList<>();

        Gathering(Head head) {
            this.head = head;
        }
    }

    final class Run implements Importer.Run {
        final ImportReport report;
        private final Map<Long, BookSnapshot> books = new HashMap<>();
        private Map<String, OrganisationAccess.Member> byTaxId;
        private final Map<String, Totals> entries = new HashMap<>();
        private final Map<String, Gathering> gathering = new HashMap<>();
        private final Map<Long, List<EntryDraft>> ready = new TreeMap<>();

        private final long jobOrganisation;

        Run(ImportReport report) {
            this.report = report;
            this.jobOrganisation = tenant.id();
        }

        /** The caller's organisation a cell names by tax id or hub id; {@code null} (reported) if none. */
        Long organisation(ImportRow row, String column, String named) {
            if (byTaxId == null) {
                byTaxId = new HashMap<>();
                for (OrganisationAccess.Member m : access.memberships()) {
                    byTaxId.put(m.taxId(), m);
                    byTaxId.put(String.valueOf(m.orgId()), m);
                }
            }
            String normalised = named.strip().matches("[0-9]+") ? named.strip() : TaxId.normalise(named);
            OrganisationAccess.Member member = byTaxId.get(normalised);
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

        /**
         * The job's own organisation (checked when the job started), kept: while the second pass writes, the tenant is
         * the organisation whose entries were posted last.
         */
        long jobOrganisation() {
            return jobOrganisation;
        }

        BookSnapshot books(long org) {
            return books.computeIfAbsent(org, o -> BookSnapshot.of(dataSource, o));
        }

        @Override
        public void check(ImportRow row) {
            Head head = head(row, this);
            EntryLine line = line(row, head == null ? null : books(head.org()));
            if (head == null) {
                return;
            }
            if (head.date() != null) {
                checkDate(row, books(head.org()), head.date());
            }
            String key = head.org() + "\u0000" + head.key();
            Totals totals = entries.get(key);
            if (totals == null && head.date() != null && head.journal() != null) {
                totals = new Totals(head.org(), row.number(), head.date(), head.journal());
                entries.put(key, totals);
            } else if (totals != null) {
                if (head.date() != null && !head.date().equals(totals.date)) {
                    row.error("date", "entry.date-differs", head.key(), totals.date, totals.firstRow);
                }
                if (head.journal() != null && head.journal() != totals.journal) {
                    row.error("journal", "entry.journal-differs", head.key(), totals.journal, totals.firstRow);
                }
            }
            if (totals == null) {
                return;
            }
            totals.lines++;
            if (line != null) {
                totals.debit += cents(line.getDebit());
                totals.credit += cents(line.getCredit());
            }
            totals.failed |= row.failed();
        }

        @Override
        public void checked() {
            for (Map.Entry<String, Totals> e : entries.entrySet()) {
                Totals t = e.getValue();
                String key = e.getKey().substring(e.getKey().indexOf('\u0000') + 1);
                if (t.lines < 2) {
                    report.error(null, t.firstRow, null, "entry.one-line", key);
                    t.failed = true;
                } else if (t.debit != t.credit && !t.failed) {
                    report.error(null, t.firstRow, null, "entry.unbalanced", key, amount(t.debit), amount(t.credit),
                            amount(Math.abs(t.debit - t.credit)));
                    t.failed = true;
                }
            }
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
            Gathering entry = gathering.computeIfAbsent(key, k -> new Gathering(head));
            entry.lines.add(line(row, null));
            if (entry.lines.size() == totals.lines) {
                gathering.remove(key);
                List<EntryDraft> batch = ready.computeIfAbsent(head.org(), o -> new ArrayList<>());
                Head first = entry.head;
                batch.add(new EntryDraft(first.date(), first.journal(), first.description(), first.document(),
                        entry.lines));
                if (batch.size() >= BATCH) {
                    post(head.org(), batch);
                }
            }
        }

        @Override
        public void finish() {
            if (!gathering.isEmpty()) {
                throw new IllegalStateException(
                        gathering.size() + " entries were not complete at the end of the sheet");
            }
            for (Map.Entry<Long, List<EntryDraft>> e : ready.entrySet()) {
                if (!e.getValue().isEmpty()) {
                    post(e.getKey(), e.getValue());
                }
            }
            access.enter(jobOrganisation);
        }

        private void post(long org, List<EntryDraft> batch) {
            access.enter(org);
            ledger.post(batch, Ledger.SoftLockOverride.NONE);
            batch.clear();
        }
    }

    /** The line a row carries, checked against the organisation's books when they are given. */
    private static EntryLine line(ImportRow row, BookSnapshot books) {
        String account = row.requiredText("account", 12);
        BigDecimal debit = row.number("debit");
        BigDecimal credit = row.number("credit");
        String text = row.text("description", EntryDraft.MAX_DESCRIPTION);
        String nif = row.text("thirdPartyNif", 20);
        if (books != null) {
            if (account != null) {
                Boolean posting = books.posting(account);
                if (posting == null) {
                    row.error("account", "account.unknown", account);
                } else if (!posting) {
                    row.error("account", "account.heading", account);
                }
            }
            checkAmounts(row, debit, credit);
            if (nif != null && TaxId.check(nif).isPresent()) {
                row.error("thirdPartyNif", "nif.invalid", nif);
            }
        }
        List<Share> shares = new ArrayList<>();
        share(row, books, Dimension.PROJECT, "project", shares);
        share(row, books, Dimension.GRANT, "grant", shares);
        share(row, books, Dimension.ACTIVITY, "activity", shares);
        share(row, books, Dimension.WORK_CENTRE, "workCentre", shares);
        EntryLine line = new EntryLine(account, zeroToNull(debit), zeroToNull(credit), text);
        line.setThirdPartyNif(nif);
        line.setAnalytic(shares.isEmpty() ? null : shares);
        return line;
    }

    private static void checkAmounts(ImportRow row, BigDecimal debit, BigDecimal credit) {
        boolean hasDebit = debit != null && debit.signum() != 0;
        boolean hasCredit = credit != null && credit.signum() != 0;
        if (hasDebit && hasCredit) {
            row.error("credit", "amount.both");
        } else if (!hasDebit && !hasCredit && !row.failed()) {
            row.error("debit", "amount.neither");
        }
        for (String column : List.of("debit", "credit")) {
            BigDecimal amount = column.equals("debit") ? debit : credit;
            if (amount == null) {
                continue;
            }
            if (amount.signum() < 0) {
                row.error(column, "amount.negative", amount.toPlainString());
            } else if (amount.stripTrailingZeros().scale() > 2) {
                row.error(column, "amount.cents", amount.toPlainString());
            } else if (amount.compareTo(EntryDraft.MAX_AMOUNT) > 0) {
                row.error(column, "amount.too-large", amount.toPlainString());
            }
        }
    }

    private static void share(ImportRow row, BookSnapshot books, Dimension dimension, String column,
            List<Share> shares) {
        String code = row.text(column, 20);
        if (code == null) {
            return;
        }
        Share share = new Share(dimension, code, null);
        if (books != null) {
            boolean known = switch (dimension) {
                case PROJECT -> books.hasProject(share.canonicalCode());
                case GRANT -> books.hasGrant(share.canonicalCode());
                case WORK_CENTRE -> books.hasWorkCentre(share.canonicalCode());
                case ACTIVITY -> isActivity(code);
            };
            if (!known) {
                row.error(column, "analytic.unknown." + column, code);
                return;
            }
        }
        shares.add(share);
    }

    private static boolean isActivity(String code) {
        try {
            Activity.of(code, "activity");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static void checkDate(ImportRow row, BookSnapshot books, LocalDate date) {
        BookSnapshot.DateProblem problem = books.check(date);
        if (problem != null) {
            switch (problem) {
                case NO_FISCAL_YEAR -> row.error("date", "date.no-fiscal-year", date);
                case CLOSED -> row.error("date", "date.closed", date);
                case HARD_LOCKED -> row.error("date", "date.hard-locked", date, books.hardLock());
                case SOFT_LOCKED -> row.error("date", "date.soft-locked", date, books.softLock());
            }
        }
    }

    /** A journal named by its code (GENERAL) or its Spanish name (Diario general); {@code null} (reported) if none. */
    static Journal journal(ImportRow row, String name) {
        if (name == null) {
            return null;
        }
        for (Journal journal : Journal.values()) {
            if (journal.name().equalsIgnoreCase(name) || journal.spanishName().equalsIgnoreCase(name)) {
                return journal;
            }
        }
        row.error("journal", "journal.unknown", name);
        return null;
    }

    private static long cents(BigDecimal amount) {
        if (amount == null || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(EntryDraft.MAX_AMOUNT) > 0) {
            return 0;
        }
        return amount.movePointRight(2).longValueExact();
    }

    private static String amount(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static BigDecimal zeroToNull(BigDecimal amount) {
        return amount == null || amount.signum() == 0 ? null : amount;
    }
}
