package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;

import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.platform.Database;

/**
 * What an organisation's contracts say of its staff in a year, for other components (tenders' solvency, with the
 * organisation's consent): the average staff, each contract counting its days in the year over the year's days, times
 * its part-time coefficient; and the part of it of workers with a recognised disability of 33 % or more, and of workers
 * in a work-integration itinerary, on the days they were. Reads the organisation it is given, by SQL that names it.
 */
@Dependent
public class Workforce {

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    /**
     * A year's average staff, and the part of it with a disability, in a work-integration itinerary, and either (a
     * worker who is both counted once).
     */
    public record Staff(int year, BigDecimal average, BigDecimal withDisability, BigDecimal inIntegration,
            BigDecimal either) {

        /**
         * The share of the average with a disability or in an itinerary, in percent to two decimals; 0 without staff.
         */
        public BigDecimal protectedShare() {
            if (average.signum() == 0) {
                return BigDecimal.ZERO.setScale(2);
            }
            return either.multiply(BigDecimal.valueOf(100)).divide(average, 2, RoundingMode.HALF_UP);
        }
    }

    public Staff staff(long org, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        BigDecimal days = BigDecimal.valueOf(first.lengthOfYear());
        BigDecimal all = BigDecimal.ZERO;
        BigDecimal disability = BigDecimal.ZERO;
        BigDecimal integration = BigDecimal.ZERO;
        BigDecimal either = BigDecimal.ZERO;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT k.start_date, k.end_date, k.part_time_coefficient,"
                        + " e.disability_degree, e.disability_from, e.integration_from, e.integration_to"
                        + " FROM employment_contract k JOIN employee e ON e.org_id = k.org_id AND e.id = k.employee_id"
                        + " WHERE k.org_id = ? AND k.start_date <= ? AND (k.end_date IS NULL OR k.end_date >= ?)")) {
            s.setLong(1, org);
            s.setObject(2, last);
            s.setObject(3, first);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    LocalDate from = max(r.getObject(1, LocalDate.class), first);
                    LocalDate to = min(r.getObject(2, LocalDate.class), last);
                    BigDecimal coefficient = r.getBigDecimal(3) == null ? BigDecimal.ONE : r.getBigDecimal(3);
                    // the days with a recognised disability, from its date; those of the itinerary, within its dates
                    LocalDate disabledFrom = r.getInt(4) >= Employee.DISABILITY
                            && r.getObject(5, LocalDate.class) != null ? max(from, r.getObject(5, LocalDate.class))
                                    : null;
                    LocalDate itineraryFrom = r.getObject(6, LocalDate.class) == null ? null
                            : max(from, r.getObject(6, LocalDate.class));
                    LocalDate itineraryTo = itineraryFrom == null ? null : min(r.getObject(7, LocalDate.class), to);
                    long disabled = disabledFrom == null ? 0 : days(disabledFrom, to);
                    long itinerary = itineraryFrom == null ? 0 : days(itineraryFrom, itineraryTo);
                    long both = disabledFrom == null || itineraryFrom == null ? 0
                            : days(max(disabledFrom, itineraryFrom), itineraryTo);
                    all = all.add(coefficient.multiply(BigDecimal.valueOf(days(from, to))));
                    disability = disability.add(coefficient.multiply(BigDecimal.valueOf(disabled)));
                    integration = integration.add(coefficient.multiply(BigDecimal.valueOf(itinerary)));
                    either = either.add(coefficient.multiply(BigDecimal.valueOf(disabled + itinerary - both)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The staff of organisation " + org + " could not be read", e);
        }
        return new Staff(year, all.divide(days, 2, RoundingMode.HALF_UP),
                disability.divide(days, 2, RoundingMode.HALF_UP), integration.divide(days, 2, RoundingMode.HALF_UP),
                either.divide(days, 2, RoundingMode.HALF_UP));
    }

    /**
     * The employer's cost of the organisation's payroll in a year: pay and the employer's contributions of the runs of
     * its months that were approved or posted (the same runs the payroll's cost report sums).
     */
    public BigDecimal employerCost(long org, int year) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT COALESCE(SUM(e.employer_cost), 0) FROM payroll_run_employee e JOIN payroll_run r"
                                + " ON r.org_id = e.org_id AND r.id = e.run_id WHERE e.org_id = ?"
                                + " AND r.state IN ('approved', 'posted') AND r.month >= ? AND r.month <= ?")) {
            s.setLong(1, org);
            s.setDate(2, java.sql.Date.valueOf(LocalDate.of(year, 1, 1)));
            s.setDate(3, java.sql.Date.valueOf(LocalDate.of(year, 12, 1)));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBigDecimal(1).setScale(2, RoundingMode.HALF_UP);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The payroll cost of organisation " + org + " could not be read", e);
        }
    }

    /** The days from one day to another, both included; none when the second is before the first. */
    private static long days(LocalDate from, LocalDate to) {
        return to.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The earlier day; an open end is no bound. */
    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null || a.isAfter(b) ? b : a;
    }
}
