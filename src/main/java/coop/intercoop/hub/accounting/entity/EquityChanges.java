package coop.intercoop.hub.accounting.entity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.bind.annotation.JsonbNillable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import coop.intercoop.hub.platform.ConfigCsv;

/**
 * A statement of changes in equity (estado de cambios en el patrimonio neto) as data, and its arithmetic: a grid whose
 * columns are equity headings, each a set of accounts, and whose rows are the opening balance, the adjustments, the
 * year's changes by kind and the closing balance, for the previous year and for the year. Every cell comes from the
 * books: a column's movements in the year, classified into rows by the accounts they are set against.
 * <p>
 * Read from a file of lines {@code record;code;caption;level;content}, in three parts and in this order:
 * <ul>
 * <li>{@code column}: a column of the grid as the model prints it, {@code content} the account code prefixes it takes,
 * separated by {@code ;} (a posting account belongs to the column with the longest prefix that begins its code). A
 * column followed by deeper columns is a heading over them (Capital over Escriturado and No exigido) and takes no
 * account. A column's amounts are read on the credit side, as equity is: a column of accounts the model prints in
 * brackets (uncalled capital, own shares, interim dividend) comes out negative. The grid adds the model's TOTAL column
 * itself.</li>
 * <li>{@code change}: a kind of change in equity, {@code code} its name, {@code caption} what it is, no level, and
 * {@code content} the terms that say which movements it takes, separated by {@code ;}:
 * <ul>
 * <li>{@code 100} takes the movements of the accounts starting with 100; {@code 100(credits)} only what is credited to
 * them and {@code 100(debits)} only what is debited;</li>
 * <li>a term without counterpart takes only movements set against accounts outside the model's columns (an operation of
 * equity with the rest of the books); {@code 129(debits)/557,526} takes only debits set against accounts starting with
 * 557 or 526, whether inside the columns or not;</li>
 * <li>{@code *} takes every movement no term takes: exactly one change has it, the changes the model has no row of its
 * own for ("Otras variaciones del patrimonio neto").</li>
 * </ul>
 * A movement is taken by the most precise term that fits it: the one with the longest counterpart prefix, then the
 * longest account prefix, then one that names the side; no two terms are alike, so no two fit equally. A change with no
 * terms takes nothing (the books do not say which charges to reserves correct an error).</li>
 * <li>{@code row}: a row of the grid as the model prints it, with {@code content} one of: {@code opening} (the first
 * row, the balances at the start of the previous year), {@code adjusted} (the balance before it plus the rows between,
 * the adjusted balance at the start of a year), {@code closing} (the balance before it plus the rows between, at the
 * end of a year: the first is the previous year's, which is also the opening of the year, the second the year's and the
 * last row), a change's code (the change's movements in the row's year), or empty (a heading that sums the rows one
 * level deeper that follow it). The rows up to the first {@code closing} are the previous year's, the others the
 * year's; each part shows every change exactly once, so no movement is lost or counted twice. In captions {@code {N}},
 * {@code {N-1}} and {@code {N-2}} stand for the model's 200X, 200X-1 and 200X-2 and are filled with the years.</li>
 * </ul>
 * <p>
 * How an entry is classified: each line of an account in a column is divided among the lines on the other side of its
 * entry, in proportion to their amounts, and each part is classified by the account it is set against. An entry that
 * debits 129 and credits 112, 113 and 526 thus shows its 112 and 113 parts as changes between the result and the
 * reserves and its 526 part as a distribution to the members. The division is made in cents so that each line's parts
 * add up to the line and each part of a debit line is the same amount as its counterpart's part of the credit line
 * (debit lines in order, each divided among the credit lines in proportion to what they have left to match, the cents
 * the division leaves over going to the largest remainders, the last debit line taking what is left); a part set
 * against an account of the same column changes no cell (the year-end regularisation of groups 6 and 7 into 129 is
 * inside the column "Resultado del ejercicio").
 * <p>
 * Each column's closing balance is its opening balance plus every movement of its accounts; the grid checks that it
 * equals the opening balance plus its rows.
 */
public record EquityChanges(String name, List<Column> columns, List<Change> changes, List<Row> rows) {

    public static final String HEADER = "record;code;caption;level;content";

    /** The keyword of a row's content for the first balance, the adjusted balances and the closing balances. */
    public static final String OPENING = "opening";
    public static final String ADJUSTED = "adjusted";
    public static final String CLOSING = "closing";

    /** The term that takes every movement no other term takes. */
    public static final String ELSE = "*";

    private static final Pattern TERM = Pattern
            .compile("([1-9][0-9]{0,11})(\\((debits|credits)\\))?(/([1-9][0-9]{0,11}(,[1-9][0-9]{0,11})*))?");

    /**
     * A column of the grid; a {@code leaf} column has amounts, the others head the leaves one level deeper that follow.
     */
    public record Column(String code, String caption, int level, boolean leaf, List<String> accounts) {
    }

    /** A kind of change, with the terms that say which movements it takes. */
    public record Change(String code, String caption, List<Term> terms) {
    }

    /**
     * @param side
     *            D for debits only, C for credits only, null for both
     * @param counterparts
     *            the prefixes of the accounts the movement is set against; empty for any account outside the columns
     */
    public record Term(String account, Statement.Side side, List<String> counterparts) {
        boolean isElse() {
            return account == null;
        }

    }

    /**
     * A row of the grid. {@code content} is {@link #OPENING}, {@link #ADJUSTED}, {@link #CLOSING}, a change's code, or
     * null for a heading; {@code current} tells the year's rows from the previous year's.
     */
    public record Row(String code, String caption, int level, String content, boolean current) {
    }

    /** A line of a journal entry, as the engine needs it: the account and what was debited and credited to it. */
    public record Posting(String account, BigDecimal debit, BigDecimal credit) {
        BigDecimal net() {
            return (debit == null ? BigDecimal.ZERO : debit).subtract(credit == null ? BigDecimal.ZERO : credit);
        }
    }

    /** A balanced journal entry. */
    public record Entry(List<Posting> lines) {
        public static Entry of(Posting... lines) {
            return new Entry(List.of(lines));
        }
    }

    /**
     * The grid drawn up: the model's columns, and each row with the amounts of the leaf columns in their order and the
     * total.
     */
    public record Grid(String model, int year, List<Column> columns, List<Amounts> rows) {
        /** A row's amount in a leaf column, or the total for {@code "TOTAL"}; null in a row left empty. */
        public BigDecimal amount(String row, String column) {
            Amounts found = rows.stream().filter(r -> r.code().equals(row)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No row " + row));
            if (column.equals("TOTAL")) {
                return found.total();
            }
            List<Column> leaves = columns.stream().filter(Column::leaf).toList();
            for (int i = 0; i < leaves.size(); i++) {
                if (leaves.get(i).code().equals(column)) {
                    return found.amounts() == null ? null : found.amounts().get(i);
                }
            }
            throw new IllegalArgumentException("No column " + column);
        }
    }

    /**
     * @param amounts
     *            by leaf column in the order of the columns; null for the previous year's rows when the organisation
     *            has no previous year, never zeros that were not computed
     */
    public record Amounts(String code, String caption, int level,
            @JsonbNillable @Schema(nullable = true, description = "By leaf column; null in the previous year's rows "
                    + "when the organisation has no fiscal year there") List<BigDecimal> amounts,
            @JsonbNillable @Schema(nullable = true) BigDecimal total) {
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The file

    /**
     * @param where
     *            the file name, for messages
     *
     * @throws InvalidEquityChangesFileException
     *             naming the line that breaks the format
     */
    public static EquityChanges parse(String name, String where, List<String> text) {
        List<ConfigCsv.Row> all = ConfigCsv.rows(where, text, HEADER, InvalidEquityChangesFileException::new);
        List<Column> columns = new ArrayList<>();
        List<String> columnPlaces = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<String> rowPlaces = new ArrayList<>();
        Map<String, String> prefixes = new HashMap<>();
        Map<String, String> termsSeen = new HashMap<>();
        String elseChange = null;
        boolean current = false;
        int part = 0;
        for (ConfigCsv.Row row : all) {
            String place = row.place();
            String[] fields = row.text().split(";", -1);
            if (fields.length < 5) {
                throw new InvalidEquityChangesFileException(place, "needs the fields " + HEADER);
            }
            String record = fields[0].strip();
            String code = fields[1].strip();
            String caption = fields[2].strip();
            List<String> content = Arrays.stream(fields, 4, fields.length).map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
            int order = List.of("column", "change", "row").indexOf(record);
            if (order < 0) {
                throw new InvalidEquityChangesFileException(place,
                        "the record '" + record + "' is none of column, change or row");
            }
            if (order < part) {
                throw new InvalidEquityChangesFileException(place,
                        "the columns come first, then the changes, then " + "the rows");
            }
            part = order;
            if (code.isEmpty() || (order == 0 ? columns.stream().anyMatch(c -> c.code().equals(code))
                    : order == 1 ? changes.stream().anyMatch(c -> c.code().equals(code))
                            : rows.stream().anyMatch(r -> r.code().equals(code)))) {
                throw new InvalidEquityChangesFileException(place, "needs a code of its own, not '" + code + "'");
            }
            if (order == 1) {
                if (!fields[3].isBlank()) {
                    throw new InvalidEquityChangesFileException(place, "a change has no level");
                }
                List<Term> terms = new ArrayList<>();
                for (String text1 : content) {
                    Term term = term(text1, place);
                    if (term.isElse()) {
                        if (elseChange != null) {
                            throw new InvalidEquityChangesFileException(place,
                                    "the change " + elseChange + " already takes what no term takes (*)");
                        }
                        elseChange = code;
                    } else {
                        if (columns.stream().flatMap(c -> c.accounts().stream())
                                .noneMatch(p -> p.startsWith(term.account()) || term.account().startsWith(p))) {
                            throw new InvalidEquityChangesFileException(place,
                                    "the term '" + text1 + "' takes no account of the columns");
                        }
                        for (String key : keys(term)) {
                            String before = termsSeen.put(key, code);
                            if (before != null) {
                                throw new InvalidEquityChangesFileException(place, "the term '" + text1
                                        + "' takes what a term of the change " + before + " already takes");
                            }
                        }
                    }
                    terms.add(term);
                }
                changes.add(new Change(code, caption, List.copyOf(terms)));
                continue;
            }
            int level;
            try {
                level = Integer.parseInt(fields[3].strip());
            } catch (NumberFormatException e) {
                throw new InvalidEquityChangesFileException(place, "the level is a number");
            }
            if (level < 0 || level > 3 || caption.isEmpty()) {
                throw new InvalidEquityChangesFileException(place, "needs a caption and a level 0 to 3");
            }
            if (order == 0) {
                for (String prefix : content) {
                    if (!prefix.matches("[1-9][0-9]{0,11}")) {
                        throw new InvalidEquityChangesFileException(place,
                                "'" + prefix + "' is not an account code prefix");
                    }
                    String before = prefixes.put(prefix, code);
                    if (before != null) {
                        throw new InvalidEquityChangesFileException(place,
                                "the accounts " + prefix + " are already in the column " + before);
                    }
                }
                columns.add(new Column(code, caption, level, true, content));
                columnPlaces.add(place);
                continue;
            }
            if (content.size() > 1) {
                throw new InvalidEquityChangesFileException(place,
                        "a row shows one thing: opening, adjusted, " + "closing, a change or nothing (a heading)");
            }
            String shows = content.isEmpty() ? null : content.get(0);
            if (shows != null && !isBalance(shows) && changes.stream().noneMatch(c -> c.code().equals(shows))) {
                throw new InvalidEquityChangesFileException(place,
                        "'" + shows + "' is neither opening, adjusted, closing nor an earlier change");
            }
            rows.add(new Row(code, caption, level, shows, current));
            rowPlaces.add(place);
            if (CLOSING.equals(shows)) {
                current = true;
            }
        }
        if (elseChange == null) {
            throw new InvalidEquityChangesFileException(where, "no change takes what no term takes (*)");
        }
        List<Column> checkedColumns = leaves(columns, columnPlaces);
        checkRows(rows, rowPlaces, changes, where);
        return new EquityChanges(name, checkedColumns, List.copyOf(changes), List.copyOf(rows));
    }

    /** The columns with their leaf flag: a column followed by a deeper one heads it and takes no account. */
    private static List<Column> leaves(List<Column> columns, List<String> places) {
        if (columns.isEmpty()) {
            throw new InvalidEquityChangesFileException(places.isEmpty() ? "the file" : places.get(0), "has no column");
        }
        List<Column> checked = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            int previous = i == 0 ? -1 : columns.get(i - 1).level();
            if (column.level() > previous + 1) {
                throw new InvalidEquityChangesFileException(places.get(i),
                        "is more than one level under the column before it");
            }
            boolean heading = i + 1 < columns.size() && columns.get(i + 1).level() > column.level();
            if (heading && !column.accounts().isEmpty()) {
                throw new InvalidEquityChangesFileException(places.get(i),
                        "heads the columns under it and takes no account itself");
            }
            checked.add(new Column(column.code(), column.caption(), column.level(), !heading, column.accounts()));
        }
        return List.copyOf(checked);
    }

    /**
     * The rows make two years: opening, rows, adjusted, rows, closing (the previous year's, which opens the year),
     * rows, adjusted, rows, closing; each year shows every change exactly once; a heading has rows under it and a
     * change or a balance none.
     */
    private static void checkRows(List<Row> rows, List<String> places, List<Change> changes, String where) {
        if (rows.isEmpty() || !OPENING.equals(rows.get(0).content())) {
            throw new InvalidEquityChangesFileException(rows.isEmpty() ? where : places.get(0),
                    "the first row is the opening balance (" + OPENING + ")");
        }
        List<String> balances = rows.stream().map(Row::content).filter(EquityChanges::isBalance).toList();
        if (!balances.equals(List.of(OPENING, ADJUSTED, CLOSING, ADJUSTED, CLOSING))
                || !CLOSING.equals(rows.get(rows.size() - 1).content())) {
            throw new InvalidEquityChangesFileException(where, "the balance rows are, in this order, opening, "
                    + "adjusted, closing (the previous year's), adjusted and closing (the year's, the last row)");
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            boolean hasChildren = i + 1 < rows.size() && rows.get(i + 1).level() > row.level();
            if (i > 0 && row.level() > rows.get(i - 1).level() + 1) {
                throw new InvalidEquityChangesFileException(places.get(i),
                        "is more than one level under the row before it");
            }
            if (row.content() == null && !hasChildren) {
                throw new InvalidEquityChangesFileException(places.get(i),
                        "shows nothing: name a change, or put rows under it");
            }
            boolean balance = isBalance(row.content());
            if (balance && row.level() != 0) {
                throw new InvalidEquityChangesFileException(places.get(i), "a balance row is of level 0");
            }
            if (row.content() != null && !balance && hasChildren) {
                throw new InvalidEquityChangesFileException(places.get(i),
                        "has rows under it: only a heading (nothing shown) sums the rows under it");
            }
        }
        for (boolean current : List.of(false, true)) {
            for (Change change : changes) {
                List<Integer> shown = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    if (rows.get(i).current() == current && change.code().equals(rows.get(i).content())) {
                        shown.add(i);
                    }
                }
                if (shown.size() != 1) {
                    throw new InvalidEquityChangesFileException(shown.isEmpty() ? where : places.get(shown.get(1)),
                            "the change " + change.code() + " is shown " + shown.size() + " times in the "
                                    + (current ? "year's" : "previous year's") + " rows; each is shown once a year");
                }
            }
        }
    }

    private static boolean isBalance(String content) {
        return OPENING.equals(content) || ADJUSTED.equals(content) || CLOSING.equals(content);
    }

    private static Term term(String text, String place) {
        if (text.equals(ELSE)) {
            return new Term(null, null, List.of());
        }
        Matcher m = TERM.matcher(text);
        if (!m.matches()) {
            throw new InvalidEquityChangesFileException(place, "the term '" + text + "' is neither an account prefix "
                    + "(100, 100(credits) or 100(debits), optionally /57,44 for the accounts it is set against) nor *");
        }
        Statement.Side side = m.group(3) == null ? null
                : m.group(3).equals("debits") ? Statement.Side.D : Statement.Side.C;
        List<String> counterparts = m.group(5) == null ? List.of() : List.of(m.group(5).split(","));
        if (new HashSet<>(counterparts).size() != counterparts.size()) {
            throw new InvalidEquityChangesFileException(place, "the term '" + text + "' repeats a counterpart");
        }
        return new Term(m.group(1), side, counterparts);
    }

    /** What makes a term distinct: two terms with a key in common would take the same movements equally. */
    private static List<String> keys(Term term) {
        String base = term.account() + "|" + term.side();
        return term.counterparts().isEmpty() ? List.of(base + "|")
                : term.counterparts().stream().map(c -> base + "|" + c).toList();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The columns of the accounts

    /** The leaf column of an account: the one with the longest prefix beginning its code; null for none. */
    String columnOf(String account) {
        String found = null;
        int length = 0;
        for (Column column : columns) {
            for (String prefix : column.accounts()) {
                if (account.startsWith(prefix) && prefix.length() > length) {
                    found = column.code();
                    length = prefix.length();
                }
            }
        }
        return found;
    }

    /**
     * For each account code, the columns whose prefixes take it: a complete model takes every account of equity exactly
     * once.
     */
    public Map<String, List<String>> columnsTaking(Collection<String> accountCodes) {
        Map<String, List<String>> taking = new TreeMap<>();
        for (String code : accountCodes) {
            List<String> found = new ArrayList<>();
            for (Column column : columns) {
                if (column.accounts().stream().anyMatch(code::startsWith)) {
                    found.add(column.code());
                }
            }
            taking.put(code, found);
        }
        return taking;
    }

    /**
     * The change that takes a movement: what is debited ({@code side} D) or credited to {@code account}, set against
     * {@code counterpart}.
     */
    String changeOf(String account, Statement.Side side, String counterpart) {
        boolean inside = columnOf(counterpart) != null;
        String best = null;
        int[] bestRank = null;
        String fallback = null;
        for (Change change : changes) {
            for (Term term : change.terms()) {
                if (term.isElse()) {
                    fallback = change.code();
                    continue;
                }
                if (!account.startsWith(term.account()) || (term.side() != null && term.side() != side)) {
                    continue;
                }
                int counterLength = 0;
                if (term.counterparts().isEmpty()) {
                    if (inside) {
                        continue;
                    }
                } else {
                    counterLength = term.counterparts().stream().filter(counterpart::startsWith)
                            .mapToInt(String::length).max().orElse(-1);
                    if (counterLength < 0) {
                        continue;
                    }
                }
                int[] rank = { counterLength, term.account().length(), term.side() == null ? 0 : 1 };
                if (bestRank == null || Arrays.compare(rank, bestRank) > 0) {
                    best = change.code();
                    bestRank = rank;
                }
            }
        }
        return best != null ? best : fallback;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The grid

    /**
     * The grid of a year beside the previous year.
     *
     * @param year
     *            the year (200X in the model's captions)
     * @param opening
     *            the balances (debit minus credit) by posting account at the start of the first year shown: the
     *            previous year when {@code previous} is given, else the year
     * @param previous
     *            the previous year's entries, without its opening and closing entries; null when the organisation has
     *            no previous year, whose rows are then left empty and whose closing row shows {@code opening}
     * @param current
     *            the year's entries, without its opening and closing entries (the year-end regularisation may be among
     *            them or not: it is inside the column of the result)
     *
     * @throws IllegalArgumentException
     *             for an entry that does not balance
     */
    public Grid compute(int year, Map<String, BigDecimal> opening, List<Entry> previous, List<Entry> current) {
        List<Column> leaves = columns.stream().filter(Column::leaf).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            index.put(leaves.get(i).code(), i);
        }
        BigDecimal[] start = new BigDecimal[leaves.size()];
        Arrays.fill(start, BigDecimal.ZERO.setScale(2));
        opening.forEach((account, net) -> {
            String column = columnOf(account);
            if (column != null) {
                int i = index.get(column);
                start[i] = start[i].add(net.negate());
            }
        });
        List<Amounts> out = new ArrayList<>(rows.size());
        BigDecimal[] balance = start;
        if (previous == null) {
            for (Row row : rows) {
                if (!row.current()) {
                    out.add(new Amounts(row.code(), caption(row, year), row.level(),
                            CLOSING.equals(row.content()) ? List.of(start) : null,
                            CLOSING.equals(row.content()) ? sum(start) : null));
                }
            }
        } else {
            balance = year(false, year, start, previous, index, out);
        }
        year(true, year, balance, current, index, out);
        return new Grid(name, year, columns, List.copyOf(out));
    }

    /**
     * Adds the rows of one year to {@code out} and returns the closing balances.
     *
     * @throws IllegalStateException
     *             if a column's rows do not add up to its closing balance (a fault of this arithmetic, not of the
     *             books)
     */
    private BigDecimal[] year(boolean current, int year, BigDecimal[] start, List<Entry> entries,
            Map<String, Integer> index, List<Amounts> out) {
        int width = start.length;
        Map<String, BigDecimal[]> byChange = new HashMap<>();
        for (Change change : changes) {
            BigDecimal[] zero = new BigDecimal[width];
            Arrays.fill(zero, BigDecimal.ZERO.setScale(2));
            byChange.put(change.code(), zero);
        }
        BigDecimal[] closing = start.clone();
        for (Entry entry : entries) {
            classify(entry, index, byChange, closing);
        }
        List<Row> mine = rows.stream().filter(r -> r.current() == current).toList();
        BigDecimal[][] amounts = new BigDecimal[mine.size()][];
        BigDecimal[] running = current ? start.clone() : null;
        for (int i = 0; i < mine.size(); i++) {
            Row row = mine.get(i);
            if (OPENING.equals(row.content())) {
                running = start.clone();
                amounts[i] = running.clone();
            } else if (ADJUSTED.equals(row.content()) || CLOSING.equals(row.content())) {
                amounts[i] = running.clone();
            } else if (row.content() != null) {
                amounts[i] = byChange.get(row.content());
                for (int c = 0; c < width; c++) {
                    running[c] = running[c].add(amounts[i][c]);
                }
            }
        }
        for (int i = mine.size() - 1; i >= 0; i--) {
            if (mine.get(i).content() == null) {
                BigDecimal[] sum = new BigDecimal[width];
                Arrays.fill(sum, BigDecimal.ZERO.setScale(2));
                for (int j = i + 1; j < mine.size() && mine.get(j).level() > mine.get(i).level(); j++) {
                    if (mine.get(j).level() == mine.get(i).level() + 1) {
                        for (int c = 0; c < width; c++) {
                            sum[c] = sum[c].add(amounts[j][c]);
                        }
                    }
                }
                amounts[i] = sum;
            }
        }
        for (int c = 0; c < width; c++) {
            if (running[c].compareTo(closing[c]) != 0) {
                throw new IllegalStateException(
                        "The rows of the column " + columns.stream().filter(Column::leaf).toList().get(c).code()
                                + " add up to " + running[c] + ", its closing balance is " + closing[c]);
            }
        }
        for (int i = 0; i < mine.size(); i++) {
            out.add(new Amounts(mine.get(i).code(), caption(mine.get(i), year), mine.get(i).level(),
                    List.of(amounts[i]), sum(amounts[i])));
        }
        return closing;
    }

    /**
     * Adds an entry's movements of the columns' accounts to the changes that take them and to the closing balances.
     */
    private void classify(Entry entry, Map<String, Integer> index, Map<String, BigDecimal[]> byChange,
            BigDecimal[] closing) {
        List<Posting> debits = new ArrayList<>();
        List<Posting> credits = new ArrayList<>();
        for (Posting line : entry.lines()) {
            BigDecimal net = line.net();
            if (net.signum() > 0) {
                debits.add(new Posting(line.account(), net, null));
            } else if (net.signum() < 0) {
                credits.add(new Posting(line.account(), null, net.negate()));
            }
            String column = columnOf(line.account());
            if (column != null) {
                int c = index.get(column);
                closing[c] = closing[c].add(net.negate());
            }
        }
        BigInteger[][] flows = flows(debits.stream().map(p -> cents(p.debit())).toList(),
                credits.stream().map(p -> cents(p.credit())).toList());
        for (int d = 0; d < debits.size(); d++) {
            for (int c = 0; c < credits.size(); c++) {
                if (flows[d][c].signum() == 0) {
                    continue;
                }
                BigDecimal amount = new BigDecimal(flows[d][c], 2);
                String debited = debits.get(d).account();
                String credited = credits.get(c).account();
                add(debited, Statement.Side.D, credited, amount.negate(), index, byChange);
                add(credited, Statement.Side.C, debited, amount, index, byChange);
            }
        }
    }

    private void add(String account, Statement.Side side, String counterpart, BigDecimal amount,
            Map<String, Integer> index, Map<String, BigDecimal[]> byChange) {
        String column = columnOf(account);
        if (column == null || column.equals(columnOf(counterpart))) {
            return;
        }
        BigDecimal[] cells = byChange.get(changeOf(account, side, counterpart));
        int c = index.get(column);
        cells[c] = cells[c].add(amount);
    }

    private static BigInteger cents(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).unscaledValue();
    }

    /**
     * How much of each debit line is set against each credit line, in cents: the debit lines in order, each divided
     * among the credit lines in proportion to what each has left to match, the cents the division leaves going to the
     * largest remainders (the first on a tie), the last debit line taking what is left. Each debit line's flows add up
     * to it and each credit line's to it.
     *
     * @throws IllegalArgumentException
     *             if the debits and the credits differ
     */
    static BigInteger[][] flows(List<BigInteger> debits, List<BigInteger> credits) {
        BigInteger[] left = credits.toArray(BigInteger[]::new);
        BigInteger leftTotal = Arrays.stream(left).reduce(BigInteger.ZERO, BigInteger::add);
        if (debits.stream().reduce(BigInteger.ZERO, BigInteger::add).compareTo(leftTotal) != 0) {
            throw new IllegalArgumentException(
                    "An entry whose debits " + debits + " and credits " + credits + " differ");
        }
        BigInteger[][] flows = new BigInteger[debits.size()][credits.size()];
        for (int d = 0; d < debits.size(); d++) {
            BigInteger amount = debits.get(d);
            if (d == debits.size() - 1) {
                flows[d] = left.clone();
                break;
            }
            BigInteger[] remainders = new BigInteger[left.length];
            BigInteger given = BigInteger.ZERO;
            for (int c = 0; c < left.length; c++) {
                BigInteger[] qr = amount.multiply(left[c]).divideAndRemainder(leftTotal);
                flows[d][c] = qr[0];
                remainders[c] = qr[1];
                given = given.add(qr[0]);
            }
            for (BigInteger cent = amount.subtract(given); cent.signum() > 0; cent = cent.subtract(BigInteger.ONE)) {
                int largest = -1;
                for (int c = 0; c < left.length; c++) {
                    if (remainders[c].signum() > 0
                            && (largest < 0 || remainders[c].compareTo(remainders[largest]) > 0)) {
                        largest = c;
                    }
                }
                flows[d][largest] = flows[d][largest].add(BigInteger.ONE);
                remainders[largest] = BigInteger.ZERO;
            }
            for (int c = 0; c < left.length; c++) {
                left[c] = left[c].subtract(flows[d][c]);
            }
            leftTotal = leftTotal.subtract(amount);
        }
        return flows;
    }

    private static BigDecimal sum(BigDecimal[] amounts) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (BigDecimal amount : amounts) {
            total = total.add(amount);
        }
        return total;
    }

    /**
     * The rows and the leaf and heading columns of a grid of this model that have no amount in either year: a change
     * whose rows are zero (or empty) in both years, a heading whose rows below are all blank, a column zero in every
     * row. The PGC PYMES, tercera parte, norm 4.ª 2, lets them be left out of the statement ("no figurarán las partidas
     * a las que no corresponda importe alguno en el ejercicio ni en el precedente"); the balances (A to E) are never
     * among them.
     */
    public Blanks blanks(Grid grid) {
        Map<String, Amounts> byCode = new HashMap<>();
        grid.rows().forEach(r -> byCode.put(r.code(), r));
        Set<String> shown = new HashSet<>();
        for (Row row : rows) {
            if (row.content() != null && !isBalance(row.content()) && !isZero(byCode.get(row.code()).amounts())) {
                shown.add(row.content());
            }
        }
        boolean[] blank = new boolean[rows.size()];
        for (int i = rows.size() - 1; i >= 0; i--) {
            Row row = rows.get(i);
            if (row.content() == null) {
                blank[i] = true;
                for (int j = i + 1; j < rows.size() && rows.get(j).level() > row.level(); j++) {
                    blank[i] &= blank[j];
                }
            } else {
                blank[i] = !isBalance(row.content()) && !shown.contains(row.content());
            }
        }
        List<String> blankRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (blank[i]) {
                blankRows.add(rows.get(i).code());
            }
        }
        List<Column> leaves = columns.stream().filter(Column::leaf).toList();
        Set<String> blankLeaves = new HashSet<>();
        for (int c = 0; c < leaves.size(); c++) {
            int column = c;
            if (grid.rows().stream().allMatch(r -> r.amounts() == null || r.amounts().get(column).signum() == 0)) {
                blankLeaves.add(leaves.get(c).code());
            }
        }
        List<String> blankColumns = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            boolean none = column.leaf() ? blankLeaves.contains(column.code()) : true;
            for (int j = i + 1; !column.leaf() && j < columns.size() && columns.get(j).level() > column.level(); j++) {
                none &= !columns.get(j).leaf() || blankLeaves.contains(columns.get(j).code());
            }
            if (none) {
                blankColumns.add(column.code());
            }
        }
        return new Blanks(List.copyOf(blankRows), List.copyOf(blankColumns));
    }

    /** The codes of the rows and of the columns without an amount in either year ({@link #blanks}). */
    public record Blanks(List<String> rows, List<String> columns) {
    }

    private static boolean isZero(List<BigDecimal> amounts) {
        return amounts == null || amounts.stream().allMatch(a -> a.signum() == 0);
    }

    /** The caption with the years the model writes 200X, 200X-1 and 200X-2 filled in. */
    private static String caption(Row row, int year) {
        return row.caption().replace("{N-2}", String.valueOf(year - 2)).replace("{N-1}", String.valueOf(year - 1))
                .replace("{N}", String.valueOf(year));
    }

    /** An equity-changes file that breaks the format: an installation error, reported with its file and line. */
    public static class InvalidEquityChangesFileException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public InvalidEquityChangesFileException(String where, String problem) {
            super("Statement of changes in equity " + where + ": " + problem);
        }
    }
}
