package coop.intercoop.hub.payroll.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.entity.Perception;
import coop.intercoop.hub.payroll.entity.ReturnsExample;
import coop.intercoop.hub.payroll.entity.WithholdingCertificate;

/** The certificate of RIRPF art. 108.3 as PDF: the statements of its text, in the reader's language. */
class WithholdingCertificatePdfTest {

    private static WithholdingCertificate certificate(String name) {
        Perception employee = Perception.employee(ReturnsExample.EMPLOYEE_NIF, name, "28",
                Perception.Amounts.monetary(ReturnsExample.euros("25000.00"), ReturnsExample.euros("3522.50")),
                Perception.Situation.alone(1985, 1), ReturnsExample.euros("1625.00"));
        return WithholdingCertificate.of(2026, ReturnsExample.declarant(), List.of(employee), LocalDate.of(2027, 1, 20))
                .get(0);
    }

    @Test
    void theCertificatesPdfSaysWhatItsTextSays() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WithholdingCertificatePdf.write(certificate("Muñoz Peña José Ángel"), Locale.forLanguageTag("es"), out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Muñoz Peña José Ángel"), text);
            assertTrue(text.contains("12345678Z"), text);
            assertTrue(text.contains(ReturnsExample.DECLARANT_NIF), text);
            assertTrue(text.contains("2026"), text);
        }
    }

    @Test
    void aNameTheFontCannotWriteIsRefusedNamingTheCharacter() {
        UnprintableCharacterException refused = assertThrows(UnprintableCharacterException.class,
                () -> WithholdingCertificatePdf.write(certificate("Ţepeş Ion"), Locale.ENGLISH,
                        new ByteArrayOutputStream()));
        assertEquals("worker.name", refused.field());
    }
}
