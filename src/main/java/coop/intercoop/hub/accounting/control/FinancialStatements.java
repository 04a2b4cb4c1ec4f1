package coop.intercoop.hub.accounting.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import coop.intercoop.hub.accounting.entity.StatementSize;
import coop.intercoop.hub.accounting.entity.EquityChanges;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.accounting.entity.Movement;
import coop.intercoop.hub.accounting.entity.Statement;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The financial statements drawn up from the books: balance sheet and results account in the models of the
 * organisation's own plan, the template its chart was built from, of the size of annual accounts it chose
 * ({@link StatementModels}), summed from the maintained balances ({@link BalanceReads}); with the warning of
 * {@link AbbreviatedLimits} when it files abbreviated accounts past their limits.
 */
@Dependent
public class FinancialStatements {

    /**
     * The account the income and expense summed from the balances is set against in the statement of changes in equity:
     * outside every column.
     */
    private static final String OUTSIDE_EQUITY = "0";

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    StatementModels models;

    @Inject
    AbbreviatedLimits limits;

    /**
     * A financial statement drawn up from the books: every line of the model with its amount and, beside it, the
     * previous period's.
     *
     * @param size
     *            the size of the annual accounts the model is of: abbreviated or normal
     * @param warnings
     *            what the organisation should know about the statement, in the reader's language: that its books passed
     *            the limits of the abbreviated accounts at its last two closings
     * @param previousFrom
     *            the first day of the previous period, null when there is none
     * @param previousTo
     *            the last day of the previous period (for a balance sheet, the date of its figures), null when there is
     *            none
     */
    public record StatementReport(String model, @Schema(enumeration = {
            "abbreviated", "normal" }, description = "The size of the annual accounts the "
                    + "model is of, as the organisation chose it") String size,
            LocalDate from, LocalDate to,
            @JsonbNillable @Schema(nullable = true, description = "First day of the previous period; null when the "
                    + "organisation has no fiscal year there") LocalDate previousFrom,
            @JsonbNillable @Schema(nullable = true, description = "Last day of the previous period; null when the "
                    + "organisation has no fiscal year there") LocalDate previousTo,
            List<Statement.Amount> lines, List<String> warnings){

        /** The size as the reader's language words it. */
        public HubTexts.Text sizeText() {
            return StatementModels.text(StatementSize.of(size));
        }
    }

    /**
     * The balance sheet at {@code date}, in the plan's model of the organisation's size, beside the balance sheet at
     * the end of the fiscal year before the one containing the date (the last closing, which the official models
     * compare with). The year's surplus (groups 6 and 7 net) is shown in equity until the year is closed; the closing
     * journal's entries of the year-end (transfer of groups 8 and 9, regularisation and closing) are left out, so the
     * balance sheet at the year-end date shows the year as it closes rather than all zeros. The previous column is
     * empty in the organisation's first fiscal year.
     *
     * @throws FiscalYears.DateOutsideFiscalYearsException
     *             if no fiscal year of the organisation contains the date
     * @throws StatementModels.NoStatementModelException
     *             if the organisation's plan has no balance sheet model, or it is not installed
     */
    public StatementReport balanceSheet(LocalDate date, Locale language) {
        long org = tenant.id();
        try (Connection c = dataSource.getConnection()) {
            BalanceReads.Year year = BalanceReads.yearOf(c, org, date);
            BalanceReads.Plan plan = BalanceReads.plan(c, org);
            Statement model = models.of(plan.template(), plan.size(), StatementModels.Kind.BALANCE);
            BalanceReads.Chart chart = BalanceReads.chart(c, org);
            BalanceReads.Year before = BalanceReads.yearBefore(c, org, year.start());
            return new StatementReport(model.name(), sizeOf(plan), year.start(), date,
                    before == null ? null : before.start(), before == null ? null : before.end(),
                    model.evaluate(chart.byCode(balances(c, org, year, date)),
                            before == null ? null : chart.byCode(balances(c, org, before, before.end()))),
                    warnings(c, org, plan, chart, StatementModels.Kind.BALANCE, language));
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /**
     * The movements a balance sheet at a date of a fiscal year sums: those of the year up to the date, without the
     * closing journal's entries when the date is the year-end.
     */
    private static Map<Long, Movement> balances(Connection c, long org, BalanceReads.Year year, LocalDate date)
            throws SQLException {
        Map<Long, Movement> movements = BalanceReads.movements(c, org, year.start(), date, null);
        if (date.equals(year.end())) {
            BalanceReads.leaveOut(c, org, year.end(), Journal.CLOSING, movements);
        }
        return movements;
    }

    /**
     * The results account between two dates, in the plan's model of the organisation's size, beside that of the same
     * range one year earlier ({@link #aYearEarlier}). Each is the range's own movements, so the year-end entries of a
     * year ending in the range (transfer of groups 8 and 9, regularisation and closing, which would zero every income
     * and expense account and move groups 8 and 9 into subgroup 13) and the opening entry of a year starting in it
     * (last year's balances, not a change of equity) are left out. The previous column is empty when no fiscal year of
     * the organisation shares a day with the earlier range.
     *
     * @throws StatementModels.NoStatementModelException
     *             if the organisation's plan has no results account model, or it is not installed
     */
    public StatementReport results(LocalDate from, LocalDate to, Locale language) {
        BalanceReads.requireRange(from, to);
        long org = tenant.id();
        try (Connection c = dataSource.getConnection()) {
            BalanceReads.Plan plan = BalanceReads.plan(c, org);
            Statement model = models.of(plan.template(), plan.size(), StatementModels.Kind.RESULTS);
            BalanceReads.Chart chart = BalanceReads.chart(c, org);
            LocalDate previousFrom = from.minusYears(1);
            LocalDate previousTo = aYearEarlier(to);
            List<BalanceReads.Year> earlier = BalanceReads.yearsMeeting(c, org, previousFrom, previousTo);
            boolean previous = !earlier.isEmpty();
            return new StatementReport(model.name(), sizeOf(plan), from, to, previous ? previousFrom : null,
                    previous ? previousTo : null,
                    model.evaluate(
                            chart.byCode(ownMovements(c, org, from, to, BalanceReads.yearsMeeting(c, org, from, to))),
                            previous ? chart.byCode(ownMovements(c, org, previousFrom, previousTo, earlier)) : null),
                    warnings(c, org, plan, chart, StatementModels.Kind.RESULTS, language));
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /**
     * A statement of changes in equity drawn up from the books: the model's columns (the header, two levels where a
     * heading stands over columns), and its rows for the previous year and the year, each with the amounts of the leaf
     * columns and the total.
     *
     * @param year
     *            the fiscal year's label, the model's 200X
     * @param from
     *            the first day of the fiscal year
     * @param to
     *            its last day
     * @param previousFrom
     *            the first day of the previous fiscal year, null when there is none (its rows are then empty)
     * @param emptyRows
     *            the rows without an amount in either year, which norm 4.ª 2 of the PGC PYMES's tercera parte lets the
     *            statement leave out ({@link EquityChanges#blanks})
     * @param emptyColumns
     *            the columns, leaves and headings, without an amount in any row
     */
    public record EquityChangesReport(String model, @Schema(enumeration = {
            "abbreviated", "normal" }) String size, int year, LocalDate from, LocalDate to,
            @JsonbNillable @Schema(nullable = true, description = "First day of the previous fiscal year; null when the "
                    + "organisation has none") LocalDate previousFrom,
            @JsonbNillable @Schema(nullable = true, description = "Last day of the previous fiscal year; null when the "
                    + "organisation has none") LocalDate previousTo,
            List<EquityChanges.Column> columns, List<EquityChanges.Amounts> rows, List<String> emptyRows,
            List<String> emptyColumns){
    }

    /**
     * The statement of changes in equity of the fiscal year containing {@code date}, beside the previous fiscal year,
     * in the model of the organisation's plan and size (plans.csv, statement {@code equity}). Each year's changes are
     * its own entries, without the opening entry of its first day and the closing journal's entries of its last day, as
     * the results account reads them; the balances at the start are those of the first year's opening entry, so the
     * closing column of each year is the balance sheet's equity at its year-end. The entries that move an account of a
     * column other than the income and expense groups are read whole, to classify each movement by its other side; the
     * rest of the year's income and expense, set only against accounts outside equity, is read from the maintained
     * balances and enters the result as one sum.
     *
     * @throws FiscalYears.DateOutsideFiscalYearsException
     *             if no fiscal year of the organisation contains the date
     * @throws StatementModels.NoStatementModelException
     *             if the organisation's plan has no model of the statement (ESFL, PYMESFL) or it is not installed
     * @throws PreviousYearOpenException
     *             if the fiscal year before is not closed: the year's opening would not carry its balances, and the
     *             statement would not agree with the balance sheet
     */
    public EquityChangesReport equityChanges(LocalDate date) {
        long org = tenant.id();
        try (Connection c = dataSource.getConnection()) {
            BalanceReads.Year year = BalanceReads.yearOf(c, org, date);
            BalanceReads.Plan plan = BalanceReads.plan(c, org);
            EquityChanges model = models.equityChanges(plan.template(), plan.size());
            BalanceReads.Label label = BalanceReads.label(c, org, year);
            BalanceReads.Year before = BalanceReads.yearBefore(c, org, year.start());
            if (before != null && !before.end().plusDays(1).equals(year.start())) {
                before = null;
            }
            BalanceReads.Label previous = before == null ? null : BalanceReads.label(c, org, before);
            if (previous != null && !previous.closed()) {
                throw new PreviousYearOpenException(label.year(), previous.year());
            }
            BalanceReads.Chart chart = BalanceReads.chart(c, org);
            List<String> prefixes = model.columns().stream().flatMap(column -> column.accounts().stream())
                    .filter(prefix -> !isIncomeOrExpense(prefix)).toList();
            Map<String, BigDecimal> opening = new HashMap<>();
            chart.byCode(BalanceReads.journalOn(c, org, (before == null ? year : before).start(), Journal.OPENING))
                    .forEach((code, m) -> opening.put(code, m.debit().subtract(m.credit())));
            EquityChanges.Grid grid = model.compute(label.year(), opening,
                    before == null ? null : equityEntries(c, org, before, prefixes, chart),
                    equityEntries(c, org, year, prefixes, chart));
            EquityChanges.Blanks blanks = model.blanks(grid);
            return new EquityChangesReport(model.name(), sizeOf(plan), label.year(), year.start(), year.end(),
                    before == null ? null : before.start(), before == null ? null : before.end(), grid.columns(),
                    grid.rows(), blanks.rows(), blanks.columns());
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /** Whether an account prefix is of the groups of income and expense, 6 and 7. */
    private static boolean isIncomeOrExpense(String prefix) {
        return prefix.startsWith("6") || prefix.startsWith("7");
    }

    /**
     * A year's entries as the statement of changes in equity reads them: those with a line on a column's account
     * outside groups 6 and 7, whole, and one entry that sets the rest of the year's income and expense (its own
     * movements of groups 6 and 7, less the lines of those entries) against an account outside every column.
     */
    private static List<EquityChanges.Entry> equityEntries(Connection c, long org, BalanceReads.Year year,
            List<String> prefixes, BalanceReads.Chart chart) throws SQLException {
        List<EquityChanges.Entry> entries = new ArrayList<>(BalanceReads.entriesTouching(c, org, year, prefixes));
        BigDecimal rest = BigDecimal.ZERO;
        for (Map.Entry<String, Movement> each : chart
                .byCode(ownMovements(c, org, year.start(), year.end(), List.of(year))).entrySet()) {
            if (isIncomeOrExpense(each.getKey())) {
                rest = rest.add(each.getValue().debit()).subtract(each.getValue().credit());
            }
        }
        for (EquityChanges.Entry entry : entries) {
            for (EquityChanges.Posting line : entry.lines()) {
                if (isIncomeOrExpense(line.account())) {
                    rest = rest.subtract(line.debit()).add(line.credit());
                }
            }
        }
        if (rest.signum() != 0) {
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            entries.add(rest.signum() > 0
                    ? EquityChanges.Entry.of(new EquityChanges.Posting("6", rest, zero),
                            new EquityChanges.Posting(OUTSIDE_EQUITY, zero, rest))
                    : EquityChanges.Entry.of(new EquityChanges.Posting("7", zero, rest.negate()),
                            new EquityChanges.Posting(OUTSIDE_EQUITY, rest.negate(), zero)));
        }
        return entries;
    }

    /**
     * The statement of changes in equity of a year whose previous fiscal year is not closed: refused, naming both
     * years, rather than drawn up from balances the year's opening does not carry.
     */
    public static class PreviousYearOpenException extends HubException {
        private static final long serialVersionUID = 1L;

        PreviousYearOpenException(int year, int previous) {
            super(Kind.CONFLICT, "date", "report.equity.unclosed", new Object[] { year, previous });
        }
    }

    private static String sizeOf(BalanceReads.Plan plan) {
        return plan.size().code();
    }

    /**
     * The warning of an organisation on the abbreviated models whose books passed their limits for the statement at its
     * last two closings ({@link AbbreviatedLimits}), in the reader's language. The figures are the books' at each
     * close, in the plan's abbreviated models: the total assets of the balance sheet at the year-end without the
     * closing entries, the turnover measure summed from the lines of the year's own results account.
     */
    private List<String> warnings(Connection c, long org, BalanceReads.Plan plan, BalanceReads.Chart chart,
            StatementModels.Kind statement, Locale language) throws SQLException {
        if (plan.template() == null || plan.size() != StatementSize.ABBREVIATED) {
            return List.of();
        }
        AbbreviatedLimits.Limits limit = limits.of(plan.template(), statement).orElse(null);
        List<BalanceReads.Closed> closed = BalanceReads.lastClosed(c, org, 2);
        if (limit == null || closed.size() < 2) {
            return List.of();
        }
        return AbbreviatedLimits.warning(limit, closings(c, org, plan.template(), chart, limit, closed))
                .map(text -> HubTexts.format(text.bundle(), language, text.key(), text.arguments())).stream().toList();
    }

    /**
     * The books at each of these closes, in the plan's abbreviated models: the total assets of the balance sheet at the
     * year-end without the closing entries, and the turnover measure summed from the lines of the year's own results
     * account that the plan's limits name.
     */
    private List<AbbreviatedLimits.Closing> closings(Connection c, long org, String template, BalanceReads.Chart chart,
            AbbreviatedLimits.Limits limit, List<BalanceReads.Closed> closed) throws SQLException {
        Statement balance = models.of(template, StatementSize.ABBREVIATED, StatementModels.Kind.BALANCE);
        Statement results = models.of(template, StatementSize.ABBREVIATED, StatementModels.Kind.RESULTS);
        List<AbbreviatedLimits.Closing> closings = new ArrayList<>();
        for (BalanceReads.Closed each : closed) {
            BalanceReads.Year year = each.year();
            Map<String, BigDecimal> sheet = amounts(balance.evaluate(chart.byCode(balances(c, org, year, year.end()))));
            Map<String, BigDecimal> account = amounts(
                    results.evaluate(chart.byCode(ownMovements(c, org, year.start(), year.end(), List.of(year)))));
            BigDecimal turnover = BigDecimal.ZERO;
            for (String line : limit.turnoverLines()) {
                turnover = turnover.add(lineOf(account, line, results));
            }
            closings.add(new AbbreviatedLimits.Closing(each.label(), year.start(), year.end(),
                    lineOf(sheet, limit.assetsLine(), balance), turnover));
        }
        return closings;
    }

    /**
     * The turnover measure of the organisation named at each of its last {@code count} closed fiscal years, the earlier
     * first, as the abbreviated limits measure it (the lines of the plan's results model that {@code thresholds.csv}
     * names); none when its plan names no such lines. Reads the organisation it is given, not the request's: tenders'
     * solvency reads a consortium member's books with that member's consent.
     */
    public List<AbbreviatedLimits.Closing> closedTurnovers(long org, int count) {
        try (Connection c = dataSource.getConnection()) {
            BalanceReads.Plan plan = BalanceReads.plan(c, org);
            if (plan.template() == null) {
                return List.of();
            }
            AbbreviatedLimits.Limits limit = limits.of(plan.template(), StatementModels.Kind.RESULTS).orElse(null);
            if (limit == null) {
                return List.of();
            }
            return closings(c, org, plan.template(), BalanceReads.chart(c, org), limit,
                    BalanceReads.lastClosed(c, org, count));
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    private static Map<String, BigDecimal> amounts(List<Statement.Amount> lines) {
        Map<String, BigDecimal> amounts = new HashMap<>();
        lines.forEach(line -> amounts.put(line.code(), line.amount()));
        return amounts;
    }

    /** A line's amount; a line the limits name that the model lacks is the installation's mistake. */
    private static BigDecimal lineOf(Map<String, BigDecimal> amounts, String code, Statement model) {
        BigDecimal amount = amounts.get(code);
        if (amount == null) {
            throw new Statement.InvalidStatementFileException(AbbreviatedLimits.FILE + ".csv",
                    "names the line " + code + ", which the model " + model.name() + " does not have");
        }
        return amount;
    }

    /**
     * The same day a year earlier; the last day of a month stays the last day of its month, so that a range ending on
     * 28 February 2025 is compared with one ending on 29 February 2024.
     */
    static LocalDate aYearEarlier(LocalDate day) {
        LocalDate earlier = day.minusYears(1);
        return day.getDayOfMonth() == day.lengthOfMonth() ? earlier.withDayOfMonth(earlier.lengthOfMonth()) : earlier;
    }

    /**
     * A range's own movements: without the closing journal's entries on the last day of a fiscal year ending in it and
     * the opening journal's entries on the first day of one starting in it.
     *
     * @param years
     *            the fiscal years that share a day with the range
     */
    private static Map<Long, Movement> ownMovements(Connection c, long org, LocalDate from, LocalDate to,
            List<BalanceReads.Year> years) throws SQLException {
        Map<Long, Movement> movements = BalanceReads.movements(c, org, from, to, null);
        for (BalanceReads.Year year : years) {
            if (!year.end().isAfter(to)) {
                BalanceReads.leaveOut(c, org, year.end(), Journal.CLOSING, movements);
            }
            if (!year.start().isBefore(from)) {
                BalanceReads.leaveOut(c, org, year.start(), Journal.OPENING, movements);
            }
        }
        return movements;
    }
}
