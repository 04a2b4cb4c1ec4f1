package coop.intercoop.hub.accounting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AnalyticSplitTest {

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** 100 % in units of 0.0001 %. */
    private static final int WHOLE = 1_000_000;

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(CENT, new BigDecimal("1000000000.00")).ofScale(2);
    }

    /** 1 to 10 positive percentages with at most four decimals, totalling exactly 100. */
    @Provide
    Arbitrary<List<BigDecimal>> percents() {
        return Arbitraries.integers().between(1, WHOLE - 1).set().ofMaxSize(9).map(points -> {
            List<Integer> sorted = new ArrayList<>(points);
            sorted.sort(null);
            sorted.add(WHOLE);
            List<BigDecimal> percents = new ArrayList<>(sorted.size());
            int previous = 0;
            for (int point : sorted) {
                // stripped, so the percentages come with 0 to 4 decimals as people write them
                percents.add(BigDecimal.valueOf(point - previous, 4).stripTrailingZeros());
                previous = point;
            }
            return percents;
        });
    }

    @Property
    void thePartsAddUpToTheAmountExactly(@ForAll("amounts") BigDecimal amount,
            @ForAll("percents") List<BigDecimal> percents) {
        List<BigDecimal> parts = AnalyticSplit.split(amount, percents);
        assertEquals(percents.size(), parts.size());
        assertEquals(0, parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(amount),
                () -> amount + " split by " + percents + " gave " + parts);
    }

    @Property
    void everyPartIsWholeCentsAndNotNegative(@ForAll("amounts") BigDecimal amount,
            @ForAll("percents") List<BigDecimal> percents) {
        for (BigDecimal part : AnalyticSplit.split(amount, percents)) {
            assertEquals(2, part.scale(), part::toPlainString);
            assertTrue(part.signum() >= 0, part::toPlainString);
        }
    }

    @Property
    void everyPartIsWithinACentOfItsExactShare(@ForAll("amounts") BigDecimal amount,
            @ForAll("percents") List<BigDecimal> percents) {
        List<BigDecimal> parts = AnalyticSplit.split(amount, percents);
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal exact = amount.multiply(percents.get(i)).divide(HUNDRED);
            BigDecimal off = parts.get(i).subtract(exact).abs();
            int share = i;
            assertTrue(off.compareTo(CENT) <= 0, () -> "part " + share + " of " + amount + " at " + percents.get(share)
                    + " % is " + parts.get(share) + ", exactly " + exact);
        }
    }

    @Example
    void leftOverCentsGoToTheLargestRemaindersThenTheEarlierShare() {
        assertEquals(List.of(new BigDecimal("0.33"), new BigDecimal("0.33"), new BigDecimal("0.34")),
                AnalyticSplit.split(new BigDecimal("1.00"),
                        List.of(new BigDecimal("33.3333"), new BigDecimal("33.3333"), new BigDecimal("33.3334"))));
        assertEquals(List.of(new BigDecimal("0.01"), new BigDecimal("0.00")),
                AnalyticSplit.split(new BigDecimal("0.01"), List.of(BigDecimal.valueOf(50), BigDecimal.valueOf(50))));
    }
}
