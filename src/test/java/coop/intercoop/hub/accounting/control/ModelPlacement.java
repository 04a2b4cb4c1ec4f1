package coop.intercoop.hub.accounting.control;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import coop.intercoop.hub.accounting.entity.AccountKind;
import coop.intercoop.hub.accounting.entity.Movement;
import coop.intercoop.hub.accounting.entity.Statement;

/** How the accounts of the real charts of {@code config/charts} fall on the lines of a statement model. */
final class ModelPlacement {

    private static final ChartTemplates CHARTS = new ChartTemplates("config/charts");

    private ModelPlacement() {
    }

    /** The posting accounts of a chart in the groups named by their digits ("67": groups 6 and 7). */
    static List<String> postingCodes(String chart, String groups) {
        return CHARTS.read(chart).stream().filter(l -> l.kind() == AccountKind.POSTING)
                .filter(l -> groups.indexOf(l.code().charAt(0)) >= 0).map(ChartTemplates.Line::code).toList();
    }

    /** The accounts taken by other than exactly one line, with those lines; empty when each is taken once. */
    static String notOnce(Map<String, List<String>> taking) {
        return taking.entrySet().stream().filter(e -> e.getValue().size() != 1)
                .map(e -> e.getKey() + "->" + e.getValue()).collect(Collectors.joining(", "));
    }

    /**
     * The account terms of a model that name no account of the chart, heading or posting: a misprint in the model file,
     * or an account the plan does not have; empty when there is none.
     */
    static String unknownAccounts(Statement model, String chart) {
        List<String> codes = CHARTS.read(chart).stream().map(ChartTemplates.Line::code).toList();
        return model.lines().stream().flatMap(line -> line.terms().stream())
                .filter(term -> term.accountPrefix() != null).map(Statement.Term::accountPrefix)
                .filter(prefix -> codes.stream().noneMatch(code -> code.startsWith(prefix))).distinct()
                .collect(Collectors.joining(", "));
    }

    /**
     * Books in which every posting account of the chart has moved, some on the debit and some on the credit side, by
     * amounts that differ from account to account, the last account balancing the others.
     */
    static Map<String, Movement> balancedBooks(String chart) {
        List<String> codes = postingCodes(chart, "123456789");
        Map<String, Movement> books = new HashMap<>();
        BigDecimal open = BigDecimal.ZERO;
        for (int i = 0; i < codes.size() - 1; i++) {
            BigDecimal amount = BigDecimal.valueOf((i * 7919L) % 10007, 2);
            books.put(codes.get(i), i % 3 == 0 ? new Movement(amount, BigDecimal.ZERO)
                    : new Movement(BigDecimal.ZERO, amount.add(BigDecimal.ONE)));
            open = open.add(books.get(codes.get(i)).net());
        }
        String last = codes.get(codes.size() - 1);
        books.put(last,
                open.signum() < 0 ? new Movement(open.negate(), BigDecimal.ZERO) : new Movement(BigDecimal.ZERO, open));
        return books;
    }
}
