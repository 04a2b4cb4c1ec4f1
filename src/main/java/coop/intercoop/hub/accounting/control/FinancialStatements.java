package coop.intercoop.hub.accounting.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.accounting.entity.Movement;
import coop.intercoop.hub.accounting.entity.Statement;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The financial statements drawn up from the books: balance sheet and results account in the models of the
 * organisation's own plan, the template its chart was built from ({@link StatementModels}), summed from the maintained
 * balances ({@link BalanceReads}).
 */
@Dependent
public class FinancialStatements {

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    StatementModels models;

    /** A financial statement drawn up from the books: every line of the model with its amount. */
    public record StatementReport(String model, LocalDate from, LocalDate to, List<Statement.Amount> lines) {
    }

    /**
     * The balance sheet at {@code date}, in the plan's abbreviated model. The year's surplus (groups 6 and 7 net) is
     * shown in equity until the year is closed; the closing journal's entries of the year-end (transfer of groups 8 and
     * 9, regularisation and closing) are left out, so the balance sheet at the year-end date shows the year as it
     * closes rather than all zeros.
     *
     * @throws FiscalYears.DateOutsideFiscalYearsException
     *             if no fiscal year of the organisation contains the date
     * @throws StatementModels.NoStatementModelException
     *             if the organisation's plan has no balance sheet model, or it is not installed
     */
    public StatementReport balanceSheet(LocalDate date) {
        long org = tenant.id();
        try (Connection c = dataSource.getConnection()) {
            BalanceReads.Year year = BalanceReads.yearOf(c, org, date);
            Map<Long, Movement> movements = BalanceReads.movements(c, org, year.start(), date, null);
            if (date.equals(year.end())) {
                BalanceReads.leaveOut(c, org, year.end(), Journal.CLOSING, movements);
            }
            Statement model = models.of(BalanceReads.template(c, org), StatementModels.Kind.BALANCE);
            return new StatementReport(model.name(), year.start(), date,
                    model.evaluate(BalanceReads.chart(c, org).byCode(movements)));
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /**
     * The results account between two dates, in the plan's abbreviated model: the year's own movements, so the year-end
     * entries of a year ending in the range (transfer of groups 8 and 9, regularisation and closing, which would zero
     * every income and expense account and move groups 8 and 9 into subgroup 13) and the opening entry of a year
     * starting in it (last year's balances, not a change of equity) are left out.
     *
     * @throws StatementModels.NoStatementModelException
     *             if the organisation's plan has no results account model, or it is not installed
     */
    public StatementReport results(LocalDate from, LocalDate to) {
        BalanceReads.requireRange(from, to);
        long org = tenant.id();
        try (Connection c = dataSource.getConnection()) {
            Map<Long, Movement> movements = BalanceReads.movements(c, org, from, to, null);
            List<LocalDate> ends = new ArrayList<>();
            List<LocalDate> starts = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT start_date, end_date FROM fiscal_year "
                    + "WHERE org_id = ? AND (end_date BETWEEN ? AND ? OR start_date BETWEEN ? AND ?)")) {
                s.setLong(1, org);
                s.setDate(2, Date.valueOf(from));
                s.setDate(3, Date.valueOf(to));
                s.setDate(4, Date.valueOf(from));
                s.setDate(5, Date.valueOf(to));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        LocalDate start = r.getDate(1).toLocalDate();
                        LocalDate end = r.getDate(2).toLocalDate();
                        if (!start.isBefore(from) && !start.isAfter(to)) {
                            starts.add(start);
                        }
                        if (!end.isBefore(from) && !end.isAfter(to)) {
                            ends.add(end);
                        }
                    }
                }
            }
            for (LocalDate end : ends) {
                BalanceReads.leaveOut(c, org, end, Journal.CLOSING, movements);
            }
            for (LocalDate start : starts) {
                BalanceReads.leaveOut(c, org, start, Journal.OPENING, movements);
            }
            Statement model = models.of(BalanceReads.template(c, org), StatementModels.Kind.RESULTS);
            return new StatementReport(model.name(), from, to,
                    model.evaluate(BalanceReads.chart(c, org).byCode(movements)));
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }
}
