package coop.intercoop.hub.payroll.boundary;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import coop.intercoop.hub.payroll.control.ReturnFigures;
import coop.intercoop.hub.payroll.control.ReturnFigures.CostReport;
import coop.intercoop.hub.payroll.control.ReturnFigures.MonthSummary;
import coop.intercoop.hub.payroll.control.ReturnFigures.Paid;
import coop.intercoop.hub.payroll.entity.InvalidReturnException;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.Xlsx;
import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.platform.faces.WorkbookDownload;
import coop.intercoop.hub.spreadsheet.boundary.Workbook;
import coop.intercoop.hub.spreadsheet.control.SheetWriter;
import coop.intercoop.hub.spreadsheet.control.SheetWriter.Column;

/**
 * The payroll exports' workbooks, one {@link Workbook} each, described once for the API ({@code Accept} of the
 * spreadsheet's media type, or {@code format=xlsx}) and the portal's download alike. The exports are short (a month's
 * employees, a range's months by centre and project), so each is written on the caller's thread.
 */
final class ReturnWorkbooks {

    /** The payroll returns' texts, in English; {@code returns_es.properties} has the Spanish ones. */
    static final String TITLES = "coop.intercoop.hub.payroll.returns";

    private ReturnWorkbooks() {
    }

    /** The month's summary: one row per employee of each run, then the run's totals, then the month's. */
    static final Workbook<MonthSummary> SUMMARY = new Workbook<>(TITLES, "workbook.summary.title",
            List.of(Column.integer("Nómina"), Column.text("Tipo"), Column.text("Estado"), Column.text("Trabajador", 40),
                    Column.text("NIF"), Column.text("CCC"), Column.text("Proyecto"), Column.amount("Devengado"),
                    Column.amount("Base IRPF"), Column.amount("SS trabajador"), Column.amount("IRPF"),
                    Column.amount("Anticipos"), Column.amount("Líquido"), Column.amount("SS empresa"),
                    Column.amount("Coste empresa")),
            Workbook.Writing.DIRECT, (org, s) -> "resumen-nominas-" + org + "-" + s.month(),
            s -> new Object[] { s.month().toString() }, ReturnWorkbooks::summary);

    /** The employer's cost by month, work centre and project, then the months' totals. */
    static final Workbook<CostReport> COST = new Workbook<>(TITLES, "workbook.cost.title",
            List.of(Column.text("Mes"), Column.text("CCC"), Column.text("Proyecto"), Column.integer("Trabajadores"),
                    Column.amount("Devengado"), Column.amount("SS empresa"), Column.amount("Coste empresa")),
            Workbook.Writing.DIRECT, (org, c) -> "coste-personal-" + org + "-" + c.from() + "-" + c.to(),
            c -> new Object[] { c.from().toString(), c.to().toString() }, ReturnWorkbooks::cost);

    private static void summary(SheetWriter xlsx, List<Column> columns, MonthSummary summary) {
        xlsx.sheet("Resumen " + summary.month(), columns);
        for (ReturnFigures.RunSummary run : summary.runs()) {
            for (Paid p : run.employees()) {
                xlsx.row(p.runId(), p.kind(), p.state(), p.workerName(), p.nif(), p.workCentre(),
                        p.project().orElse(null), p.gross(), p.taxable(), p.employeeContributions(), p.withheld(),
                        p.advances(), p.net(), p.employerContributions(), p.employerCost());
            }
            totals(xlsx, run.runId(), "Total nómina " + run.runId(), run.totals());
        }
        totals(xlsx, null, "Total " + summary.month(), summary.totals());
    }

    private static void totals(SheetWriter xlsx, Long run, String caption, ReturnFigures.Totals t) {
        xlsx.totals(run, null, null, caption, null, null, null, t.gross(), t.taxable(), t.employeeContributions(),
                t.withheld(), t.advances(), t.net(), t.employerContributions(), t.employerCost());
    }

    private static void cost(SheetWriter xlsx, List<Column> columns, CostReport cost) {
        xlsx.sheet("Coste " + cost.from() + " a " + cost.to(), columns);
        for (ReturnFigures.CostRow row : cost.rows()) {
            xlsx.row(row.month().toString(), row.workCentre(), row.project(), row.employees(), row.pay(),
                    row.employerContributions(), row.employerCost());
        }
        for (ReturnFigures.MonthCost month : cost.months()) {
            xlsx.boldRow(month.month().toString(), "Total mes", null, null, month.pay(), month.employerContributions(),
                    month.employerCost());
        }
        xlsx.totals("Total", null, null, null, cost.total().pay(), cost.total().employerContributions(),
                cost.total().employerCost());
    }

    /**
     * Whether a request asks for the workbook: {@code format=xlsx}, or without a format the spreadsheet's type first in
     * its {@code Accept}.
     *
     * @throws InvalidReturnException
     *             for a format other than json and xlsx
     */
    static boolean wanted(Optional<String> format, HttpHeaders headers) {
        if (format.isPresent() && !format.get().isBlank()) {
            if (!format.get().equalsIgnoreCase("xlsx") && !format.get().equalsIgnoreCase("json")) {
                throw new InvalidReturnException("format", "returns.format", format.get());
            }
            return format.get().equalsIgnoreCase("xlsx");
        }
        return !headers.getAcceptableMediaTypes().isEmpty()
                && Xlsx.MEDIA_TYPE.equals(headers.getAcceptableMediaTypes().get(0).getType() + "/"
                        + headers.getAcceptableMediaTypes().get(0).getSubtype());
    }
}
