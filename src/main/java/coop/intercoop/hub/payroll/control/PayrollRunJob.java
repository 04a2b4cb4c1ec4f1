package coop.intercoop.hub.payroll.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.platform.DatabaseFailure;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.jobs.Claim;
import coop.intercoop.hub.platform.jobs.Job;
import coop.intercoop.hub.platform.jobs.JobStatus;
import coop.intercoop.hub.platform.jobs.JobTransactions;

/**
 * Runs a payroll run's calculation ({@link PayrollRunCalculation}) on the platform's job runner, in one transaction
 * that stores the run's employees and lines and ends the job; says in the run's words why a run failed, was refused
 * (its user may no longer act in the organisation) or was given up.
 */
@Dependent
public class PayrollRunJob implements Job {

    public static final String KIND = "payroll-run";

    @Inject
    JobTransactions transactions;

    @Inject
    PayrollRunCalculation calculation;

    @Inject
    PayrollRuns runs;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Claim claim) {
        try {
            transactions.inNew(() -> calculation.calculate(claim));
        } catch (RuntimeException failure) {
            if (DatabaseFailure.of(failure) == DatabaseFailure.OTHER) {
                // the hub's own failure: said in the run's words, the detail in the server's log only
                transactions.inNew(() -> {
                    runs.failJob(claim.orgId(), claim.id(), "run.failed");
                    claim.finish(JobStatus.FAILED);
                });
            }
            throw failure;
        }
    }

    @Override
    public void refused(Claim claim, HubException refusal) {
        transactions.inNew(() -> {
            runs.failJob(claim.orgId(), claim.id(), refusal);
            claim.finish(JobStatus.FAILED);
        });
    }

    @Override
    public void abandoned(long orgId, long jobId, int attempts) {
        runs.failJob(orgId, jobId, "run.interrupted", attempts);
    }
}
