package coop.intercoop.hub.payroll.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.payroll.control.PayrollRuns;
import coop.intercoop.hub.payroll.control.PayrollRuns.RunEmployee;
import coop.intercoop.hub.payroll.entity.PayrollRun;
import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.security.control.Caller;

/**
 * The organisation's payroll runs ({@code /org/payroll/runs.xhtml}), for those who handle its personnel, through the
 * same control and rules as the API: the runs, newest month first, refreshed while one is being calculated; a month
 * started; a run recalculated, approved and posted with the version its row was read with; one run's breakdown, each
 * employee's lines with base, rate, units, amount, source and its status, so a person can check every figure; and the
 * payslips as PDF, the run's or one employee's. Reading a breakdown or payslips is audited as through the API.
 */
@Named
@ViewScoped
public class RunsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<PayrollRuns> runs;

    @Inject
    Caller caller;

    @Inject
    Texts texts;

    private List<PayrollRun> list = List.of();
    private String month;
    /** A complementary run's first and last months recalculated, {@code yyyy-MM}; blank: the month paid. */
    private String from;
    private String to;
    private PayrollRun shown;
    private List<RunEmployee> breakdown = List.of();

    @HandlesPersonnel
    public void load() {
        list = runs.get().all();
    }

    /** The poll's tick while a run is being calculated; the breakdown shown follows its run. */
    @HandlesPersonnel
    public void refresh() {
        load();
        if (shown != null && list.stream().anyMatch(r -> r.getId().equals(shown.getId()) && !same(r, shown))) {
            show(shown.getId());
        }
    }

    @HandlesPersonnel
    public void start() {
        PayrollRun run = runs.get().start(PayrollRunsResource.month(month, "month"), texts.locale().toLanguageTag(),
                caller.user().getId());
        texts.inform("runs.started", run.getMonth().toString());
        month = null;
        load();
    }

    /**
     * A complementary run paid in the month typed, recalculating the approved months from {@link #from} to {@link #to}
     * (both default to the month paid, as through the API).
     */
    @HandlesPersonnel
    public void startComplementary() {
        PayrollRun run = runs.get().startComplementary(PayrollRunsResource.month(month, "month"),
                PayrollRunsResource.optionalMonth(from, "from"), PayrollRunsResource.optionalMonth(to, "to"),
                texts.locale().toLanguageTag(), caller.user().getId());
        texts.inform("runs.complementary.started", run.getMonth().toString(),
                run.getArrearsFrom().orElseThrow().toString(), run.getArrearsTo().orElseThrow().toString());
        month = null;
        from = null;
        to = null;
        load();
    }

    @HandlesPersonnel
    public void recalculate(PayrollRun run) {
        runs.get().recalculate(run.getId(), run.getVersion(), caller.user().getId());
        texts.inform("runs.recalculating", run.getMonth().toString());
        load();
    }

    @HandlesPersonnel
    public void delete(PayrollRun run) {
        runs.get().delete(run.getId());
        texts.inform("runs.deleted", run.getMonth().toString());
        load();
        if (shown != null && shown.getId().equals(run.getId())) {
            shown = null;
            breakdown = List.of();
        }
    }

    @HandlesPersonnel
    public void approve(PayrollRun run) {
        runs.get().approve(run.getId(), run.getVersion());
        texts.inform("runs.approved", run.getMonth().toString());
        load();
        refreshShown(run);
    }

    @HandlesPersonnel
    public void post(PayrollRun run) {
        PayrollRun posted = runs.get().post(run.getId(), run.getVersion());
        texts.inform("runs.posted", run.getMonth().toString(), posted.getEntryId());
        load();
        refreshShown(run);
    }

    /** One run's breakdown, employee by employee and line by line: an audited read of their pay. */
    @HandlesPersonnel
    public void show(long id) {
        PayrollRuns control = runs.get();
        breakdown = control.read(id);
        shown = control.find(id);
    }

    /** The run's payslips, one PDF; the read audited. */
    @HandlesPersonnel
    public void payslips(long id) throws IOException {
        PayslipDownload.send(runs.get().payslips(id, Optional.empty()), "payslips-" + id + ".pdf");
    }

    /** One employee's payslip of the run; the read audited. */
    @HandlesPersonnel
    public void payslip(long id, long employee) throws IOException {
        PayslipDownload.send(runs.get().payslips(id, Optional.of(employee)), "payslip-" + id + "-" + employee + ".pdf");
    }

    private void refreshShown(PayrollRun run) {
        if (shown != null && shown.getId().equals(run.getId())) {
            shown = runs.get().find(run.getId());
        }
    }

    private static boolean same(PayrollRun a, PayrollRun b) {
        return a.getVersion() == b.getVersion();
    }

    /** Whether a run is being calculated, so that the list is refreshed until it ends. */
    public boolean isCalculating() {
        return list.stream().anyMatch(PayrollRun::calculating);
    }

    public List<PayrollRun> getList() {
        return list;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public PayrollRun getShown() {
        return shown;
    }

    /**
     * What a line's concept leaves unsaid, in the page's language: the month a complementary run's line was earned in,
     * and the subkey of key L of modelo 190 an earning not subject to withholding is declared under; empty for most.
     */
    public String note(PayrollRuns.RunLine line) {
        List<String> notes = new ArrayList<>();
        line.accrued().ifPresent(month -> notes.add(texts.format("runs.line.accrued", month.toString())));
        line.exemptSubkey()
                .ifPresent(subkey -> notes.add(texts.format("runs.line.exempt", String.format("%02d", subkey))));
        return notes.isEmpty() ? "" : " · " + String.join(" · ", notes);
    }

    /** A warning on an employee's month, in the page's language. */
    public String warning(PayrollRuns.Warning warning) {
        return PayrollRuns.message(warning, texts.locale());
    }

    public List<RunEmployee> getBreakdown() {
        return breakdown;
    }
}
