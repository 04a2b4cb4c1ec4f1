package coop.intercoop.hub.payroll.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import coop.intercoop.hub.payroll.entity.WithholdingCertificate;

/**
 * The withholding certificate as PDF (Apache PDFBox): the statements of {@link WithholdingCertificate#text(Locale)} in
 * the reader's language, one per line, wrapped to the page, its title in bold, and a line for the payer's signature.
 * The font is the standard Helvetica, as the payslip's ({@link PayslipPdf}): a name with a character outside its set is
 * refused ({@link UnprintableCharacterException}) before anything is written, never replaced.
 */
public final class WithholdingCertificatePdf {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float LEFT = 50;
    private static final float WIDTH = PAGE.getWidth() - 2 * LEFT;
    private static final float TOP = PAGE.getHeight() - 50;
    private static final float BOTTOM = 50;
    private static final float SIZE = 10;
    private static final float LEADING = 14;

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private WithholdingCertificatePdf() {
    }

    /**
     * @throws UnprintableCharacterException
     *             when the payer's or the perceptor's name has a character the font cannot write
     */
    public static void write(WithholdingCertificate certificate, Locale language, OutputStream out) {
        new WithholdingCertificatePdf().render(certificate, language, out);
    }

    private void render(WithholdingCertificate certificate, Locale language, OutputStream out) {
        refuse("payer.name", certificate.name(), certificate.payer().name());
        refuse("worker.name", certificate.name(), certificate.name());
        List<String> statements = new ArrayList<>(List.of(certificate.text(language).split("\n", -1)));
        statements.add("");
        statements.add("");
        statements.add("______________________________");
        statements.add(certificate.payer().name().strip());
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(statements.get(0));
            PDPageContentStream page = null;
            float y = 0;
            for (int i = 0; i < statements.size(); i++) {
                PDType1Font font = i == 0 ? bold : regular;
                for (String line : wrap(statements.get(i), font)) {
                    if (page == null || y < BOTTOM) {
                        if (page != null) {
                            page.close();
                        }
                        PDPage next = new PDPage(PAGE);
                        document.addPage(next);
                        page = new PDPageContentStream(document, next);
                        y = TOP;
                    }
                    page.beginText();
                    page.setFont(font, SIZE);
                    page.newLineAtOffset(LEFT, y);
                    page.showText(line);
                    page.endText();
                    y -= LEADING;
                }
            }
            page.close();
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void refuse(String field, String worker, String text) {
        text.codePoints().filter(c -> !Character.isWhitespace(c)).filter(c -> !encodes(c)).findFirst().ifPresent(c -> {
            throw new UnprintableCharacterException(field, worker, text, c);
        });
    }

    private boolean encodes(int codePoint) {
        try {
            regular.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException notInTheEncoding) {
            return false;
        }
    }

    /** The statement in lines that fit the page, broken between words. */
    private List<String> wrap(String text, PDType1Font font) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * SIZE > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
