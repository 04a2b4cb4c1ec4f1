package coop.intercoop.hub.accounting.control;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import coop.intercoop.hub.accounting.entity.AccountKind;
import coop.intercoop.hub.accounting.entity.Movement;
import coop.intercoop.hub.accounting.entity.Statement;

/**
 * What the tests of the statement models share (movements written by hand are
 * {@link coop.intercoop.hub.accounting.entity.HandPostedBooks}): books on every account of a chart, a chart's posting
 * accounts, and the accounts a model takes other than exactly once.
 */
final class StatementChecks {

    private static final ChartTemplates CHARTS = new ChartTemplates("config/charts");

    private StatementChecks() {
    }

    /** The posting accounts of a chart template in the groups named, e.g. {@code "6789"}. */
    static List<String> postingCodes(String chart, String groups) {
        return CHARTS.read(chart).stream().filter(l -> l.kind() == AccountKind.POSTING)
                .filter(l -> groups.indexOf(l.code().charAt(0)) >= 0).map(ChartTemplates.Line::code).toList();
    }

    /** The accounts taken by no line or by more than one, with the lines taking them; empty when none. */
    static String notOnce(Map<String, List<String>> taking) {
        return taking.entrySet().stream().filter(e -> e.getValue().size() != 1)
                .map(e -> e.getKey() + "->" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The account terms of a model that name no account of the chart (a misprint, or an account the plan lacks). */
    static String unknownAccounts(Statement model, String chart) {
        List<String> codes = CHARTS.read(chart).stream().map(ChartTemplates.Line::code).toList();
        return model.lines().stream().flatMap(line -> line.terms().stream())
                .filter(term -> term.accountPrefix() != null).map(Statement.Term::accountPrefix)
                .filter(prefix -> codes.stream().noneMatch(code -> code.startsWith(prefix))).distinct()
                .collect(Collectors.joining(", "));
    }

    /**
     * Books with a movement on every account given, of arbitrary amounts: every third a debit, the others credits. They
     * do not balance.
     */
    static Map<String, Movement> arbitraryBooks(List<String> codes) {
        Map<String, Movement> books = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            BigDecimal amount = BigDecimal.valueOf((i * 7919L) % 10007, 2);
            books.put(codes.get(i), i % 3 == 0 ? new Movement(amount, BigDecimal.ZERO)
                    : new Movement(BigDecimal.ZERO, amount.add(BigDecimal.ONE)));
        }
        return books;
    }

    /** {@link #arbitraryBooks} on every account but the last, which takes the difference, so the books balance. */
    static Map<String, Movement> balancedBooks(List<String> codes) {
        Map<String, Movement> books = arbitraryBooks(codes.subList(0, codes.size() - 1));
        BigDecimal open = books.values().stream().map(Movement::net).reduce(BigDecimal.ZERO, BigDecimal::add);
        books.put(codes.get(codes.size() - 1),
                open.signum() < 0 ? new Movement(open.negate(), BigDecimal.ZERO) : new Movement(BigDecimal.ZERO, open));
        return books;
    }
}
