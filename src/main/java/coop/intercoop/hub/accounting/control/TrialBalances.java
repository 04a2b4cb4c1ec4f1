package coop.intercoop.hub.accounting.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.accounting.entity.Movement;
import coop.intercoop.hub.accounting.entity.ReportLevel;
import coop.intercoop.hub.accounting.entity.TrialBalance;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The trial balance (balance de sumas y saldos) of the organisation at a date, from the maintained balances
 * ({@link BalanceReads}).
 */
@Dependent
public class TrialBalances {

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    /**
     * The trial balance at {@code date}: movements from the first day of its fiscal year to the date, without the
     * entries {@code excluded} names. The closing entries are those of the year's last day, so they are left out only
     * at that date, the same entries {@link FinancialStatements#balanceSheet} leaves out there; the opening entry is
     * that of the year's first day.
     *
     * @throws FiscalYears.DateOutsideFiscalYearsException
     *             if no fiscal year of the organisation contains the date
     */
    public TrialBalance trialBalance(LocalDate date, ReportLevel level, TrialBalance.Excluded excluded) {
        long org = tenant.id();
        try (Connection c = dataSource.getConnection()) {
            BalanceReads.Year year = BalanceReads.yearOf(c, org, date);
            BalanceReads.Chart chart = BalanceReads.chart(c, org);
            Map<Long, Movement> movements = BalanceReads.movements(c, org, year.start(), date, null);
            if (excluded.closing() && date.equals(year.end())) {
                BalanceReads.leaveOut(c, org, year.end(), Journal.CLOSING, movements);
            }
            if (excluded.opening()) {
                BalanceReads.leaveOut(c, org, year.start(), Journal.OPENING, movements);
            }
            return TrialBalance.of(date, year.start(), level, excluded, chart.byCode(movements), chart::nameOf);
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }
}
