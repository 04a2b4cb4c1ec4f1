package coop.intercoop.hub.payroll.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import coop.intercoop.hub.payroll.control.OwnPayslips;
import coop.intercoop.hub.payroll.control.OwnPayslips.OwnPayslip;

/**
 * The member's own payslips ({@code /org/payroll/my-payslips.xhtml}): those of the employee the organisation linked to
 * them, of approved and posted runs, each downloadable as PDF, through the same control as the API
 * ({@code …/payroll/my/payslips}); a member it did not link is refused. Each read is audited.
 */
@Named
@ViewScoped
public class MyPayslipsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<OwnPayslips> payslips;

    private List<OwnPayslip> list = List.of();

    @ReadsOwnPayslips
    public void load() {
        list = payslips.get().list();
    }

    @ReadsOwnPayslips
    public void download(long run) throws IOException {
        PayslipDownload.send(payslips.get().of(run), "payslip-" + run + ".pdf");
    }

    public List<OwnPayslip> getList() {
        return list;
    }
}
