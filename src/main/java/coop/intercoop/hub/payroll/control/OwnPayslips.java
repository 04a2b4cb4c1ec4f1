package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.payroll.entity.PayrollRun;
import coop.intercoop.hub.payroll.entity.Payslip;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The employee's own copy of their payslips (issue 19 item 5): the caller reads the payslips of the employee the
 * organisation linked to them ({@link EmployeeUsers}), of approved and posted runs only, and nothing else of payroll.
 * Each read is audited as a read of pay.
 */
@Dependent
public class OwnPayslips {

    /** The audit action of a read of one's own list of payslips. */
    public static final String READ = "employee.payslips.read";

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    EmployeeUsers links;

    @Inject
    PayrollRuns runs;

    @Inject
    AuditTrail audit;

    /** A payslip of the caller's: the run, its month and kind, and the month's gross, withholding and net. */
    public record OwnPayslip(long runId, YearMonth month, String kind, String state, BigDecimal gross,
            BigDecimal withheld, BigDecimal net) {
    }

    /** The caller's payslips of approved and posted runs, newest month first; the read audited. */
    public List<OwnPayslip> list() {
        long employee = links.callersEmployee();
        List<OwnPayslip> payslips = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT r.id, r.month, r.kind, r.state,"
                        + " e.gross_pay + e.compensation + e.benefit_advanced, e.withheld, e.net"
                        + " FROM payroll_run_employee e JOIN payroll_run r ON r.org_id = e.org_id AND r.id = e.run_id"
                        + " WHERE e.org_id = ? AND e.employee_id = ? AND r.state IN ('approved', 'posted')"
                        + " ORDER BY r.month DESC, r.id DESC")) {
            s.setLong(1, tenant.id());
            s.setLong(2, employee);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    payslips.add(
                            new OwnPayslip(r.getLong(1), YearMonth.from(r.getDate(2).toLocalDate()), r.getString(3),
                                    r.getString(4), r.getBigDecimal(5), r.getBigDecimal(6), r.getBigDecimal(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The payslips of employee " + employee + " could not be read", e);
        }
        audit.record(tenant.id(), READ, EmployeeUsers.OBJECT, String.valueOf(employee), null);
        return payslips;
    }

    /**
     * The caller's payslip of a run, the read audited as {@link PayrollRuns#payslips} audits it.
     *
     * @throws NotFoundException
     *             for a run of another organisation, one not approved or posted, or one that does not pay the caller's
     *             employee
     * @throws coop.intercoop.hub.platform.ForbiddenException
     *             when the organisation linked no employee to the caller
     */
    public List<Payslip> of(long runId) {
        // another organisation's run is not found, whoever asks (DESIGN rule 8)
        PayrollRun run = runs.find(runId);
        long employee = links.callersEmployee();
        if (run.getState() != PayrollRun.State.APPROVED && run.getState() != PayrollRun.State.POSTED) {
            throw new NotFoundException("payroll-run", runId);
        }
        try {
            return runs.payslips(runId, Optional.of(employee));
        } catch (NotFoundException notPaid) {
            // the run does not pay the caller: the run is not theirs, whoever it pays
            throw new NotFoundException("payroll-run", runId);
        }
    }
}
