package coop.intercoop.hub.tenders.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.control.AbbreviatedLimits;
import coop.intercoop.hub.accounting.control.FinancialStatements;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.payroll.control.Workforce;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.platform.Refusals;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Consortia;
import coop.intercoop.hub.tenancy.entity.Consortium;
import coop.intercoop.hub.tenancy.entity.ConsortiumMember;
import coop.intercoop.hub.tenders.entity.InvalidTenderInputException;

/**
 * A consortium's solvency from its members' own data, with their consent: each member names the years whose turnover
 * (of a closed fiscal year, from its books, {@link FinancialStatements#closedTurnovers}) and average staff (from its
 * contracts, {@link Workforce}) the consortium may read; the figures are worked out when read, every read recorded in
 * the member's own audit log, and a withdrawn consent removes them at once. A member's turnover is the best of the
 * years it consented to among its last three closed ones (Ley 9/2017 art. 87.1.a: the best of the last three available
 * years); the consortium's is the sum of its members' (art. 69 and RGLCAP art. 24: a temporary union's solvency is its
 * members' together), and so is its staff of a year, with the share of it with a disability or in a work-integration
 * itinerary (disposición adicional cuarta's 30 % for reserved contracts).
 */
@Dependent
public class Solvency {

    /** The closed fiscal years whose turnover counts (Ley 9/2017 art. 87.1.a). */
    public static final int TURNOVER_YEARS = 3;

    /**
     * A figure a member consents to: the turnover of a closed fiscal year, the average staff of a year, the employer's
     * cost of a year's payroll (for the pricing of a bid).
     */
    public enum Figure {
        TURNOVER, STAFF, COST
    }

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Consortia consortia;

    @Inject
    FinancialStatements statements;

    @Inject
    Workforce workforce;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    /** What a member consented to: the years of each figure. */
    public record Consent(TreeSet<Integer> turnover, TreeSet<Integer> staff, TreeSet<Integer> cost) {
    }

    /** A year's turnover of a member. */
    public record Turnover(int year, LocalDate start, LocalDate end, BigDecimal amount) {
    }

    /** A member's figures, as its consent lets the consortium read them. */
    public record MemberFigures(long orgId, Consent consent, List<Turnover> turnover, Optional<Turnover> best,
            List<Workforce.Staff> staff) {
    }

    /**
     * The consortium's solvency: each member's figures, and the sums of the best turnovers and of each year's staff.
     */
    public record Report(List<MemberFigures> members, BigDecimal turnover, List<Workforce.Staff> staff) {
    }

    /**
     * The organisation's consent to the consortium, now these years: the years left out are withdrawn at once.
     *
     * @throws InvalidTenderInputException
     *             for a year before 1900 or after this one, every one at once
     */
    public Consent consent(long orgId, long consortiumId, Collection<Integer> turnover, Collection<Integer> staff,
            Collection<Integer> cost) {
        consortia.find(orgId, consortiumId);
        Refusals refusals = new Refusals();
        int now = LocalDate.now().getYear();
        turnover.stream().filter(y -> y == null || y < 1900 || y > now)
                .forEach(y -> refusals.add(new InvalidTenderInputException("turnover", "solvency.year", y, now)));
        staff.stream().filter(y -> y == null || y < 1900 || y > now)
                .forEach(y -> refusals.add(new InvalidTenderInputException("staff", "solvency.year", y, now)));
        cost.stream().filter(y -> y == null || y < 1900 || y > now)
                .forEach(y -> refusals.add(new InvalidTenderInputException("cost", "solvency.year", y, now)));
        refusals.throwIfAny();
        Consent consent = new Consent(new TreeSet<>(turnover), new TreeSet<>(staff), new TreeSet<>(cost));
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c
                    .prepareStatement("DELETE FROM solvency_consent WHERE consortium_id = ? AND org_id = ?")) {
                s.setLong(1, consortiumId);
                s.setLong(2, orgId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO solvency_consent (consortium_id, org_id, figure,"
                    + " year, granted_by, granted_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                Timestamp at = Timestamp.from(Instant.now());
                for (Map.Entry<Figure, TreeSet<Integer>> figure : Map.of(Figure.TURNOVER, consent.turnover(),
                        Figure.STAFF, consent.staff(), Figure.COST, consent.cost()).entrySet()) {
                    for (int year : figure.getValue()) {
                        s.setLong(1, consortiumId);
                        s.setLong(2, orgId);
                        s.setString(3, figure.getKey().name());
                        s.setInt(4, year);
                        s.setLong(5, caller.user().getId());
                        s.setTimestamp(6, at);
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The consent could not be stored", e);
        }
        audit.record(orgId, "solvency.consented", "consortium", String.valueOf(consortiumId),
                "turnover " + consent.turnover() + ", staff " + consent.staff() + ", cost " + consent.cost());
        return consent;
    }

    /**
     * The consortium's solvency as its members consented, read by a member; each member whose figures are read has the
     * read recorded in its own audit log.
     */
    public Report report(long orgId, long consortiumId) {
        Consortium consortium = consortia.find(orgId, consortiumId);
        List<MemberFigures> members = new ArrayList<>();
        for (ConsortiumMember member : consortium.accepted()) {
            members.add(figures(orgId, consortiumId, member.getOrgId()));
        }
        BigDecimal total = members.stream().flatMap(m -> m.best().stream()).map(Turnover::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        Map<Integer, Workforce.Staff> byYear = new TreeMap<>();
        for (MemberFigures m : members) {
            for (Workforce.Staff s : m.staff()) {
                byYear.merge(s.year(), s,
                        (a, b) -> new Workforce.Staff(a.year(), a.average().add(b.average()),
                                a.withDisability().add(b.withDisability()), a.inIntegration().add(b.inIntegration()),
                                a.either().add(b.either())));
            }
        }
        return new Report(members, total, List.copyOf(byYear.values()));
    }

    /**
     * One member's figures as it consented, read by a member of the consortium; the read is recorded in the member's
     * own audit log.
     */
    public MemberFigures figuresOf(long orgId, long consortiumId, long memberOrgId) {
        Consortium consortium = consortia.find(orgId, consortiumId);
        if (!consortium.accepted().stream().anyMatch(m -> m.getOrgId() == memberOrgId)) {
            throw new NotFoundException("organisation", memberOrgId);
        }
        return figures(orgId, consortiumId, memberOrgId);
    }

    private MemberFigures figures(long orgId, long consortiumId, long org) {
        Consent consent = consent(consortiumId, org);
        List<Turnover> turnover = new ArrayList<>();
        if (!consent.turnover().isEmpty()) {
            for (AbbreviatedLimits.Closing closing : statements.closedTurnovers(org, TURNOVER_YEARS)) {
                if (consent.turnover().contains(closing.year())) {
                    turnover.add(new Turnover(closing.year(), closing.start(), closing.end(), closing.turnover()));
                }
            }
        }
        List<Workforce.Staff> staff = consent.staff().stream().map(year -> workforce.staff(org, year)).toList();
        if (!turnover.isEmpty() || !staff.isEmpty()) {
            audit.record(org, "solvency.read", "consortium", String.valueOf(consortiumId),
                    "by organisation " + orgId + ": turnover " + consent.turnover() + ", staff " + consent.staff());
        }
        return new MemberFigures(org, consent, turnover, turnover.stream().max(Comparator.comparing(Turnover::amount)),
                staff);
    }

    /** A member's employer cost of a year's payroll and its average staff that year. */
    public record Cost(int year, BigDecimal employerCost, BigDecimal averageStaff) {
    }

    /**
     * A member's payroll cost of the latest year it consented to whose payroll and staff are not nil, read by a member
     * of the consortium for the bid's pricing; the read is recorded in the member's own audit log.
     */
    public Optional<Cost> costOf(long orgId, long consortiumId, long memberOrgId) {
        Consortium consortium = consortia.find(orgId, consortiumId);
        if (!consortium.accepted().stream().anyMatch(m -> m.getOrgId() == memberOrgId)) {
            throw new NotFoundException("organisation", memberOrgId);
        }
        for (int year : consent(consortiumId, memberOrgId).cost().descendingSet()) {
            BigDecimal cost = workforce.employerCost(memberOrgId, year);
            BigDecimal average = workforce.staff(memberOrgId, year).average();
            if (cost.signum() > 0 && average.signum() > 0) {
                audit.record(memberOrgId, "solvency.read", "consortium", String.valueOf(consortiumId),
                        "by organisation " + orgId + ": payroll cost " + year + " for the bid's pricing");
                return Optional.of(new Cost(year, cost, average));
            }
        }
        return Optional.empty();
    }

    /** The organisation's own consent to the consortium. */
    public Consent consentOf(long orgId, long consortiumId) {
        consortia.find(orgId, consortiumId);
        return consent(consortiumId, orgId);
    }

    private Consent consent(long consortiumId, long org) {
        TreeSet<Integer> turnover = new TreeSet<>();
        TreeSet<Integer> staff = new TreeSet<>();
        TreeSet<Integer> cost = new TreeSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT figure, year FROM solvency_consent WHERE consortium_id = ? AND org_id = ?")) {
            s.setLong(1, consortiumId);
            s.setLong(2, org);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    switch (Figure.valueOf(r.getString(1))) {
                        case TURNOVER -> turnover.add(r.getInt(2));
                        case STAFF -> staff.add(r.getInt(2));
                        case COST -> cost.add(r.getInt(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The consents could not be read", e);
        }
        return new Consent(turnover, staff, cost);
    }
}
