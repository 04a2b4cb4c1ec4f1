package coop.intercoop.hub.payroll.boundary;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.payroll.control.OwnPayslips;

/**
 * The caller's own payslips: any member of the organisation whom it linked to an employee reads that employee's
 * payslips of approved and posted runs, and nothing else of payroll; anyone else is refused (403). Reads are audited.
 */
@Path("orgs/{org}/payroll/my/payslips")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payroll")
@ReadsOwnPayslips
public class MyPayslipsResource {

    @Inject
    OwnPayslips payslips;

    /** A payslip of the caller's: its run, month, kind and state, gross, withholding and net. */
    public record PayslipJson(long runId, String month, String kind, String state, BigDecimal gross,
            BigDecimal withheld, BigDecimal net) {
        static PayslipJson of(OwnPayslips.OwnPayslip p) {
            return new PayslipJson(p.runId(), p.month().toString(), p.kind(), p.state(), p.gross(), p.withheld(),
                    p.net());
        }
    }

    @GET
    @Operation(summary = "My payslips of approved and posted runs, newest first (a member linked to an employee); the "
            + "read is audited")
    public List<PayslipJson> all() {
        return payslips.list().stream().map(PayslipJson::of).toList();
    }

    @GET
    @Path("{run}.pdf")
    @Produces(PayslipDownload.MEDIA_TYPE)
    @Operation(summary = "My payslip of an approved or posted run, as PDF (a member linked to an employee); the read is "
            + "audited")
    public Response one(@PathParam("run") long run) {
        return PayrollRunsResource.pdf(payslips.of(run), "payslip-" + run + ".pdf");
    }
}
