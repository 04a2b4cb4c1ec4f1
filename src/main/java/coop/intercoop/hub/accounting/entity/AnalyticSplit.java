package coop.intercoop.hub.accounting.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits a line's amount across the shares of one dimension so that the parts are whole cents and add up to the amount
 * exactly: each part is rounded down, and the cents left over go one each to the parts with the largest remainders
 * (ties to the earlier share).
 */
public final class AnalyticSplit {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AnalyticSplit() {
    }

    /**
     * @param amount
     *            at most two decimals
     * @param percents
     *            totalling 100
     *
     * @return one part per percentage, in the same order, totalling {@code amount}
     */
    public static List<BigDecimal> split(BigDecimal amount, List<BigDecimal> percents) {
        List<BigDecimal> parts = new ArrayList<>(percents.size());
        List<BigDecimal> remainders = new ArrayList<>(percents.size());
        BigDecimal allotted = BigDecimal.ZERO;
        for (BigDecimal percent : percents) {
            BigDecimal exact = amount.multiply(percent).divide(HUNDRED);
            BigDecimal part = exact.setScale(2, RoundingMode.DOWN);
            parts.add(part);
            remainders.add(exact.subtract(part));
            allotted = allotted.add(part);
        }
        int centsLeft = amount.subtract(allotted).movePointRight(2).intValueExact();
        List<Integer> order = IntStream.range(0, parts.size()).boxed().sorted(Comparator
                .comparing((Integer i) -> remainders.get(i)).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
        for (int k = 0; k < centsLeft; k++) {
            int i = order.get(k % order.size());
            parts.set(i, parts.get(i).add(new BigDecimal("0.01")));
        }
        return parts;
    }
}
