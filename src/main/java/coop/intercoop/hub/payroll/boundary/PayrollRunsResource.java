package coop.intercoop.hub.payroll.boundary;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.payroll.control.PayrollRuns;
import coop.intercoop.hub.payroll.control.PayrollRuns.RunEmployee;
import coop.intercoop.hub.payroll.control.PayrollRuns.RunLine;
import coop.intercoop.hub.payroll.entity.PayrollRun;
import coop.intercoop.hub.payroll.entity.Payslip;
import coop.intercoop.hub.payroll.entity.RunDataException;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.VersionRequiredException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The organisation's monthly payroll runs: started and calculated in the background, approved (then immutable), posted
 * to the books, read employee by employee and line by line, and printed as payslips. Pay is personal data: only
 * org-admins and accountants ({@link HandlesPersonnel}); reading a run's employees is audited.
 */
@Path("orgs/{org}/payroll/runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payroll")
@HandlesPersonnel
public class PayrollRunsResource {

    private static final String PDF = PayslipDownload.MEDIA_TYPE;

    @Inject
    Tenant tenant;

    @Inject
    Caller caller;

    @Inject
    PayrollRuns runs;

    /**
     * The month to run, {@code yyyy-MM}; the kind, {@code regular} (the default) or {@code complementary}; for a
     * complementary run the months it recalculates, {@code from} and {@code to} (both the run's month by default).
     */
    public static class RunStart {
        public String month;
        public String kind;
        public String from;
        public String to;
    }

    /** The version read, for a step of the run. */
    public static class RunStep {
        public Integer version;
    }

    /**
     * A run: its month, kind, state, its job's status ({@code running}, {@code succeeded} or {@code failed}) and
     * outcome, its totals and, once posted, its journal entry.
     */
    public record RunJson(long id, String month, String kind, String from, String to, String state, String status,
            String outcome, int employees, BigDecimal gross, BigDecimal employeeContributions, BigDecimal withheld,
            BigDecimal net, BigDecimal employerContributions, BigDecimal employerCost, Long entryId, int version) {
        static RunJson of(PayrollRun r) {
            String status = r.calculating() ? "running"
                    : r.getState() == PayrollRun.State.DRAFT ? "failed" : "succeeded";
            return new RunJson(r.getId(), r.getMonth().toString(), r.getKind().code(),
                    r.getArrearsFrom().map(YearMonth::toString).orElse(null),
                    r.getArrearsTo().map(YearMonth::toString).orElse(null), r.getState().code(), status, r.getOutcome(),
                    r.getEmployees(), r.getGross(), r.getEmployeeContributions(), r.getWithheld(), r.getNet(),
                    r.getEmployerContributions(), r.getEmployerCost(), r.getEntryId(), r.getVersion());
        }
    }

    /**
     * A line of an employee's month, with what checks it: base, rate (percent), units, amount and source; a
     * complementary run's line also the month it was earned in ({@code accrued}) and the line as paid before
     * ({@code previous}), its amount the difference; an earning not subject to withholding the key L subkey modelo 190
     * declares it under ({@code exemptSubkey}).
     */
    public record LineJson(String kind, String concept, String heading, Integer exemptSubkey, BigDecimal base,
            BigDecimal rate, BigDecimal units, BigDecimal amount, String source, String sourceStatus, String accrued,
            PreviousJson previous) {
        static LineJson of(RunLine l) {
            return new LineJson(l.kind().name().toLowerCase(Locale.ROOT), l.concept(),
                    l.heading().map(Enum::name).orElse(null), l.exemptSubkey().orElse(null), l.base().orElse(null),
                    l.rate().orElse(null), l.units().orElse(null), l.amount(), l.source().citation(),
                    l.source().status().code(), l.accrued().map(YearMonth::toString).orElse(null),
                    l.previous().map(PreviousJson::of).orElse(null));
        }
    }

    /** A line as it was paid before a complementary run. */
    public record PreviousJson(BigDecimal base, BigDecimal rate, BigDecimal amount, String source,
            String sourceStatus) {
        static PreviousJson of(PayrollRuns.Previous p) {
            return new PreviousJson(p.base().orElse(null), p.rate().orElse(null), p.amount(), p.source().citation(),
                    p.source().status().code());
        }
    }

    /**
     * The IRPF of an employee's month: the year's expected pay and contributions (RIRPF art. 83.2), the rate, and why
     * ({@code first}, {@code held}, {@code pay-changed}, {@code data-changed}: art. 87; {@code arrears},
     * {@code earlier-year}).
     */
    public record IrpfJson(BigDecimal expectedPay, BigDecimal expectedContributions, BigDecimal rate, String reason) {
        static IrpfJson of(PayrollRuns.Irpf i) {
            return new IrpfJson(i.expectedPay().orElse(null), i.expectedContributions().orElse(null), i.rate(),
                    i.reason().code());
        }
    }

    /** What a complementary run pays for one month earned: differences of pay and contributions, bases before/now. */
    public record AccrualJson(String month, BigDecimal gross, BigDecimal taxable, BigDecimal previousCommonBase,
            BigDecimal commonBase, BigDecimal previousProfessionalBase, BigDecimal professionalBase,
            BigDecimal employeeContributions, BigDecimal employerContributions) {
        static AccrualJson of(PayrollRuns.Accrual a) {
            return new AccrualJson(a.month().toString(), a.gross(), a.taxable(), a.previousCommonBase(), a.commonBase(),
                    a.previousProfessionalBase(), a.professionalBase(), a.employeeContributions(),
                    a.employerContributions());
        }
    }

    public record EmployeeJson(long employeeId, long contractId, String workCentreCcc, String name, String nif,
            String category, int contributionGroup, LocalDate periodFrom, LocalDate periodTo, int days,
            BigDecimal gross, BigDecimal taxable, BigDecimal commonBase, BigDecimal proratedExtras,
            BigDecimal professionalBase, BigDecimal employeeContributions, BigDecimal withheld, BigDecimal advances,
            BigDecimal net, BigDecimal employerContributions, BigDecimal benefitAdvanced, BigDecimal employerCost,
            IrpfJson irpf, List<AccrualJson> accruals, List<LineJson> lines, List<WarningJson> warnings) {
        static EmployeeJson of(RunEmployee e, Locale language) {
            return new EmployeeJson(e.employeeId(), e.contractId(), e.workCentreCcc(), e.workerName(), e.nif(),
                    e.category(), e.contributionGroup(), e.periodFrom(), e.periodTo(), e.days(), e.gross(), e.taxable(),
                    e.commonBase(), e.proratedExtras().orElse(null), e.professionalBase(), e.employeeContributions(),
                    e.withheld(), e.advances(), e.net(), e.employerContributions(), e.benefitAdvanced(),
                    e.employerCost(), e.irpf().map(IrpfJson::of).orElse(null),
                    e.accruals().stream().map(AccrualJson::of).toList(), e.lines().stream().map(LineJson::of).toList(),
                    e.warnings().stream().map(w -> WarningJson.of(w, language)).toList());
        }
    }

    /** A warning on an employee's month, by key and as a sentence in the reader's language. */
    public record WarningJson(String key, String message) {
        static WarningJson of(PayrollRuns.Warning warning, Locale language) {
            return new WarningJson(warning.key(), PayrollRuns.message(warning, language));
        }
    }

    /** A run with every employee's breakdown. */
    public record RunDetailJson(long id, String month, String kind, String from, String to, String state, String status,
            String outcome, int employees, BigDecimal gross, BigDecimal employeeContributions, BigDecimal withheld,
            BigDecimal net, BigDecimal employerContributions, BigDecimal employerCost, Long entryId, int version,
            List<EmployeeJson> breakdown) {
        static RunDetailJson of(RunJson r, List<EmployeeJson> breakdown) {
            return new RunDetailJson(r.id(), r.month(), r.kind(), r.from(), r.to(), r.state(), r.status(), r.outcome(),
                    r.employees(), r.gross(), r.employeeContributions(), r.withheld(), r.net(),
                    r.employerContributions(), r.employerCost(), r.entryId(), r.version(), breakdown);
        }
    }

    @GET
    @Operation(summary = "The payroll runs, newest month first (org-admin, accountant)")
    public List<RunJson> all() {
        return runs.all().stream().map(RunJson::of).toList();
    }

    @POST
    @Operation(summary = "Start the regular payroll run of a month ({\"month\":\"2026-03\"}) or a complementary run "
            + "paid in it that recalculates approved months ({\"month\":\"2026-04\",\"kind\":\"complementary\","
            + "\"from\":\"2026-01\",\"to\":\"2026-03\"}) and pays the differences (org-admin, accountant): answers 202 "
            + "with the draft, which a background job calculates")
    public Response start(@NotNull RunStart input, @Context HttpHeaders headers) {
        YearMonth month = month(input.month, "month");
        String language = language(headers).toLanguageTag();
        String kind = input.kind == null || input.kind.isBlank() ? "regular" : input.kind.strip();
        PayrollRun run;
        if (kind.equals(PayrollRun.Kind.REGULAR.code())) {
            if (input.from != null || input.to != null) {
                throw new RunDataException(input.from != null ? "from" : "to", "run.range.regular");
            }
            run = runs.start(month, language, caller.user().getId());
        } else if (kind.equals(PayrollRun.Kind.COMPLEMENTARY.code())) {
            run = runs.startComplementary(month, optionalMonth(input.from, "from"), optionalMonth(input.to, "to"),
                    language, caller.user().getId());
        } else {
            throw new RunDataException("kind", "run.kind", kind);
        }
        return Response.accepted(RunJson.of(run))
                .location(URI.create("orgs/" + tenant.id() + "/payroll/runs/" + run.getId())).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A payroll run with each employee's lines: base, rate, amount and source, and the warnings "
            + "on the employee's month (overtime above the year's limit) in the reader's language (org-admin, "
            + "accountant); the read is audited")
    public RunDetailJson one(@PathParam("id") long id, @Context HttpHeaders headers) {
        Locale language = language(headers);
        List<EmployeeJson> employees = runs.read(id).stream().map(e -> EmployeeJson.of(e, language)).toList();
        return RunDetailJson.of(RunJson.of(runs.find(id)), employees);
    }

    @POST
    @Path("{id}/recalculate")
    @Operation(summary = "Calculate a draft or calculated run again, replacing its lines (org-admin, accountant); "
            + "'version' must be the one read")
    public Response recalculate(@PathParam("id") long id, @NotNull RunStep input) {
        return Response.accepted(RunJson.of(runs.recalculate(id, version(input), caller.user().getId()))).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a draft or calculated run with its lines (org-admin, accountant); 409 while it is "
            + "calculated and once it is approved")
    public Response delete(@PathParam("id") long id) {
        runs.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve a calculated run (org-admin, accountant): from then on it cannot change; "
            + "'version' must be the one read")
    public RunJson approve(@PathParam("id") long id, @NotNull RunStep input) {
        return RunJson.of(runs.approve(id, version(input)));
    }

    @POST
    @Path("{id}/post")
    @Operation(summary = "Post an approved run's journal entry on the month's last day, in the chart's accounts, its "
            + "cost split by work centre (org-admin, accountant); 409 when the books refuse it")
    public RunJson post(@PathParam("id") long id, @NotNull RunStep input) {
        return RunJson.of(runs.post(id, version(input)));
    }

    @GET
    @Path("{id}/payslips.pdf")
    @Produces(PDF)
    @Operation(summary = "The payslips of a run, one PDF (org-admin, accountant); the read is audited")
    public Response payslips(@PathParam("id") long id) {
        return pdf(runs.payslips(id, Optional.empty()), "payslips-" + id + ".pdf");
    }

    @GET
    @Path("{id}/employees/{employee}/payslip.pdf")
    @Produces(PDF)
    @Operation(summary = "One employee's payslip of a run (org-admin, accountant); the read is audited")
    public Response payslip(@PathParam("id") long id, @PathParam("employee") long employee) {
        return pdf(runs.payslips(id, Optional.of(employee)), "payslip-" + id + "-" + employee + ".pdf");
    }

    static Response pdf(List<Payslip> payslips, String name) {
        return Response.ok(PayslipDownload.pdf(payslips), PDF)
                .header("Content-Disposition", PayslipDownload.attachment(name)).build();
    }

    /** A month as a person or a script writes it, {@code yyyy-MM}; refused naming the field otherwise. */
    /** A month a request may leave out: none when blank. */
    static Optional<YearMonth> optionalMonth(String text, String field) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(month(text, field));
    }

    static YearMonth month(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new RunDataException(field, "run.month.empty");
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RunDataException(field, "run.month.format", text);
        }
    }

    private static int version(RunStep input) {
        if (input.version == null) {
            throw new VersionRequiredException();
        }
        return input.version;
    }

    private static Locale language(HttpHeaders headers) {
        return HubTexts
                .language(headers.getAcceptableLanguages().isEmpty() ? null : headers.getAcceptableLanguages().get(0));
    }
}
