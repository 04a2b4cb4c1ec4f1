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

import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.accounting.entity.Movement;
import coop.intercoop.hub.accounting.entity.Statement;
import coop.intercoop.hub.platform.Database;
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
            return StatementModels.text(StatementModels.Size.of(size));
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
        if (plan.template() == null || plan.size() != StatementModels.Size.ABBREVIATED) {
            return List.of();
        }
        AbbreviatedLimits.Limits limit = limits.of(plan.template(), statement).orElse(null);
        List<BalanceReads.Closed> closed = BalanceReads.lastClosed(c, org, 2);
        if (limit == null || closed.size() < 2) {
            return List.of();
        }
        Statement balance = models.of(plan.template(), StatementModels.Size.ABBREVIATED, StatementModels.Kind.BALANCE);
        Statement results = models.of(plan.template(), StatementModels.Size.ABBREVIATED, StatementModels.Kind.RESULTS);
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
            closings.add(
                    new AbbreviatedLimits.Closing(each.label(), lineOf(sheet, limit.assetsLine(), balance), turnover));
        }
        return AbbreviatedLimits.warning(limit, closings)
                .map(text -> HubTexts.format(text.bundle(), language, text.key(), text.arguments())).stream().toList();
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
