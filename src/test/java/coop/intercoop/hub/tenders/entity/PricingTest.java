package coop.intercoop.hub.tenders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.tenders.entity.Pricing.Line;
import coop.intercoop.hub.tenders.entity.Pricing.Parameters;
import coop.intercoop.hub.tenders.entity.Pricing.Source;

class PricingTest {

    static final Parameters PARAMETERS = new Parameters(new BigDecimal("1720"), new BigDecimal("8"),
            new BigDecimal("5"), new BigDecimal("31.40"));

    static Line line(String lot, String hours, String hourly) {
        return new Line(lot, "Educador/a social", null, new BigDecimal(hours), Source.MANUAL, new BigDecimal(hourly),
                null, null);
    }

    @Test
    void aLotsPriceIsItsStaffCostWithOverheadsAndMarginEachToTheCent() {
        // lot 1: 1,000 h x 21.37 = 21,370.00 and 333.33 h x 18.05 = 6,016.61 (6,016.6065); staff 27,386.61;
        // overheads 8 % = 2,190.93 (2,190.9288); margin 5 % of 29,577.54 = 1,478.88 (1,478.877); price 31,056.42
        Pricing.Priced priced = Pricing.price(PARAMETERS,
                List.of(Pricing.cost(line("1", "1000", "21.37"), new BigDecimal("21.37")),
                        Pricing.cost(line("1", "333.33", "18.05"), new BigDecimal("18.05"))),
                Map.of("1", new BigDecimal("40000.00")), shares("60", "40"), new BigDecimal("25"));
        Pricing.LotPrice lot = priced.lots().get(0);
        assertEquals("6016.61", lot.lines().get(1).cost().toPlainString());
        assertEquals("27386.61", lot.staffCost().toPlainString());
        assertEquals("2190.93", lot.overheads().toPlainString());
        assertEquals("1478.88", lot.margin().toPlainString());
        assertEquals("31056.42", lot.price().toPlainString());
        // (40,000 - 31,056.42) / 40,000 = 22.36 units below: not abnormally low alone (more than 25)
        assertEquals("22.36", lot.belowBudget().orElseThrow().toPlainString());
        assertFalse(lot.abnormallyLowAlone());
        assertFalse(lot.overBudget());
        // 60 % = 18,633.85 (18,633.852); the last member takes the rest, 12,422.57, so the parts add up exactly
        assertEquals(List.of("18633.85", "12422.57"),
                priced.parts().stream().map(p -> p.amount().toPlainString()).toList());
        assertEquals(priced.price(),
                priced.parts().stream().map(Pricing.Part::amount).reduce(BigDecimal::add).orElseThrow());
    }

    @Test
    void aPriceFarBelowTheBudgetIsPresumedAbnormallyLowAloneAndOneAboveItIsOver() {
        Pricing.Priced priced = Pricing.price(
                new Parameters(new BigDecimal("1720"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                List.of(Pricing.cost(line("1", "100", "10"), BigDecimal.TEN),
                        Pricing.cost(line("2", "100", "10"), BigDecimal.TEN),
                        Pricing.cost(line("", "1", "10"), BigDecimal.TEN)),
                Map.of("1", new BigDecimal("1333.33"), "2", new BigDecimal("999.99")), shares("100"),
                new BigDecimal("25"));
        // lot 1: 1,000.00 against 1,333.33 is 24.9998 units below (25.00 rounded): not more than 25, not presumed
        assertFalse(priced.lots().get(0).abnormallyLowAlone());
        Pricing.Priced lower = Pricing.price(
                new Parameters(new BigDecimal("1720"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                List.of(Pricing.cost(line("1", "100", "10"), BigDecimal.TEN)), Map.of("1", new BigDecimal("1333.37")),
                shares("100"), new BigDecimal("25"));
        assertTrue(lower.lots().get(0).abnormallyLowAlone(), "25.0017 units below: more than 25");
        assertTrue(priced.lots().get(1).overBudget());
        assertEquals(Optional.empty(), priced.lots().get(2).budget(), "the whole tender has no budget here");
        assertEquals("2010.00", priced.price().toPlainString());
    }

    @Test
    void everyBadFieldIsRefusedAtOnceNamingItsPlace() {
        List<Line> lines = List.of(new Line("9", " ", null, new BigDecimal("-1"), Source.MANUAL, null, null, null),
                new Line("1", "Técnico", 77L, BigDecimal.TEN, Source.MEMBER, null, null, null),
                new Line("", "Técnico", null, BigDecimal.TEN, Source.AGREEMENT, null, "accion-social-iii", null),
                new Line("", "Técnico", null, BigDecimal.TEN, null, null, null, null));
        HubException refused = assertThrows(HubException.class,
                () -> Pricing.check(
                        new Parameters(BigDecimal.ZERO, new BigDecimal("101"), new BigDecimal("5.555"), null), lines,
                        Set.of("1", "2"), Set.of(1L, 2L)));
        List<String> fields = refused.all().stream().map(HubException::field).toList();
        assertEquals(List.of("annualHours", "overheadRate", "marginRate", "employerRate", "lines[0].lot",
                "lines[0].category", "lines[0].hours", "lines[0].hourlyCost", "lines[1].memberOrganisationId",
                "lines[2].agreement", "lines[3].source"), fields);
    }

    static Map<Long, BigDecimal> shares(String... percents) {
        Map<Long, BigDecimal> shares = new LinkedHashMap<>();
        for (int i = 0; i < percents.length; i++) {
            shares.put((long) i + 1, new BigDecimal(percents[i]));
        }
        return shares;
    }
}
