package coop.intercoop.hub.payroll.boundary;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.payroll.control.Modelo190File;
import coop.intercoop.hub.payroll.control.PayrollReturns;
import coop.intercoop.hub.payroll.control.ReturnFigures;
import coop.intercoop.hub.payroll.control.WithholdingCertificatePdf;
import coop.intercoop.hub.payroll.entity.Declarant;
import coop.intercoop.hub.payroll.entity.InvalidReturnException;
import coop.intercoop.hub.payroll.entity.Modelo111;
import coop.intercoop.hub.payroll.entity.WithholdingCertificate;
import coop.intercoop.hub.platform.Problems;
import coop.intercoop.hub.platform.Xlsx;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The returns and exports of the organisation's payroll, from its approved and posted runs only: the month's summary
 * and the employer's cost (JSON, or the same figures as a workbook by {@code Accept} or {@code format=xlsx},
 * {@link ReturnWorkbooks}), the boxes of modelo 111, the modelo 190 file and each employee's withholding certificate.
 * Pay is personal data: only org-admins and accountants ({@link HandlesPersonnel}); every read is audited.
 */
@Path("orgs/{org}/payroll/returns")
@RequestScoped
@Produces({ MediaType.APPLICATION_JSON, Xlsx.MEDIA_TYPE })
@Tag(name = "Payroll")
@HandlesPersonnel
public class PayrollReturnsResource {

    static final String PDF = "application/pdf";
    /** The AEAT's file is text in ISO-8859-1 (Orden EHA/3127/2009 anexo II). */
    static final String FIXED_WIDTH = "text/plain; charset=ISO-8859-1";

    @Inject
    Tenant tenant;

    @Inject
    PayrollReturns returns;

    @Context
    HttpHeaders headers;

    /** An employee's month of a run, as the run stored it. */
    public record PaidJson(long employeeId, String name, String nif, String workCentreCcc, String project,
            BigDecimal gross, BigDecimal taxable, BigDecimal employeeContributions, BigDecimal withheld,
            BigDecimal advances, BigDecimal net, BigDecimal employerContributions, BigDecimal employerCost) {
        static PaidJson of(ReturnFigures.Paid p) {
            return new PaidJson(p.employeeId(), p.workerName(), p.nif(), p.workCentre(), p.project().orElse(null),
                    p.gross(), p.taxable(), p.employeeContributions(), p.withheld(), p.advances(), p.net(),
                    p.employerContributions(), p.employerCost());
        }
    }

    /** A run of the month: its totals and employees. */
    public record RunJson(long id, String kind, String state, ReturnFigures.Totals totals, List<PaidJson> employees) {
    }

    /** The month's summary: its approved and posted runs and its totals. */
    public record SummaryJson(String month, List<RunJson> runs, ReturnFigures.Totals totals) {
        static SummaryJson of(ReturnFigures.MonthSummary s) {
            return new SummaryJson(s.month().toString(), s.runs().stream().map(r -> new RunJson(r.runId(), r.kind(),
                    r.state(), r.totals(), r.employees().stream().map(PaidJson::of).toList())).toList(), s.totals());
        }
    }

    /** The cost of a month charged to a work centre and a project (null: none). */
    public record CostRowJson(String month, String workCentreCcc, String project, int employees, BigDecimal pay,
            BigDecimal employerContributions, BigDecimal employerCost) {
    }

    /** The cost of a month, or of the whole range. */
    public record MonthCostJson(String month, BigDecimal pay, BigDecimal employerContributions,
            BigDecimal employerCost) {
        static MonthCostJson of(ReturnFigures.MonthCost m, String month) {
            return new MonthCostJson(month, m.pay(), m.employerContributions(), m.employerCost());
        }
    }

    public record CostJson(String from, String to, List<CostRowJson> rows, List<MonthCostJson> months,
            MonthCostJson total) {
        static CostJson of(ReturnFigures.CostReport c) {
            return new CostJson(c.from().toString(), c.to().toString(),
                    c.rows().stream()
                            .map(r -> new CostRowJson(r.month().toString(), r.workCentre(), r.project(), r.employees(),
                                    r.pay(), r.employerContributions(), r.employerCost()))
                            .toList(),
                    c.months().stream().map(m -> MonthCostJson.of(m, m.month().toString())).toList(),
                    MonthCostJson.of(c.total(), null));
        }
    }

    /** A box of modelo 111: its number as the form prints it, what it holds, and its value. */
    public record BoxJson(String number, String label, BigDecimal value) {
    }

    public record Modelo111Json(int year, String period, List<BoxJson> boxes) {
        static Modelo111Json of(Modelo111 m, Locale language) {
            return new Modelo111Json(m.year(), m.period(),
                    m.table(language).stream().map(r -> new BoxJson(r.box(), r.label(), r.value())).toList());
        }
    }

    @GET
    @Path("summary")
    @Operation(summary = "The month's payroll summary (month=yyyy-MM): each approved or posted run with its employees' "
            + "figures and totals (org-admin, accountant); JSON, or xlsx by Accept or format=xlsx; the read is audited")
    @APIResponse(responseCode = "200", description = "The summary, or its workbook", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummaryJson.class)),
            @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response summary(@QueryParam("month") String month, @QueryParam("format") String format) {
        ReturnFigures.MonthSummary summary = returns.summary(month("month", month));
        if (ReturnWorkbooks.wanted(Optional.ofNullable(format), headers)) {
            return ReturnWorkbooks.SUMMARY.download(tenant.id(), summary, Problems.language(headers));
        }
        return Response.ok(SummaryJson.of(summary), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("cost")
    @Operation(summary = "The employer's payroll cost of the months from..to (yyyy-MM) by month, work centre and "
            + "project, from approved and posted runs (org-admin, accountant); JSON, or xlsx by Accept or "
            + "format=xlsx; the read is audited")
    @APIResponse(responseCode = "200", description = "The cost, or its workbook", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CostJson.class)),
            @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response cost(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") String format) {
        ReturnFigures.CostReport cost = returns.cost(month("from", from), month("to", to));
        if (ReturnWorkbooks.wanted(Optional.ofNullable(format), headers)) {
            return ReturnWorkbooks.COST.download(tenant.id(), cost, Problems.language(headers));
        }
        return Response.ok(CostJson.of(cost), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("111")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The boxes of modelo 111 of a period of the year (period=1T..4T for a quarterly declarant, "
            + "01..12 for a monthly one; earlierResults for box 29 of a complementary self-assessment), from "
            + "approved and posted runs (org-admin, accountant); the read is audited")
    public Modelo111Json modelo111(@QueryParam("year") String year, @QueryParam("period") String period,
            @QueryParam("earlierResults") String earlierResults) {
        Modelo111 boxes = returns.modelo111(year(year), period == null ? null : period.strip().toUpperCase(Locale.ROOT),
                amount("earlierResults", earlierResults));
        return Modelo111Json.of(boxes, Problems.language(headers));
    }

    @GET
    @Path("190")
    @Produces(FIXED_WIDTH)
    @Operation(summary = "The year's modelo 190 as the AEAT's fixed-width file (a type 1 record and a type 2 record "
            + "per perceptor, 500 characters each), the organisation its declarant; contactName and contactPhone "
            + "are required, contactEmail optional, declarationId defaults to 190, the year and 000001; filing="
            + "complementary or substitutive with previousId (org-admin, accountant); the read is audited")
    public Response modelo190(@QueryParam("year") String year, @QueryParam("contactName") String contactName,
            @QueryParam("contactPhone") String contactPhone, @QueryParam("contactEmail") String contactEmail,
            @QueryParam("declarationId") String declarationId, @QueryParam("filing") String filing,
            @QueryParam("previousId") String previousId) {
        int checkedYear = year(year);
        String id = declarationId == null || declarationId.isBlank() ? "190" + checkedYear + "000001"
                : declarationId.strip();
        Declarant given = new Declarant(null, null, contactPhone == null ? null : contactPhone.strip(),
                contactName == null ? null : contactName.strip(), contactEmail == null ? null : contactEmail.strip(),
                id, filing(filing), previousId);
        Modelo190File file = returns.modelo190(checkedYear, given);
        return Response.ok(file.bytes(), FIXED_WIDTH).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"modelo-190-" + checkedYear + "-" + tenant.id() + ".txt\"").build();
    }

    @GET
    @Path("certificates/{employee}")
    @Produces(PDF)
    @Operation(summary = "The employee's certificate of withholdings of the year (RIRPF art. 108.3) as PDF, in the "
            + "reader's language, from approved and posted runs (org-admin, accountant); the read is audited")
    public Response certificate(@PathParam("employee") long employee, @QueryParam("year") String year) {
        WithholdingCertificate certificate = returns.certificate(employee, year(year), LocalDate.now());
        // written before answering, so that a refusal of the PDF is a problem, not a broken download
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        WithholdingCertificatePdf.write(certificate, Problems.language(headers), pdf);
        return Response.ok(pdf.toByteArray(), PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"certificado-retenciones-" + year(year) + "-" + employee + ".pdf\"")
                .build();
    }

    /** A month {@code yyyy-MM} of a parameter, refused naming the parameter. */
    static YearMonth month(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidReturnException(parameter, "returns.month.empty");
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidReturnException(parameter, "returns.month.format", text);
        }
    }

    static int year(String text) {
        try {
            int year = Integer.parseInt(text == null ? "" : text.strip());
            if (year >= 2000 && year <= 2999) {
                return year;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidReturnException("year", "returns.year.invalid", String.valueOf(text));
    }

    private static BigDecimal amount(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidReturnException(parameter, "returns.amount.format", text);
        }
    }

    private static Declarant.Filing filing(String text) {
        if (text == null || text.isBlank()) {
            return Declarant.Filing.FIRST;
        }
        try {
            return Declarant.Filing.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidReturnException("filing", "returns.filing", text);
        }
    }
}
