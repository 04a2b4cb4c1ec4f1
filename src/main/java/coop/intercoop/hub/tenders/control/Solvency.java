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
import coop.intercoop.hub.tenders.entity.SolvencyRules;

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
     * cost of a year's payroll (for the pricing of a bid), the services it performed in a year.
     */
    public enum Figure {
        TURNOVER, STAFF, COST, SERVICES
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
    ServiceRecords serviceRecords;

    @Inject
    ConsortiumBids bids;

    @Inject
    TenderCodes codes;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    /** What a member consented to: the years of each figure. */
    public record Consent(TreeSet<Integer> turnover, TreeSet<Integer> staff, TreeSet<Integer> cost,
            TreeSet<Integer> services) {
    }

    /** A year's turnover of a member. */
    public record Turnover(int year, LocalDate start, LocalDate end, BigDecimal amount) {
    }

    /** A service a member performed, and whether it is of a nature similar to the bid's contract. */
    public record Service(ServiceRecords.Performed performed, boolean similar) {
    }

    /** A year's amount of a member's similar services. */
    public record ServiceYear(int year, BigDecimal amount) {
    }

    /**
     * A member's figures, as its consent lets the consortium read them: its turnover, its staff, and the services it
     * performed in the consented years of the last three (each marked similar or not), each year's amount of the
     * similar ones and the best of those years.
     */
    public record MemberFigures(long orgId, Consent consent, List<Turnover> turnover, Optional<Turnover> best,
            List<Workforce.Staff> staff, List<Service> services, List<ServiceYear> servicesByYear,
            Optional<ServiceYear> bestServices) {
    }

    /**
     * The consortium's solvency: each member's figures, and the sums of the best turnovers, of each year's staff and of
     * the members' best years of similar services (each member's accredited figure accumulated, art. 69 and RGLCAP art.
     * 24); with the bid's tender, the requirements its clauses leave to the law, and whether the sums meet them.
     */
    public record Report(List<MemberFigures> members, BigDecimal turnover, List<Workforce.Staff> staff,
            BigDecimal services, Optional<Against> against) {
    }

    /**
     * The bid's contract as the solvency is set against it: its CPV codes (the lots' the bid aims at, else the folder's
     * and its lots'), the services' period, the default requirements and whether the sums meet them.
     */
    public record Against(List<String> cpvs, LocalDate servicesFrom, LocalDate servicesTo,
            SolvencyRules.Requirements requirements, Optional<Boolean> turnoverMet, Optional<Boolean> servicesMet) {
    }

    /**
     * The organisation's consent to the consortium, now these years: the years left out are withdrawn at once.
     *
     * @throws InvalidTenderInputException
     *             for a year before 1900 or after this one, every one at once
     */
    public Consent consent(long orgId, long consortiumId, Collection<Integer> turnover, Collection<Integer> staff,
            Collection<Integer> cost, Collection<Integer> services) {
        consortia.find(orgId, consortiumId);
        Refusals refusals = new Refusals();
        int now = LocalDate.now().getYear();
        turnover.stream().filter(y -> y == null || y < 1900 || y > now)
                .forEach(y -> refusals.add(new InvalidTenderInputException("turnover", "solvency.year", y, now)));
        staff.stream().filter(y -> y == null || y < 1900 || y > now)
                .forEach(y -> refusals.add(new InvalidTenderInputException("staff", "solvency.year", y, now)));
        cost.stream().filter(y -> y == null || y < 1900 || y > now)
                .forEach(y -> refusals.add(new InvalidTenderInputException("cost", "solvency.year", y, now)));
        services.stream().filter(y -> y == null || y < 1900 || y > now)
                .forEach(y -> refusals.add(new InvalidTenderInputException("services", "solvency.year", y, now)));
        refusals.throwIfAny();
        Consent consent = new Consent(new TreeSet<>(turnover), new TreeSet<>(staff), new TreeSet<>(cost),
                new TreeSet<>(services));
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
                        Figure.STAFF, consent.staff(), Figure.COST, consent.cost(), Figure.SERVICES, consent.services())
                        .entrySet()) {
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
                "turnover " + consent.turnover() + ", staff " + consent.staff() + ", cost " + consent.cost()
                        + ", services " + consent.services());
        return consent;
    }

    /**
     * The consortium's solvency as its members consented, read by a member; each member whose figures are read has the
     * read recorded in its own audit log.
     */
    public Report report(long orgId, long consortiumId) {
        Consortium consortium = consortia.find(orgId, consortiumId);
        Optional<ConsortiumBids.Workspace> bid = bids.ifAny(orgId, consortiumId);
        Contract contract = contract(bid);
        List<MemberFigures> members = new ArrayList<>();
        for (ConsortiumMember member : consortium.accepted()) {
            members.add(figures(orgId, consortiumId, member.getOrgId(), contract));
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
        BigDecimal services = members.stream().flatMap(m -> m.bestServices().stream()).map(ServiceYear::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        Optional<Against> against = bid.map(w -> {
            SolvencyRules.Requirements required = contract.rules().requirements(contract.value(),
                    w.tender().tender().duration());
            return new Against(contract.cpvs(), contract.from(), contract.to(), required,
                    required.turnover().map(t -> total.compareTo(t) >= 0),
                    required.services().map(t -> services.compareTo(t) >= 0));
        });
        return new Report(members, total, List.copyOf(byYear.values()), services, against);
    }

    /**
     * What a member's services are set against: the rules, the contract's CPV codes (none without a bid: every service
     * counts), its value, and the period of the services (the years the rules name back from the deadline, or today).
     */
    private record Contract(SolvencyRules rules, List<String> cpvs, Optional<BigDecimal> value, LocalDate from,
            LocalDate to) {
    }

    private Contract contract(Optional<ConsortiumBids.Workspace> bid) {
        SolvencyRules rules = codes.solvencyRules();
        LocalDate to = bid.map(ConsortiumBids.Workspace::checkedOn).orElse(LocalDate.now(Watches.PENINSULAR));
        if (bid.isEmpty()) {
            return new Contract(rules, List.of(), Optional.empty(), rules.servicesFrom(to), to);
        }
        var tender = bid.get().tender().tender();
        List<String> aimed = bid.get().bid().getLots();
        List<coop.intercoop.hub.tenders.entity.Tender.Lot> lots = tender.lots().stream()
                .filter(l -> aimed.isEmpty() || aimed.contains(l.id())).toList();
        List<String> cpvs = new ArrayList<>(aimed.isEmpty() ? tender.cpvs() : List.of());
        lots.forEach(l -> cpvs.addAll(l.cpvs()));
        Optional<BigDecimal> value = aimed.isEmpty() ? tender.estimatedValue().or(tender::budgetWithoutTaxes)
                : lots.stream().map(l -> l.budgetWithoutTaxes()).reduce(Optional.of(BigDecimal.ZERO),
                        (a, b) -> a.flatMap(x -> b.map(x::add)));
        return new Contract(rules, cpvs.stream().distinct().toList(), value, rules.servicesFrom(to), to);
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
        return figures(orgId, consortiumId, memberOrgId, contract(bids.ifAny(orgId, consortiumId)));
    }

    private MemberFigures figures(long orgId, long consortiumId, long org, Contract contract) {
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
        List<Service> services = new ArrayList<>();
        List<ServiceYear> servicesByYear = new ArrayList<>();
        if (!consent.services().isEmpty()) {
            for (ServiceRecords.Performed p : serviceRecords.of(org, contract.from(), contract.to())) {
                services.add(new Service(p,
                        contract.cpvs().isEmpty() || contract.rules().similar(p.cpvs(), contract.cpvs())));
            }
            SolvencyRules.byYear(
                    services.stream().filter(Service::similar).map(Service::performed)
                            .map(p -> new SolvencyRules.Performed(p.started(), p.ended(), p.amount())).toList(),
                    contract.from(), contract.to()).forEach((year, amount) -> {
                        if (consent.services().contains(year)) {
                            servicesByYear.add(new ServiceYear(year, amount));
                        }
                    });
            services.removeIf(s -> consent.services().stream().noneMatch(year -> performedIn(s.performed(), year)));
        }
        if (!turnover.isEmpty() || !staff.isEmpty() || !services.isEmpty()) {
            audit.record(org, "solvency.read", "consortium", String.valueOf(consortiumId),
                    "by organisation " + orgId + ": turnover " + consent.turnover() + ", staff " + consent.staff()
                            + ", services " + consent.services());
        }
        return new MemberFigures(org, consent, turnover, turnover.stream().max(Comparator.comparing(Turnover::amount)),
                staff, services, servicesByYear,
                servicesByYear.stream().max(Comparator.comparing(ServiceYear::amount)));
    }

    /** Whether a service has days in the year. */
    private static boolean performedIn(ServiceRecords.Performed p, int year) {
        return p.started().getYear() <= year && p.ended().map(e -> e.getYear() >= year).orElse(true);
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
        TreeSet<Integer> services = new TreeSet<>();
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
                        case SERVICES -> services.add(r.getInt(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The consents could not be read", e);
        }
        return new Consent(turnover, staff, cost, services);
    }
}
