package coop.intercoop.hub.payroll.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import coop.intercoop.hub.payroll.control.Employees;
import coop.intercoop.hub.payroll.control.Modelo190File;
import coop.intercoop.hub.payroll.control.PayrollReturns;
import coop.intercoop.hub.payroll.control.ReturnFigures;
import coop.intercoop.hub.payroll.control.WithholdingCertificatePdf;
import coop.intercoop.hub.payroll.entity.Declarant;
import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.Modelo111;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.faces.FileDownload;
import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The payroll's returns and exports ({@code /org/payroll/returns.xhtml}), for those who handle the organisation's
 * personnel, through the same control and workbooks as the API ({@link PayrollReturnsResource}): the month's summary
 * and the employer's cost on screen or as workbooks, the cost by month as a chart, the boxes of modelo 111, the modelo
 * 190 file and an employee's withholding certificate. Every read is audited, as through the API.
 */
@Named
@ViewScoped
public class ReturnsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<PayrollReturns> returns;

    @Inject
    Instance<Employees> employees;

    @Inject
    Tenant tenant;

    @Inject
    Texts texts;

    private String month;
    private String from;
    private String to;
    private int year;
    private String period;
    private String contactName;
    private String contactPhone;
    private Long employee;
    // what was read is shown once and read again after a move to another node: not part of the view's state
    private transient List<Employee> employeeList = List.of();
    private transient ReturnFigures.MonthSummary summary;
    private transient ReturnFigures.CostReport cost;
    private transient List<Modelo111.Row> boxes;

    /** The last month, its quarter and year, and the cost of the year so far, to start from. */
    @HandlesPersonnel
    public void load() {
        YearMonth last = YearMonth.now().minusMonths(1);
        month = last.toString();
        year = last.getYear();
        period = ((last.getMonthValue() - 1) / 3 + 1) + "T";
        from = YearMonth.of(last.getYear(), 1).toString();
        to = last.toString();
        employeeList = employees.get().all();
    }

    @HandlesPersonnel
    public void showSummary() {
        try {
            summary = returns.get().summary(PayrollReturnsResource.month("month", month));
        } catch (HubException refused) {
            texts.refuse(refused);
        }
    }

    @HandlesPersonnel
    public void downloadSummary() throws IOException {
        try {
            ReturnWorkbooks.SUMMARY.send(tenant.id(),
                    returns.get().summary(PayrollReturnsResource.month("month", month)));
        } catch (HubException refused) {
            texts.refuse(refused);
        }
    }

    @HandlesPersonnel
    public void showCost() {
        try {
            cost = returns.get().cost(PayrollReturnsResource.month("from", from),
                    PayrollReturnsResource.month("to", to));
        } catch (HubException refused) {
            texts.refuse(refused);
        }
    }

    @HandlesPersonnel
    public void downloadCost() throws IOException {
        try {
            ReturnWorkbooks.COST.send(tenant.id(), returns.get().cost(PayrollReturnsResource.month("from", from),
                    PayrollReturnsResource.month("to", to)));
        } catch (HubException refused) {
            texts.refuse(refused);
        }
    }

    @HandlesPersonnel
    public void show111() {
        try {
            boxes = returns.get().modelo111(year, period, BigDecimal.ZERO).table(texts.locale());
        } catch (HubException refused) {
            texts.refuse(refused);
        }
    }

    @HandlesPersonnel
    public void download190() throws IOException {
        try {
            Declarant given = new Declarant(null, null, contactPhone, contactName, null, "190" + year + "000001",
                    Declarant.Filing.FIRST, null);
            Modelo190File file = returns.get().modelo190(year, given);
            send("modelo-190-" + year + "-" + tenant.id() + ".txt", PayrollReturnsResource.FIXED_WIDTH, file.bytes());
        } catch (HubException refused) {
            texts.refuse(refused);
        }
    }

    @HandlesPersonnel
    public void downloadCertificate() throws IOException {
        if (employee == null) {
            texts.inform("returns.certificate.choose");
            return;
        }
        try {
            var certificate = returns.get().certificate(employee, year, LocalDate.now());
            var pdf = new java.io.ByteArrayOutputStream();
            WithholdingCertificatePdf.write(certificate, texts.locale(), pdf);
            send("certificado-retenciones-" + year + "-" + employee + ".pdf", PayrollReturnsResource.PDF,
                    pdf.toByteArray());
        } catch (HubException refused) {
            texts.refuse(refused);
        }
    }

    /** Sends a file instead of the page (a non-ajax request), as the API answers it. */
    private static void send(String name, String type, byte[] content) throws IOException {
        FileDownload.send("attachment; filename=\"" + name + "\"", type, out -> out.write(content));
    }

    /**
     * The cost by month as a Chart.js bar chart ({@code p:chart}'s value): the pay earned and the employer's
     * contributions stacked, so each bar is the month's employer cost; empty when no cost is shown.
     */
    public String getChart() {
        if (cost == null) {
            return null;
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder pay = Json.createArrayBuilder();
        JsonArrayBuilder contributions = Json.createArrayBuilder();
        for (ReturnFigures.MonthCost m : cost.months()) {
            labels.add(m.month().toString());
            pay.add(m.pay());
            contributions.add(m.employerContributions());
        }
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", texts.get("returns.chart.pay")).add("data", pay))
                        .add(Json.createObjectBuilder().add("label", texts.get("returns.chart.contributions"))
                                .add("data", contributions))))
                .add("options", Json.createObjectBuilder().add("responsive", true).add("scales",
                        Json.createObjectBuilder().add("x", stacked()).add("y", stacked())))
                .build().toString();
    }

    /** A stacked axis; a builder is emptied once added, so each axis has its own. */
    private static jakarta.json.JsonObjectBuilder stacked() {
        return Json.createObjectBuilder().add("stacked", true);
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
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

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public List<String> getPeriods() {
        return List.of("1T", "2T", "3T", "4T", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12");
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public Long getEmployee() {
        return employee;
    }

    public void setEmployee(Long employee) {
        this.employee = employee;
    }

    public List<Employee> getEmployeeList() {
        return employeeList;
    }

    public ReturnFigures.MonthSummary getSummary() {
        return summary;
    }

    public ReturnFigures.CostReport getCost() {
        return cost;
    }

    public List<Modelo111.Row> getBoxes() {
        return boxes;
    }
}
