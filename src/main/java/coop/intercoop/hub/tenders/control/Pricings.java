package coop.intercoop.hub.tenders.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.payroll.control.PayrollTables;
import coop.intercoop.hub.payroll.entity.AgreementSalaries;
import coop.intercoop.hub.payroll.entity.NoRuleInForceException;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.entity.ConsortiumMember;
import coop.intercoop.hub.tenders.entity.InvalidTenderInputException;
import coop.intercoop.hub.tenders.entity.Pricing;
import coop.intercoop.hub.tenders.entity.Pricing.Line;
import coop.intercoop.hub.tenders.entity.Pricing.Parameters;

/**
 * A bid's pricing: the lead sets its parameters and lines, every member reads it priced. A line's cost of an hour is
 * worked out when read: entered; a member's employer cost of the latest year it consented to over its average staff and
 * a full-time year's hours ({@link Solvency#costOf}, recorded in its log); or the agreement's monthly base of the
 * category times the year's payments, with the employer's contributions, over the same hours
 * ({@link PayrollTables#agreementSalaries}), on the tender's deadline (today without one). The lots' budgets without
 * taxes are the tender's, and the abnormally-low threshold of an offer alone is RGLCAP art. 85.1's
 * ({@link TenderCodes#abnormallyLowAlone}).
 */
@Dependent
public class Pricings {

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    ConsortiumBids bids;

    @Inject
    Solvency solvency;

    @Inject
    PayrollTables payroll;

    @Inject
    TenderCodes codes;

    @Inject
    Organisations organisations;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    /** A stored pricing and its price. */
    public record Priced(ConsortiumBids.Workspace workspace, Parameters parameters, List<Line> lines, int version,
            Pricing.Priced price) {
    }

    /**
     * The lead sets the pricing, replacing the one before; its lines must price (a member's cost consented, an
     * agreement's table in force), or nothing is kept.
     *
     * @param version
     *            the version read, once a pricing exists
     */
    public Priced save(long orgId, long consortiumId, Parameters parameters, List<Line> lines,
            Optional<Integer> version) {
        bids.lead(orgId, consortiumId);
        ConsortiumBids.Workspace w = bids.find(orgId, consortiumId);
        Pricing.check(parameters, lines,
                w.tender().tender().lots().stream().map(l -> l.id()).collect(Collectors.toSet()),
                Set.copyOf(w.members()));
        Pricing.Priced price = price(orgId, w, parameters, lines);
        long bid = w.bid().getId();
        int next;
        try (Connection c = dataSource.getConnection()) {
            Optional<Integer> stored = storedVersion(c, bid);
            if (stored.isPresent() && (version.isEmpty() || !version.get().equals(stored.get()))) {
                throw new OptimisticLockException("The pricing was changed since it was read");
            }
            next = stored.map(v -> v + 1).orElse(0);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM bid_pricing WHERE bid_id = ?")) {
                s.setLong(1, bid);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO bid_pricing (bid_id, annual_hours,"
                    + " overhead_rate, margin_rate, employer_rate, updated_by, updated_at, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, bid);
                s.setBigDecimal(2, parameters.annualHours());
                s.setBigDecimal(3, parameters.overheadRate());
                s.setBigDecimal(4, parameters.marginRate());
                s.setBigDecimal(5, parameters.employerRate());
                s.setLong(6, caller.user().getId());
                s.setTimestamp(7, Timestamp.from(Instant.now()));
                s.setInt(8, next);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO bid_pricing_line (bid_id, position, lot,"
                    + " category, member_org_id, hours, source, hourly_cost, agreement, agreement_category)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < lines.size(); i++) {
                    Line line = lines.get(i);
                    s.setLong(1, bid);
                    s.setInt(2, i);
                    s.setString(3, line.lot());
                    s.setString(4, line.category().strip());
                    if (line.source() == Pricing.Source.MEMBER) {
                        s.setLong(5, line.memberOrgId());
                    } else {
                        s.setNull(5, Types.BIGINT);
                    }
                    s.setBigDecimal(6, line.hours());
                    s.setString(7, line.source().name());
                    s.setBigDecimal(8, line.source() == Pricing.Source.MANUAL ? line.hourlyCost() : null);
                    s.setString(9, line.source() == Pricing.Source.AGREEMENT ? line.agreement() : null);
                    s.setString(10, line.source() == Pricing.Source.AGREEMENT ? line.agreementCategory() : null);
                    s.addBatch();
                }
                s.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The pricing could not be stored", e);
        }
        audit.record(orgId, "bid.priced", "consortium", String.valueOf(consortiumId),
                lines.size() + " lines, price " + price.price());
        return new Priced(w, parameters, List.copyOf(lines), next, price);
    }

    /**
     * The bid's pricing, priced now.
     *
     * @throws NotFoundException
     *             unless the organisation is a member of the bid's consortium and the lead has priced it
     */
    public Priced find(long orgId, long consortiumId) {
        ConsortiumBids.Workspace w = bids.find(orgId, consortiumId);
        long bid = w.bid().getId();
        try (Connection c = dataSource.getConnection()) {
            Parameters parameters;
            int version;
            try (PreparedStatement s = c.prepareStatement("SELECT annual_hours, overhead_rate, margin_rate,"
                    + " employer_rate, version FROM bid_pricing WHERE bid_id = ?")) {
                s.setLong(1, bid);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new NotFoundException("pricing", consortiumId);
                    }
                    parameters = new Parameters(r.getBigDecimal(1), r.getBigDecimal(2), r.getBigDecimal(3),
                            r.getBigDecimal(4));
                    version = r.getInt(5);
                }
            }
            List<Line> lines = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT lot, category, member_org_id, hours, source,"
                    + " hourly_cost, agreement, agreement_category FROM bid_pricing_line WHERE bid_id = ?"
                    + " ORDER BY position")) {
                s.setLong(1, bid);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        lines.add(new Line(r.getString(1), r.getString(2), r.getObject(3, Long.class),
                                r.getBigDecimal(4), Pricing.Source.valueOf(r.getString(5)), r.getBigDecimal(6),
                                r.getString(7), r.getString(8)));
                    }
                }
            }
            return new Priced(w, parameters, List.copyOf(lines), version, price(orgId, w, parameters, lines));
        } catch (SQLException e) {
            throw new IllegalStateException("The pricing could not be read", e);
        }
    }

    /** The pricing as a workbook, its members named. */
    public byte[] workbook(Priced priced, Map<Long, String> members) {
        return PricingWorkbook.write(priced.parameters(), priced.price(),
                new PricingWorkbook.Names(priced.workspace().tender().tender().folderId(),
                        priced.workspace().tender().tender().title(), priced.workspace().consortium().getName(),
                        members),
                codes.abnormallyLow());
    }

    private static Optional<Integer> storedVersion(Connection c, long bid) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM bid_pricing WHERE bid_id = ? FOR UPDATE")) {
            s.setLong(1, bid);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getInt(1)) : Optional.empty();
            }
        }
    }

    private Pricing.Priced price(long orgId, ConsortiumBids.Workspace w, Parameters parameters, List<Line> lines) {
        LocalDate day = w.checkedOn();
        Map<Long, BigDecimal> memberHourly = new HashMap<>();
        List<Pricing.Costed> costed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String at = "lines[" + i + "]";
            BigDecimal hourly = switch (line.source()) {
                case MANUAL -> line.hourlyCost();
                case MEMBER -> memberHourly.computeIfAbsent(line.memberOrgId(),
                        member -> memberHourly(orgId, w, member, parameters, at));
                case AGREEMENT -> agreementHourly(line, parameters, day, at + ".agreement");
            };
            costed.add(Pricing.cost(line, hourly));
        }
        Map<String, BigDecimal> budgets = new HashMap<>();
        w.tender().tender().lots().forEach(l -> l.budgetWithoutTaxes().ifPresent(b -> budgets.put(l.id(), b)));
        w.tender().tender().budgetWithoutTaxes().ifPresent(b -> budgets.put("", b));
        Map<Long, BigDecimal> shares = new LinkedHashMap<>();
        for (ConsortiumMember m : w.consortium().accepted()) {
            shares.put(m.getOrgId(), m.getShare());
        }
        return Pricing.price(parameters, costed, budgets, shares, codes.abnormallyLowAlone());
    }

    /** A member's employer cost of its latest consented year over its average staff and a full-time year's hours. */
    private BigDecimal memberHourly(long orgId, ConsortiumBids.Workspace w, long member, Parameters parameters,
            String field) {
        Solvency.Cost cost = solvency.costOf(orgId, w.consortium().getId(), member)
                .orElseThrow(() -> new InvalidTenderInputException(field + ".memberOrganisationId",
                        "pricing.member.cost", organisations.find(member).getName()));
        return cost.employerCost().divide(cost.averageStaff().multiply(parameters.annualHours()), 2,
                RoundingMode.HALF_UP);
    }

    /** The agreement's yearly salary of the category with the employer's contributions, over a year's hours. */
    private BigDecimal agreementHourly(Line line, Parameters parameters, LocalDate day, String field) {
        AgreementSalaries.Salary salary;
        try {
            salary = payroll.agreementSalaries().salary(line.agreement(), line.agreementCategory(), day)
                    .orElseThrow(() -> new InvalidTenderInputException(field, "pricing.agreement.table",
                            line.agreement(), line.agreementCategory(), day));
        } catch (NoRuleInForceException e) {
            throw new InvalidTenderInputException(field, "pricing.agreement.none", line.agreement(), day);
        }
        BigDecimal yearly = salary.monthlyBase().multiply(BigDecimal.valueOf(12L + salary.extraPayments()));
        BigDecimal withContributions = yearly.add(Pricing.percent(yearly, parameters.employerRate()));
        return withContributions.divide(parameters.annualHours(), 2, RoundingMode.HALF_UP);
    }
}
