package coop.intercoop.hub.payroll.boundary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import coop.intercoop.hub.payroll.control.PayslipPdf;
import coop.intercoop.hub.platform.faces.FileDownload;
import coop.intercoop.hub.payroll.entity.Payslip;

/**
 * Payslips as a PDF file, for the API and the portal's pages alike: written whole before answering, so that a refusal
 * of the PDF (a character its font lacks) is a refusal, shown as one, instead of a broken download.
 */
final class PayslipDownload {

    private PayslipDownload() {
    }

    static final String MEDIA_TYPE = "application/pdf";

    /** The payslips, one after another, as one PDF. */
    static byte[] pdf(List<Payslip> payslips) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PayslipPdf.write(payslips, pdf);
        return pdf.toByteArray();
    }

    static String attachment(String name) {
        return "attachment; filename=\"" + name + "\"";
    }

    /** Sends the payslips from a page's non-ajax action in place of the page. */
    static void send(List<Payslip> payslips, String name) throws IOException {
        byte[] pdf = pdf(payslips);
        FileDownload.send(attachment(name), MEDIA_TYPE, out -> out.write(pdf));
    }
}
