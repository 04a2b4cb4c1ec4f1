package coop.intercoop.hub.accounting.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.entity.InvalidEntryException;
import coop.intercoop.hub.accounting.entity.InvalidReportException;
import coop.intercoop.hub.accounting.entity.Movement;
import coop.intercoop.hub.accounting.entity.ReportLevel;
import coop.intercoop.hub.accounting.entity.TrialBalance;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.ForbiddenException;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.CallerOrganisations;
import coop.intercoop.hub.tenancy.control.Consortia;
import coop.intercoop.hub.tenancy.control.Organisations;
import coop.intercoop.hub.tenancy.entity.Consortium;
import coop.intercoop.hub.tenancy.entity.ConsortiumMember;
import coop.intercoop.hub.tenancy.entity.Organisation;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * Trial balances summed over several organisations, for the API and the portal alike: over organisations of the
 * caller's, or over the accepted members of a consortium. Which organisations take part is answered by tenancy
 * ({@link CallerOrganisations}) from the caller's memberships as they are now, with the roles the boundary names: an
 * organisation named that the caller does not read is refused as if it did not exist (DESIGN rule 1).
 * <p>
 * Belonging to a consortium shares no books: the caller reaches the consortium through an organisation of theirs that
 * is an accepted member, and its figures sum only the members whose books the caller reads in their own right; the
 * others are named as left out, without a figure.
 */
@Dependent
public class Consolidation {

    /** The most organisations one consolidated report sums. */
    public static final int MAX_ORGANISATIONS = 100;

    /**
     * A trial balance summed over several organisations, per account code.
     *
     * @param periods
     *            the range each organisation's figures cover, in the order of {@code organisations}
     */
    public record Consolidated(LocalDate date, String level, List<Long> organisations, List<Span> periods,
            List<TrialBalance.Row> rows, TrialBalance.Totals totals) {
    }

    /** The range of one organisation's figures in a consolidated report: its fiscal year's first day to the date. */
    public record Span(long organisation, LocalDate from, LocalDate to) {
    }

    /** A member organisation, as the consortium's members see it. */
    public record Party(long id, String taxId, String name) {
    }

    /**
     * @param included
     *            the accepted members summed
     * @param leftOut
     *            the accepted members whose books the caller does not keep or audit, not summed
     */
    public record ConsortiumTrialBalance(long consortiumId, String consortium, boolean formed, List<Party> included,
            List<Party> leftOut, Consolidated trialBalance) {
    }

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    CallerOrganisations callerOrganisations;

    @Inject
    Consortia consortia;

    @Inject
    Organisations organisations;

    /**
     * The trial balance at {@code date} summed over the organisations asked for, each one of the caller's where they
     * hold one of {@code readers}.
     *
     * @throws NotFoundException
     *             naming the first organisation asked for that is not one of those, as if it did not exist
     * @throws InvalidReportException
     *             if none, or more than {@value #MAX_ORGANISATIONS}, are asked for, or naming the organisation that has
     *             no fiscal year containing the date
     */
    public Consolidated trialBalance(Collection<Long> asked, LocalDate date, ReportLevel level, Role... readers) {
        List<Long> checked = callerOrganisations.check(asked, readers).stream().map(CallerOrganisations.Member::orgId)
                .toList();
        if (checked.isEmpty() || checked.size() > MAX_ORGANISATIONS) {
            throw new InvalidReportException("orgs", "report.orgs.count", MAX_ORGANISATIONS);
        }
        return sum(checked, date, level);
    }

    /**
     * The trial balance at {@code date} of a consortium's accepted members where the caller holds one of
     * {@code readers}, naming the others as left out.
     *
     * @param checkedOrg
     *            the organisation the request was checked in, through which the consortium is reached
     *
     * @throws NotFoundException
     *             unless that organisation is an accepted member of the consortium
     * @throws ForbiddenException
     *             if the caller reads the books of none of the accepted members
     */
    public ConsortiumTrialBalance consortiumTrialBalance(long checkedOrg, long consortiumId, LocalDate date,
            ReportLevel level, Role... readers) {
        Consortium consortium = consortia.find(checkedOrg, consortiumId);
        CallerOrganisations.Split split = callerOrganisations
                .split(consortium.accepted().stream().map(ConsortiumMember::getOrgId).toList(), readers);
        if (split.included().isEmpty()) {
            throw new ForbiddenException(new HubTexts.Text(InvalidEntryException.REFUSALS, "consortium.books.none"));
        }
        return new ConsortiumTrialBalance(consortium.getId(), consortium.getName(), consortium.isFormed(),
                parties(split.included()), parties(split.leftOut()), sum(split.included(), date, level));
    }

    /** The organisations with their names and tax ids, in the order given. */
    public List<Party> parties(List<Long> ids) {
        return ids.stream().map(organisations::find).map(Consolidation::party).toList();
    }

    private static Party party(Organisation o) {
        return new Party(o.getId(), o.getTaxId(), o.getName());
    }

    /**
     * The trial balance at {@code date} of each organisation, summed per account code at the level. Each organisation's
     * balances are read with its own predicate, from the first day of its own fiscal year containing the date. A row is
     * labelled by {@link #consolidatedName}, never with the name one organisation happens to give it.
     *
     * @param checkedOrganisations
     *            organisations whose books the caller was found entitled to read; never ids taken from a request as
     *            they are
     *
     * @throws InvalidReportException
     *             naming the organisation that has no fiscal year containing the date
     */
    private Consolidated sum(List<Long> checkedOrganisations, LocalDate date, ReportLevel level) {
        Map<String, Movement> byCode = new HashMap<>();
        Map<String, Set<String>> names = new HashMap<>();
        Set<String> templateCodes = new HashSet<>();
        List<Span> periods = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (long org : checkedOrganisations) {
                BalanceReads.Year year;
                try {
                    year = BalanceReads.yearOf(c, org, date);
                } catch (FiscalYears.DateOutsideFiscalYearsException e) {
                    throw new InvalidReportException("date", "report.orgs.no-year", org, date);
                }
                periods.add(new Span(org, year.start(), date));
                BalanceReads.Chart chart = BalanceReads.chart(c, org);
                chart.byCode(BalanceReads.movements(c, org, year.start(), date, null)).forEach((code, m) -> {
                    byCode.merge(code, m, Movement::plus);
                    // the row's own code, and every account above it, for the label of a subaccount
                    for (int length = 1; length <= code.length(); length++) {
                        String above = code.substring(0, length);
                        String name = chart.nameOf(above);
                        if (name != null) {
                            names.computeIfAbsent(above, k -> new TreeSet<>()).add(name);
                            if (chart.fromTemplate().contains(above)) {
                                templateCodes.add(above);
                            }
                        }
                    }
                });
            }
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
        TrialBalance summed = TrialBalance.of(date, date, level, byCode,
                code -> consolidatedName(code, names, templateCodes));
        return new Consolidated(date, level.code(), List.copyOf(checkedOrganisations), List.copyOf(periods),
                summed.rows(), summed.totals());
    }

    /**
     * The label of a code summed over several organisations. An account of the chart templates bears the template's
     * name (accounts of a template are never renamed); organisations whose charts come from templates that name it
     * differently get every name, joined by " / ". An organisation's own subaccount bears the name the organisations
     * give it when they all give the same one; when they do not, no organisation's name is picked: the label names the
     * account it divides, e.g. "Subcuenta de 572 Bancos e instituciones de crédito c/c vista, euros (nombre distinto en
     * cada organización)".
     *
     * @param names
     *            per code, the names the organisations give it
     * @param templateCodes
     *            the codes that are accounts of a template in one organisation at least
     *
     * @return null if no organisation has the code
     */
    static String consolidatedName(String code, Map<String, Set<String>> names, Set<String> templateCodes) {
        Set<String> given = names.getOrDefault(code, Set.of());
        if (given.size() <= 1 || templateCodes.contains(code)) {
            return given.isEmpty() ? null : String.join(" / ", given);
        }
        for (int length = code.length() - 1; length > 0; length--) {
            String above = code.substring(0, length);
            if (names.containsKey(above)) {
                return "Subcuenta de " + above + " " + String.join(" / ", names.get(above))
                        + " (nombre distinto en cada organización)";
            }
        }
        return "Subcuenta con nombre distinto en cada organización";
    }
}
