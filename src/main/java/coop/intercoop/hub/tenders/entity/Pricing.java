package coop.intercoop.hub.tenders.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import coop.intercoop.hub.platform.Refusals;

/**
 * A bid's price, worked out from the staff it needs: per lot, lines of a professional category, the hours it works and
 * its cost of an hour — entered, a member's real employer cost, or a collective agreement's salary table — then the
 * overheads and the margin on the staff cost, the price without taxes, set against the lot's budget without taxes, and
 * the price split by the members' shares. Every amount is rounded to the cent where it is worked out: a line's cost,
 * the overheads, the margin; the members' parts add up to the price exactly, the last member taking the cents left.
 */
public final class Pricing {

    /** Where a line's cost of an hour comes from. */
    public enum Source {
        /** Entered by the members. */
        MANUAL,
        /** The member's employer cost of a year's payroll over its average staff and the full-time hours of a year. */
        MEMBER,
        /** The agreement's monthly base of the category, times the payments of a year, over the hours of a year. */
        AGREEMENT
    }

    /**
     * The figures the lines share: the hours a full-time worker works in a year (the applicable agreement's annual
     * working time), the overheads and the margin in percent, and for agreement lines the employer's contributions in
     * percent of the salary.
     */
    public record Parameters(BigDecimal annualHours, BigDecimal overheadRate, BigDecimal marginRate,
            BigDecimal employerRate) {
    }

    /**
     * A line: the lot (empty: the whole tender), the category, the member whose staff works it (for a member's cost),
     * the hours, where its hourly cost comes from, the cost entered, and the agreement and category of the agreement's
     * table.
     */
    public record Line(String lot, String category, Long memberOrgId, BigDecimal hours, Source source,
            BigDecimal hourlyCost, String agreement, String agreementCategory) {
    }

    /** A line with its cost of an hour and its cost (hours × cost of an hour, to the cent). */
    public record Costed(Line line, BigDecimal hourlyCost, BigDecimal cost) {
    }

    /**
     * A lot's price: its lines, staff cost, overheads, margin and price without taxes; its budget without taxes where
     * published, how far below it the price is in percentage units, whether it is over it, and whether, were it the
     * only offer, it would be presumed abnormally low ({@code abnormallyLowBelow} percentage units below the budget).
     */
    public record LotPrice(String lot, List<Costed> lines, BigDecimal staffCost, BigDecimal overheads,
            BigDecimal margin, BigDecimal price, Optional<BigDecimal> budget, Optional<BigDecimal> belowBudget,
            boolean overBudget, boolean abnormallyLowAlone) {
    }

    /** A member's part of the price, by its share in percent. */
    public record Part(long orgId, BigDecimal share, BigDecimal amount) {
    }

    /** The bid's price: the lots' prices, their sum and the members' parts of it. */
    public record Priced(List<LotPrice> lots, BigDecimal price, List<Part> parts) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The most hours of a year a line may hold (a year's hours of 100 full-time workers at most, 40 × 52 each). */
    private static final BigDecimal MAX_HOURS = new BigDecimal("208000");

    private Pricing() {
    }

    /**
     * Checks the parameters and the lines, every problem at once, each naming its field ({@code lines[2].hours}).
     *
     * @param lots
     *            the lots the bid may price (the tender's, or none for a tender without lots)
     * @param members
     *            the consortium's members
     */
    public static void check(Parameters parameters, List<Line> lines, Set<String> lots, Set<Long> members) {
        Refusals refusals = new Refusals();
        if (parameters.annualHours() == null || parameters.annualHours().signum() <= 0
                || parameters.annualHours().compareTo(new BigDecimal("2920")) > 0) {
            refusals.add(new InvalidTenderInputException("annualHours", "pricing.annualHours",
                    String.valueOf(parameters.annualHours())));
        }
        rate(refusals, "overheadRate", parameters.overheadRate());
        rate(refusals, "marginRate", parameters.marginRate());
        rate(refusals, "employerRate", parameters.employerRate());
        if (lines.isEmpty()) {
            refusals.add(new InvalidTenderInputException("lines", "pricing.lines"));
        }
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String at = "lines[" + i + "].";
            if (!line.lot().isEmpty() && !lots.contains(line.lot())) {
                refusals.add(new InvalidTenderInputException(at + "lot", "pricing.lot", line.lot(), lots));
            }
            if (line.category() == null || line.category().isBlank() || line.category().length() > 255) {
                refusals.add(new InvalidTenderInputException(at + "category", "pricing.category"));
            }
            if (line.hours() == null || line.hours().signum() <= 0 || line.hours().compareTo(MAX_HOURS) > 0
                    || line.hours().scale() > 2) {
                refusals.add(new InvalidTenderInputException(at + "hours", "pricing.hours",
                        String.valueOf(line.hours()), MAX_HOURS));
            }
            if (line.source() == null) {
                refusals.add(new InvalidTenderInputException(at + "source", "pricing.source"));
            } else if (line.source() == Source.MANUAL && (line.hourlyCost() == null || line.hourlyCost().signum() <= 0
                    || line.hourlyCost().scale() > 2)) {
                refusals.add(new InvalidTenderInputException(at + "hourlyCost", "pricing.hourlyCost",
                        String.valueOf(line.hourlyCost())));
            } else if (line.source() == Source.MEMBER
                    && (line.memberOrgId() == null || !members.contains(line.memberOrgId()))) {
                refusals.add(new InvalidTenderInputException(at + "memberOrganisationId", "pricing.member",
                        String.valueOf(line.memberOrgId())));
            } else if (line.source() == Source.AGREEMENT && (line.agreement() == null || line.agreement().isBlank()
                    || line.agreementCategory() == null || line.agreementCategory().isBlank())) {
                refusals.add(new InvalidTenderInputException(at + "agreement", "pricing.agreement"));
            }
        }
        refusals.throwIfAny();
    }

    private static void rate(Refusals refusals, String field, BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(HUNDRED) > 0 || rate.scale() > 2) {
            refusals.add(new InvalidTenderInputException(field, "pricing.rate", String.valueOf(rate)));
        }
    }

    /** A line's cost: its hours times its cost of an hour, to the cent. */
    public static Costed cost(Line line, BigDecimal hourlyCost) {
        BigDecimal hourly = hourlyCost.setScale(2, RoundingMode.HALF_UP);
        return new Costed(line, hourly, line.hours().multiply(hourly).setScale(2, RoundingMode.HALF_UP));
    }

    /**
     * The price of the costed lines.
     *
     * @param budgets
     *            each lot's budget without taxes, where published ({@code ""}: the whole tender)
     * @param shares
     *            each member's share in percent, in the consortium's order
     * @param abnormallyLowBelow
     *            how many percentage units below the budget the only offer is presumed abnormally low
     */
    public static Priced price(Parameters parameters, List<Costed> lines, Map<String, BigDecimal> budgets,
            Map<Long, BigDecimal> shares, BigDecimal abnormallyLowBelow) {
        Map<String, List<Costed>> byLot = new LinkedHashMap<>();
        lines.forEach(l -> byLot.computeIfAbsent(l.line().lot(), k -> new ArrayList<>()).add(l));
        List<LotPrice> lots = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<String, List<Costed>> lot : byLot.entrySet()) {
            BigDecimal staff = lot.getValue().stream().map(Costed::cost).reduce(BigDecimal.ZERO.setScale(2),
                    BigDecimal::add);
            BigDecimal overheads = percent(staff, parameters.overheadRate());
            BigDecimal margin = percent(staff.add(overheads), parameters.marginRate());
            BigDecimal price = staff.add(overheads).add(margin);
            Optional<BigDecimal> budget = Optional.ofNullable(budgets.get(lot.getKey())).filter(b -> b.signum() > 0);
            Optional<BigDecimal> below = budget
                    .map(b -> b.subtract(price).multiply(HUNDRED).divide(b, 2, RoundingMode.HALF_UP));
            lots.add(
                    new LotPrice(lot.getKey(), List.copyOf(lot.getValue()), staff, overheads, margin, price, budget,
                            below, budget.map(b -> price.compareTo(b) > 0).orElse(false), budget
                                    .map(b -> price.multiply(HUNDRED)
                                            .compareTo(b.multiply(HUNDRED.subtract(abnormallyLowBelow))) < 0)
                                    .orElse(false)));
            total = total.add(price);
        }
        List<Part> parts = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO.setScale(2);
        List<Map.Entry<Long, BigDecimal>> members = List.copyOf(shares.entrySet());
        for (int i = 0; i < members.size(); i++) {
            BigDecimal amount = i == members.size() - 1 ? total.subtract(given)
                    : percent(total, members.get(i).getValue());
            given = given.add(amount);
            parts.add(new Part(members.get(i).getKey(), members.get(i).getValue(), amount));
        }
        return new Priced(List.copyOf(lots), total, List.copyOf(parts));
    }

    /** The rate in percent of an amount, to the cent. */
    public static BigDecimal percent(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }
}
