/**
 * The hub's one job runner (DESIGN rule 12): background work of every component — imports today; payroll runs, daily
 * expiry scans and bid-package builds next — queued in the database, claimed by one node, run on the platform's managed
 * executor as the user who queued it, watched by a heartbeat and queued again when its node goes silent.
 * <p>
 * A component contributes a {@link coop.intercoop.hub.platform.jobs.Job} bean for its kind and queues work with
 * {@link coop.intercoop.hub.platform.jobs.JobRunner#submit} in the transaction that stores what the job needs; the
 * runner claims the job with a conditional update (so of two nodes one gets it), enters the job's organisation as its
 * owner through the {@link coop.intercoop.hub.platform.jobs.JobActor} the components above provide (this package
 * imports no component), writes its {@link coop.intercoop.hub.platform.jobs.Progress} and heartbeat every second,
 * queues again a job whose node is gone, whose run lost the database or was a deadlock's victim
 * ({@link coop.intercoop.hub.platform.DatabaseFailure}), and gives it up after its attempts, in the job's own words. A
 * job ends itself with {@link coop.intercoop.hub.platform.jobs.Claim#finish} in its last transaction, so that its end
 * commits with its work.
 * <p>
 * <b>Schedules.</b> Work a component repeats for an organisation (a read of the procurement platform's feed every few
 * hours) is a {@link coop.intercoop.hub.platform.jobs.Schedule} in {@code job_schedule}, saved by a person
 * ({@link coop.intercoop.hub.platform.jobs.JobSchedules}); the {@link coop.intercoop.hub.platform.jobs.JobScheduler}
 * queues each turn's job on the node whose conditional update moves the turn on, entering the organisation as the
 * schedule's owner, through the component's {@link coop.intercoop.hub.platform.jobs.ScheduledJob}, which declares its
 * roles as a boundary does; a turn the owner may no longer take suspends the schedule, saying why.
 * <p>
 * <b>One generic table.</b> The runner keeps every job in {@code job} (kind, organisation, owner, status, claim,
 * heartbeat, attempts, progress as units done of units there are); what a job is about stays in its component's table
 * under the same id ({@code import_job}: the workbook, mode, counts and outcome). Generalising {@code import_job}
 * instead would have given every payroll run a workbook's columns and every import a payroll run's, and each new kind
 * would have widened one table its component does not own; with one table of claims, the runner's queries are the same
 * for every kind and a component's table holds only what it writes.
 * <p>
 * <b>Why not Jakarta Batch.</b> Jakarta Batch (JSR 352) runs a job on the node that starts it: its job repository
 * records executions but does not hand a started job to another node, so a job whose node dies stays STARTED until
 * someone restarts it by hand, whereas here any node claims a stale job and runs it again; and Payara Micro's batch
 * runtime keeps that repository in its own tables and schema outside the hub's Flyway migrations. Its model also fits a
 * chunked read–process–write of independent items committed chunk by chunk, where an import writes every row in one
 * transaction that also ends the job (all or nothing, a crash leaves nothing), checks on one thread while it writes on
 * another, and falls back to two passes after a deadlock; a payroll run likewise posts one journal entry for the whole
 * month. What the hub needs of a runner — a claim in the database, a heartbeat, attempts, acting as a user in an
 * organisation — is these few classes on the platform's managed executor.
 */
package coop.intercoop.hub.platform.jobs;
