package coop.intercoop.hub.accounting.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.bind.annotation.JsonbNillable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import coop.intercoop.hub.platform.ConfigCsv;

/**
 * A financial statement model (balance sheet, results account) as data: lines in presentation order, each with a code,
 * the official caption, its depth and how its amount is formed. Read from a file of lines
 * {@code code;caption;level;side;formula}:
 * <ul>
 * <li>{@code side}: {@code D} when the line shows debit balances as positive (assets), {@code C} when it shows credit
 * balances as positive (equity, liabilities, the results account, where expenses come out negative).</li>
 * <li>{@code formula}: terms separated by {@code ;}. {@code +20} adds the balance of every account whose code starts
 * with 20, read on the line's side; {@code -280} marks a contra account, whose balance is normally on the other side
 * and is subtracted as such (accumulated amortisation under fixed assets), which is the same as reading it on the
 * line's side. {@code +572(D)} adds, of the posting accounts whose code starts with 572, only those whose balance is a
 * debit, each account on its own (never netted against the others), and {@code +572(C)} only those whose balance is a
 * credit: so a bank account in overdraft goes to the debts while the others stay in cash; an account so divided is
 * taken by one line of each side. {@code +130(credits)} adds what was credited to the accounts starting with 130 in the
 * period, and {@code -130(debits)} what was debited, each read on the line's side: so the grants an organisation
 * credits straight to 130 show as received on one line and their transfer to income on another; an account so divided
 * is taken by one line of each movement. {@code +[A.1]} and {@code -[14]} add or subtract an earlier line. An empty
 * formula sums the lines one level deeper that follow it, up to the next line of its own level or shallower.</li>
 * </ul>
 */
public record Statement(String name, List<Line> lines) {

    public enum Side {
        D, C
    }

    /**
     * @param balanceSide
     *            for an account term that takes only the accounts with a balance on one side, that side; else null
     * @param movementSide
     *            for an account term that takes only the period's debits (D) or credits (C), that side; else null
     */
    public record Term(int sign, String accountPrefix, Side balanceSide, Side movementSide, String line) {
        boolean isAccount() {
            return accountPrefix != null;
        }

        /** Whether the term takes an account with this balance (debit minus credit). */
        boolean takes(BigDecimal net) {
            return balanceSide == null || (balanceSide == Side.D ? net.signum() > 0 : net.signum() < 0);
        }
    }

    public record Line(String code, String caption, int level, Side side, List<Term> terms) {
    }

    /**
     * A line of a statement with its amount, and beside it the amount of the period it is compared with (the official
     * models' "Ejercicio N-1" column).
     *
     * @param previous
     *            the previous period's amount; null when there is no previous period (the organisation's first year),
     *            never a zero that was not computed
     */
    public record Amount(String code, String caption, int level, BigDecimal amount,
            @JsonbNillable @Schema(nullable = true, description = "The previous period's amount; null when the "
                    + "organisation has no fiscal year there") BigDecimal previous) {
    }

    public static final String HEADER = "code;caption;level;side;formula";

    /**
     * @param where
     *            the file name, for messages
     *
     * @throws InvalidStatementFileException
     *             naming the line that breaks the format
     */
    public static Statement parse(String name, String where, List<String> text) {
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ConfigCsv.Row row : ConfigCsv.rows(where, text, HEADER, InvalidStatementFileException::new)) {
            String place = row.place();
            // the formula, last, is terms separated by ';'
            String[] fields = row.text().split(";", 5);
            if (fields.length != 5) {
                throw new InvalidStatementFileException(place, "needs the fields " + HEADER);
            }
            String code = fields[0].strip();
            if (code.isEmpty() || seen.containsKey(code)) {
                throw new InvalidStatementFileException(place, "needs a code of its own, not '" + code + "'");
            }
            int level;
            Side side;
            try {
                level = Integer.parseInt(fields[2].strip());
                side = Side.valueOf(fields[3].strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidStatementFileException(place, "the level is a number and the side D or C");
            }
            if (level < 0 || level > 5) {
                throw new InvalidStatementFileException(place, "the level is 0 to 5");
            }
            List<Term> terms = new ArrayList<>();
            for (String term : fields[4].split(";")) {
                if (!term.isBlank()) {
                    terms.add(term(term.strip(), seen, place));
                }
            }
            seen.put(code, lines.size());
            lines.add(new Line(code, fields[1].strip(), level, side, List.copyOf(terms)));
        }
        return new Statement(name, List.copyOf(lines));
    }

    private static Term term(String text, Map<String, Integer> earlier, String place) {
        if (text.length() < 2 || (text.charAt(0) != '+' && text.charAt(0) != '-')) {
            throw new InvalidStatementFileException(place, "the term '" + text + "' must start with + or -");
        }
        int sign = text.charAt(0) == '+' ? 1 : -1;
        String body = text.substring(1);
        if (body.matches("[1-9][0-9]{0,11}")) {
            return new Term(sign, body, null, null, null);
        }
        if (body.matches("[1-9][0-9]{0,11}\\([DC]\\)")) {
            return new Term(sign, body.substring(0, body.length() - 3),
                    Side.valueOf(body.substring(body.length() - 2, body.length() - 1)), null, null);
        }
        if (body.matches("[1-9][0-9]{0,11}\\((debits|credits)\\)")) {
            int open = body.indexOf('(');
            return new Term(sign, body.substring(0, open), null, body.endsWith("(debits)") ? Side.D : Side.C, null);
        }
        if (body.startsWith("[") && body.endsWith("]") && earlier.containsKey(body.substring(1, body.length() - 1))) {
            return new Term(sign, null, null, null, body.substring(1, body.length() - 1));
        }
        throw new InvalidStatementFileException(place, "the term '" + text
                + "' is neither an account prefix (572, or 572(D) or 572(C) for one side's balances, or 130(debits) or "
                + "130(credits) for one side's movements) nor [code] of an earlier line");
    }

    /**
     * The amounts of every line, without a previous period.
     *
     * @param byAccount
     *            movements by posting-account code
     */
    public List<Amount> evaluate(Map<String, Movement> byAccount) {
        return evaluate(byAccount, null);
    }

    /**
     * The amounts of every line in two columns, this period's and the previous period's, each formed by the same lines
     * from its own movements.
     *
     * @param current
     *            this period's movements by posting-account code
     * @param previous
     *            the previous period's movements by posting-account code; null when there is no previous period, whose
     *            column is then left empty rather than zero
     */
    public List<Amount> evaluate(Map<String, Movement> current, Map<String, Movement> previous) {
        BigDecimal[] amounts = amounts(current);
        BigDecimal[] before = previous == null ? null : amounts(previous);
        List<Amount> result = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            result.add(new Amount(line.code(), line.caption(), line.level(), amounts[i],
                    before == null ? null : before[i]));
        }
        return result;
    }

    /** The amount of each line, in the order of the lines. */
    private BigDecimal[] amounts(Map<String, Movement> byAccount) {
        BigDecimal[] amounts = new BigDecimal[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            BigDecimal amount = BigDecimal.ZERO.setScale(2);
            for (Term term : line.terms()) {
                if (term.isAccount()) {
                    amount = amount.add(accounts(term, line.side(), byAccount));
                }
            }
            amounts[i] = amount;
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).terms().isEmpty()) {
                for (int child : children(i)) {
                    amounts[i] = amounts[i].add(amounts[child]);
                }
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            index.put(lines.get(i).code(), i);
            for (Term term : lines.get(i).terms()) {
                if (!term.isAccount()) {
                    BigDecimal other = amounts[index.get(term.line())];
                    amounts[i] = amounts[i].add(term.sign() > 0 ? other : other.negate());
                }
            }
        }
        return amounts;
    }

    /**
     * A term's accounts read on the line's side. A plus term reads them on the line's side; a minus term (a contra
     * account) reads them on the other side and subtracts them.
     */
    private static BigDecimal accounts(Term term, Side side, Map<String, Movement> byAccount) {
        BigDecimal net = BigDecimal.ZERO;
        for (Map.Entry<String, Movement> e : byAccount.entrySet()) {
            if (e.getKey().startsWith(term.accountPrefix()) && term.takes(e.getValue().net())) {
                Movement m = e.getValue();
                net = net.add(term.movementSide() == null ? m.net()
                        : term.movementSide() == Side.D ? m.debit() : m.credit().negate());
            }
        }
        BigDecimal onLineSide = side == Side.D ? net : net.negate();
        // a minus term subtracts the balance read on the other side, -(-onLineSide): the same figure
        return onLineSide;
    }

    private List<Integer> children(int parent) {
        List<Integer> children = new ArrayList<>();
        int level = lines.get(parent).level();
        for (int i = parent + 1; i < lines.size() && lines.get(i).level() > level; i++) {
            if (lines.get(i).level() == level + 1) {
                children.add(i);
            }
        }
        return children;
    }

    /** The amount of one line. */
    public static BigDecimal amountOf(List<Amount> amounts, String code) {
        return amounts.stream().filter(a -> a.code().equals(code)).findFirst().map(Amount::amount)
                .orElseThrow(() -> new IllegalArgumentException("No line " + code));
    }

    /**
     * For each account code, the lines whose account terms take it: a complete model takes every posting account of the
     * groups it covers exactly once. An account divided by the side of its balance is taken once by a pair, one line
     * for each side, listed as one taking {@code "B.VIII (D) | P.C.III.1 (C)"}, and so is an account divided by its
     * movements, {@code "C1 (debits) | B1 (credits)"}; a side without its line counts as another taking,
     * {@code "no line for the other side"}.
     */
    public Map<String, List<String>> linesTaking(Collection<String> accountCodes) {
        Map<String, List<String>> taking = new TreeMap<>();
        for (String code : accountCodes) {
            List<String> found = new ArrayList<>();
            Map<String, List<String>> divided = new LinkedHashMap<>();
            for (String kind : List.of("D", "C", "debits", "credits")) {
                divided.put(kind, new ArrayList<>());
            }
            for (Line line : lines) {
                for (Term term : line.terms()) {
                    if (term.isAccount() && code.startsWith(term.accountPrefix())) {
                        String kind = term.balanceSide() != null ? term.balanceSide().name()
                                : term.movementSide() == null ? null
                                        : term.movementSide() == Side.D ? "debits" : "credits";
                        (kind == null ? found : divided.get(kind)).add(line.code());
                    }
                }
            }
            pair(found, divided.get("D"), divided.get("C"), "D", "C");
            pair(found, divided.get("debits"), divided.get("credits"), "debits", "credits");
            taking.put(code, found);
        }
        return taking;
    }

    /** One taking for a pair of lines, one of each side; every line of an unpaired side a taking of its own. */
    private static void pair(List<String> found, List<String> one, List<String> other, String oneName,
            String otherName) {
        if (one.size() == 1 && other.size() == 1) {
            found.add(one.get(0) + " (" + oneName + ") | " + other.get(0) + " (" + otherName + ")");
        } else if (!one.isEmpty() || !other.isEmpty()) {
            one.forEach(line -> found.add(line + " (" + oneName + ")"));
            other.forEach(line -> found.add(line + " (" + otherName + ")"));
            if (one.isEmpty() || other.isEmpty()) {
                found.add("no line for the other side");
            }
        }
    }

    /** The lines by code, in order. */
    public Map<String, Line> byCode() {
        Map<String, Line> byCode = new LinkedHashMap<>();
        lines.forEach(l -> byCode.put(l.code(), l));
        return byCode;
    }

    /** A statement file that breaks the format: an installation error, reported with its file and line. */
    public static class InvalidStatementFileException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public InvalidStatementFileException(String where, String problem) {
            super("Statement model " + where + ": " + problem);
        }
    }
}
