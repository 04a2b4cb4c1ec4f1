package coop.intercoop.hub.payroll.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import coop.intercoop.hub.payroll.entity.Payslip;
import coop.intercoop.hub.payroll.entity.Payslip.Contribution;
import coop.intercoop.hub.payroll.entity.Payslip.Earning;
import coop.intercoop.hub.payroll.entity.Payslip.EarningKind;
import coop.intercoop.hub.payroll.entity.Payslip.Item;
import coop.intercoop.hub.platform.HubTexts;

/**
 * Writes payslips as PDF in the layout of the official salary receipt (Orden de 27 de diciembre de 1994,
 * BOE-A-1995-912, annex as amended by Orden ESS/2098/2014, BOE-A-2014-11637): the heading, I. Devengos, A. Total
 * devengado, II. Deducciones, B. Total a deducir, the net pay, the date and signatures, and the block that determines
 * the contribution bases, the base subject to IRPF withholding and the employer's contributions, in that order. One
 * payslip is one or more A4 pages; a run is one file with each worker's payslip starting on a page of its own. A
 * payslip too long for a page goes on to the next, whose top line names the worker and the period again, and every page
 * says which sheet of the worker's payslip it is.
 * <p>
 * The labels are the model's, in Spanish, whatever the reader's language: the model is a legal text, and its art. 1.1
 * deems a receipt to follow it only if it neither drops nor renames any of its concepts (it may add information, which
 * this one does: seniority, MEI, solidarity, the split of overtime and AT/EP, the employer's total). Amounts are
 * written the Spanish way (1.234,56), rates as percent with two decimals.
 * <p>
 * Font: the standard Helvetica every PDF viewer holds, not embedded. Its character set (WinAnsiEncoding) holds every
 * Spanish, Catalan, Galician and Basque letter (á é í ó ú à è ò ï ü ñ ç, their capitals, l·l) and € º ª; a text with a
 * character outside it is refused ({@link UnprintableCharacterException}) before anything is written, never replaced.
 */
public final class PayslipPdf {

    private static final String TITLE = "RECIBO INDIVIDUAL JUSTIFICATIVO DEL PAGO DE SALARIOS";
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy",
            HubTexts.SPANISH);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float LEFT = 36;
    private static final float RIGHT = PAGE.getWidth() - 36;
    private static final float TOP = PAGE.getHeight() - 32;
    private static final float BOTTOM = 44;
    private static final float SIZE = 8;
    private static final float TITLE_SIZE = 11;
    private static final float LEADING = 10;
    /** Right edges of the base, rate, amount and totals columns, and where the concepts stop. */
    private static final float BASE = 395;
    private static final float RATE = 443;
    private static final float AMOUNT = 500;
    private static final float TOTAL = RIGHT;
    private static final float CONCEPT_WIDTH = BASE - 45 - LEFT;
    private static final float INDENT = 12;
    private static final float MIDDLE = 305;

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Map<Integer, Boolean> encodable = new HashMap<>();

    /**
     * Writes one payslip.
     *
     * @throws UnprintableCharacterException
     *             when a text has a character the font cannot write; nothing is written then
     */
    public static void write(Payslip payslip, OutputStream out) {
        write(List.of(payslip), out);
    }

    /**
     * Writes a run's payslips into one file, each starting on its own page, in the order given.
     *
     * @throws UnprintableCharacterException
     *             when a text of any of them has a character the font cannot write; nothing is written then
     */
    public static void write(List<Payslip> payslips, OutputStream out) {
        if (payslips.isEmpty()) {
            throw new IllegalArgumentException("a payslip file has at least one payslip");
        }
        new PayslipPdf().render(payslips, out);
    }

    private PayslipPdf() {
    }

    private void render(List<Payslip> payslips, OutputStream out) {
        payslips.forEach(this::refuseUnprintable);
        // pages are kept in a temporary file rather than in memory, and each payslip is laid out only when it is
        // drawn: a run may have thousands of workers
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle(TITLE);
            for (Payslip payslip : payslips) {
                List<List<Row>> pages = paginate(rows(payslip));
                for (int page = 0; page < pages.size(); page++) {
                    draw(document, pages.get(page), footer(payslip, page + 1, pages.size()));
                }
            }
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- the receipt's rows, in the model's order ---

    private List<Row> rows(Payslip p) {
        List<Row> rows = new ArrayList<>();
        rows.add(title(TITLE));
        rows.add(new Row(Style.PLAIN, cell("Importes en euros (€)", TOTAL, 150, Align.RIGHT, false)));
        heading(p, rows);
        devengos(p, rows);
        deducciones(p, rows);
        signatures(p, rows);
        bases(p, rows);
        return rows;
    }

    private void heading(Payslip p, List<Row> rows) {
        Payslip.Company company = p.company();
        Payslip.Worker worker = p.worker();
        List<String[]> left = List.of(new String[] { "Empresa:", company.name() },
                new String[] { "Domicilio:", company.address() }, new String[] { "CIF:", company.cif() },
                new String[] { "CCC:", company.ccc() });
        List<String[]> right = new ArrayList<>(List.of(new String[] { "Trabajador:", worker.name() },
                new String[] { "NIF:", worker.nif() }, new String[] { "Núm. Afil. Seguridad Social:", worker.naf() },
                new String[] { "Grupo profesional:", worker.professionalGroup() },
                new String[] { "Grupo de cotización:", Integer.toString(worker.contributionGroup()) }));
        worker.seniority().ifPresent(day -> right.add(new String[] { "Antigüedad:", SHORT_DATE.format(day) }));
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            List<Cell> cells = new ArrayList<>();
            if (i < left.size()) {
                cells.add(cell(left.get(i)[0], LEFT, 60, Align.LEFT, true));
                cells.add(cell(left.get(i)[1], LEFT + 60, MIDDLE - LEFT - 70, Align.LEFT, false));
            }
            if (i < right.size()) {
                cells.add(cell(right.get(i)[0], MIDDLE, 110, Align.LEFT, true));
                cells.add(cell(right.get(i)[1], MIDDLE + 110, RIGHT - MIDDLE - 110, Align.LEFT, false));
            }
            rows.add(new Row(Style.PLAIN, cells));
        }
        Payslip.Period period = p.period();
        rows.add(new Row(Style.RULED,
                cell("Periodo de liquidación: del " + LONG_DATE.format(period.from()) + " al "
                        + LONG_DATE.format(period.to()), LEFT, 400, Align.LEFT, false),
                cell("Total días: " + period.days(), TOTAL, 100, Align.RIGHT, true)));
    }

    private void devengos(Payslip p, List<Row> rows) {
        rows.add(new Row(Style.SECTION, cell("I. DEVENGOS", LEFT, 200, Align.LEFT, true),
                cell("IMPORTE", AMOUNT, 60, Align.RIGHT, true), cell("TOTALES", TOTAL, 60, Align.RIGHT, true)));
        rows.add(subtotal("1. Percepciones salariales", p.totalSalary()));
        for (EarningKind kind : EarningKind.values()) {
            if (kind == EarningKind.ALLOWANCE) {
                rows.add(subtotal("2. Percepciones no salariales", p.totalNonSalary()));
            }
            List<Earning> earnings = p.earnings(kind);
            if (earnings.size() == 1 && earnings.get(0).concept().isBlank()) {
                rows.add(figures(kind.label(), INDENT, null, null, earnings.get(0).amount()));
            } else {
                rows.add(figures(kind.label(), INDENT, null, null, null));
                for (Earning earning : earnings) {
                    rows.add(figures(earning.concept().isBlank() ? kind.label() : earning.concept(), 2 * INDENT, null,
                            null, earning.amount()));
                }
            }
        }
        rows.add(total("A. TOTAL DEVENGADO", p.totalEarned()));
    }

    private void deducciones(Payslip p, List<Row> rows) {
        rows.add(new Row(Style.SECTION, cell("II. DEDUCCIONES", LEFT, 200, Align.LEFT, true),
                cell("BASE", BASE, 60, Align.RIGHT, true), cell("TIPO", RATE, 50, Align.RIGHT, true),
                cell("IMPORTE", AMOUNT, 60, Align.RIGHT, true), cell("TOTALES", TOTAL, 60, Align.RIGHT, true)));
        rows.add(heading("1. Aportación del trabajador a las cotizaciones a la Seguridad Social y conceptos de "
                + "recaudación conjunta"));
        List<Contribution> worker = p.employeeContributions();
        contributions(rows, "Contingencias comunes", worker, Item.COMMON::equals, true, AMOUNT);
        contributions(rows, Item.MEI.label(), worker, Item.MEI::equals, false, AMOUNT);
        contributions(rows, "Desempleo", worker, Item.UNEMPLOYMENT::equals, true, AMOUNT);
        contributions(rows, "Formación profesional", worker, Item.TRAINING::equals, true, AMOUNT);
        contributions(rows, "Horas extraordinarias", worker,
                item -> item == Item.OVERTIME_FORCE_MAJEURE || item == Item.OVERTIME_OTHER, true, AMOUNT);
        contributions(rows, Item.SOLIDARITY.label(), worker, Item.SOLIDARITY::equals, false, AMOUNT);
        rows.add(new Row(Style.PLAIN, cell("TOTAL APORTACIONES", LEFT + INDENT, CONCEPT_WIDTH, Align.LEFT, true),
                amount(p.totalEmployeeContributions(), TOTAL, true)));
        Payslip.Withholding irpf = p.withholding();
        rows.add(new Row(Style.PLAIN,
                cell("2. Impuesto sobre la renta de las personas físicas", LEFT, CONCEPT_WIDTH, Align.LEFT, true),
                amount(irpf.base(), BASE, false), rate(irpf.rate()), amount(irpf.amount(), TOTAL, false)));
        rows.add(new Row(Style.PLAIN, cell("3. Anticipos", LEFT, CONCEPT_WIDTH, Align.LEFT, true),
                amount(p.advances(), TOTAL, false)));
        rows.add(new Row(Style.PLAIN,
                cell("4. Valor de los productos recibidos en especie", LEFT, CONCEPT_WIDTH, Align.LEFT, true),
                amount(p.inKindValue(), TOTAL, false)));
        rows.add(heading("5. Otras deducciones"));
        for (Payslip.Deduction deduction : p.otherDeductions()) {
            rows.add(new Row(Style.PLAIN, cell(deduction.concept(), LEFT + INDENT, CONCEPT_WIDTH, Align.LEFT, false),
                    amount(deduction.amount(), TOTAL, false)));
        }
        rows.add(total("B. TOTAL A DEDUCIR", p.totalDeducted()));
        rows.add(new Row(Style.RULED,
                cell("LÍQUIDO TOTAL A PERCIBIR (A-B)", LEFT, CONCEPT_WIDTH + 100, Align.LEFT, true),
                amount(p.net(), TOTAL, true)));
        if (p.net().signum() < 0) {
            // information the model lacks, which it allows: a receipt of differences paid in excess
            rows.add(new Row(Style.PLAIN, cell("Importe que el trabajador debe reintegrar a la empresa", LEFT,
                    CONCEPT_WIDTH + 100, Align.LEFT, false), amount(p.net().negate(), TOTAL, false)));
        }
    }

    private void signatures(Payslip p, List<Row> rows) {
        rows.add(new Row(Style.PLAIN, cell(LONG_DATE.format(p.date()), TOTAL, 200, Align.RIGHT, false)));
        rows.add(new Row(Style.SIGNATURE, cell("Firma y sello de la empresa", LEFT, 200, Align.LEFT, true),
                cell("RECIBÍ", TOTAL, 100, Align.RIGHT, true)));
    }

    private void bases(Payslip p, List<Row> rows) {
        rows.add(new Row(Style.SECTION, cell("DETERMINACIÓN DE LAS BASES DE COTIZACIÓN A LA SEGURIDAD SOCIAL Y "
                + "CONCEPTOS DE RECAUDACIÓN CONJUNTA Y DE LA BASE SUJETA A RETENCIÓN DEL IRPF Y APORTACIÓN DE LA EMPRESA",
                LEFT, RIGHT - LEFT, Align.LEFT, true)));
        rows.add(new Row(Style.PLAIN, cell("CONCEPTO", LEFT, 100, Align.LEFT, true),
                cell("BASE", BASE, 60, Align.RIGHT, true), cell("TIPO", RATE, 50, Align.RIGHT, true),
                cell("APORTACIÓN EMPRESA", TOTAL, 100, Align.RIGHT, true)));
        Payslip.Bases bases = p.bases();
        List<Contribution> employer = p.employerContributions();
        rows.add(heading("1. Contingencias comunes"));
        rows.add(figures("Importe remuneración mensual", INDENT, bases.monthlyPay(), null, null));
        rows.add(figures("Importe prorrata pagas extraordinarias", INDENT, bases.proratedExtras(), null, null));
        rows.add(figures("TOTAL", INDENT, bases.common(), null, null));
        employerRows(rows, employer, item -> item.block() == 1);
        rows.add(new Row(Style.PLAIN, cell("2. Contingencias profesionales y conceptos de recaudación conjunta", LEFT,
                CONCEPT_WIDTH, Align.LEFT, true), amount(bases.professional(), BASE, false)));
        contributions(rows, "AT y EP", employer, item -> item == Item.AT_EP_IT || item == Item.AT_EP_IMS, true, TOTAL);
        contributions(rows, "Desempleo", employer, Item.UNEMPLOYMENT::equals, true, TOTAL);
        contributions(rows, "Formación profesional", employer, Item.TRAINING::equals, true, TOTAL);
        contributions(rows, "Fondo de Garantía Salarial", employer, Item.FOGASA::equals, true, TOTAL);
        rows.add(new Row(Style.PLAIN,
                cell("3. Cotización adicional horas extraordinarias", LEFT, CONCEPT_WIDTH, Align.LEFT, true),
                amount(bases.overtime(), BASE, false)));
        employerRows(rows, employer, item -> item.block() == 3);
        rows.add(
                new Row(Style.PLAIN, cell("4. Base sujeta a retención del IRPF", LEFT, CONCEPT_WIDTH, Align.LEFT, true),
                        amount(p.withholding().base(), BASE, false)));
        rows.add(total("Total aportación de la empresa", p.totalEmployerContributions()));
    }

    private void employerRows(List<Row> rows, List<Contribution> employer, Predicate<Item> which) {
        List<Contribution> these = employer.stream().filter(c -> which.test(c.item())).toList();
        for (int i = 0; i < these.size(); i++) {
            rows.add(contribution(these, i, INDENT, TOTAL));
        }
    }

    /**
     * The model's line {@code label} and the contributions it holds: on the same row when it is one whose own label is
     * the model's, otherwise the label alone (if {@code always}, or if any) and each contribution below it.
     */
    private void contributions(List<Row> rows, String label, List<Contribution> all, Predicate<Item> which,
            boolean always, float column) {
        List<Contribution> these = all.stream().filter(c -> which.test(c.item())).toList();
        if (these.size() == 1 && these.get(0).item().label().equals(label)) {
            rows.add(contribution(these, 0, INDENT, column));
            return;
        }
        if (always || !these.isEmpty()) {
            rows.add(figures(label, INDENT, null, null, null));
        }
        for (int i = 0; i < these.size(); i++) {
            rows.add(contribution(these, i, 2 * INDENT, column));
        }
    }

    /**
     * The {@code i}th contribution of a list, labelled with its item and, when the item has several lines (the
     * solidarity bands of LGSS art. 19 bis), the band's number in their order.
     */
    private Row contribution(List<Contribution> these, int i, float indent, float column) {
        Contribution c = these.get(i);
        String label = c.item().label();
        if (these.stream().filter(other -> other.item() == c.item()).count() > 1) {
            label += " (tramo " + (these.subList(0, i + 1).stream().filter(o -> o.item() == c.item()).count()) + ")";
        }
        return figures(label, indent, c.base().orElse(null), c.rate().orElse(null), c.amount(), column);
    }

    private Row figures(String concept, float indent, BigDecimal base, BigDecimal rate, BigDecimal amount) {
        return figures(concept, indent, base, rate, amount, AMOUNT);
    }

    /** A concept with its base, rate and amount (each if any), the amount's right edge at {@code column}. */
    private Row figures(String concept, float indent, BigDecimal base, BigDecimal rate, BigDecimal amount,
            float column) {
        List<Cell> cells = new ArrayList<>();
        cells.add(cell(concept, LEFT + indent, CONCEPT_WIDTH + INDENT - indent, Align.LEFT, false));
        if (base != null) {
            cells.add(amount(base, BASE, false));
        }
        if (rate != null) {
            cells.add(rate(rate));
        }
        if (amount != null) {
            cells.add(amount(amount, column, false));
        }
        return new Row(Style.PLAIN, cells);
    }

    private Row heading(String text) {
        return new Row(Style.KEEP, cell(text, LEFT, RIGHT - LEFT - 70, Align.LEFT, true));
    }

    private Row subtotal(String text, BigDecimal sum) {
        return new Row(Style.KEEP, cell(text, LEFT, CONCEPT_WIDTH, Align.LEFT, true), amount(sum, TOTAL, false));
    }

    private Row total(String text, BigDecimal sum) {
        return new Row(Style.RULED, cell(text, LEFT, CONCEPT_WIDTH + 100, Align.LEFT, true), amount(sum, TOTAL, true));
    }

    private Cell amount(BigDecimal amount, float right, boolean strong) {
        return cell(HubTexts.decimal(amount, HubTexts.SPANISH), right, 80, Align.RIGHT, strong);
    }

    private Cell rate(BigDecimal rate) {
        BigDecimal shown = rate.scale() < 2 ? rate.setScale(2) : rate;
        return cell(HubTexts.decimal(shown, HubTexts.SPANISH) + " %", RATE, 50, Align.RIGHT, false);
    }

    private String footer(Payslip p, int sheet, int sheets) {
        return p.worker().name() + " · " + p.worker().nif() + " · " + LONG_DATE.format(p.period().from()) + " - "
                + LONG_DATE.format(p.period().to()) + " · Hoja " + sheet + " de " + sheets;
    }

    // --- the characters the font can write ---

    private void refuseUnprintable(Payslip p) {
        List<Map.Entry<String, String>> texts = new ArrayList<>(List.of(Map.entry("company.name", p.company().name()),
                Map.entry("company.address", p.company().address()), Map.entry("company.cif", p.company().cif()),
                Map.entry("company.ccc", p.company().ccc()), Map.entry("worker.name", p.worker().name()),
                Map.entry("worker.nif", p.worker().nif()), Map.entry("worker.naf", p.worker().naf()),
                Map.entry("worker.professionalGroup", p.worker().professionalGroup())));
        p.earnings().forEach(e -> texts.add(Map.entry("earning.concept", e.concept())));
        p.otherDeductions().forEach(d -> texts.add(Map.entry("deduction.concept", d.concept())));
        for (Map.Entry<String, String> text : texts) {
            unprintable(text.getValue()).ifPresent(codePoint -> {
                throw new UnprintableCharacterException(text.getKey(), p.worker().name(), text.getValue(), codePoint);
            });
        }
    }

    /** The first character of the text the font has no code for; white space is written as one space. */
    private Optional<Integer> unprintable(String text) {
        return text.codePoints().filter(c -> !Character.isWhitespace(c)).filter(c -> !encodes(c)).boxed().findFirst();
    }

    private boolean encodes(int codePoint) {
        return encodable.computeIfAbsent(codePoint, c -> {
            try {
                regular.encode(new String(Character.toChars(c)));
                return true;
            } catch (IllegalArgumentException | IOException notInTheEncoding) {
                return false;
            }
        });
    }

    // --- layout: rows of cells, wrapped, split into pages ---

    private enum Style {
        /** The title, larger. */
        TITLE,
        /** A section's title, ruled above, kept with the row after it. */
        SECTION,
        /** A heading kept with the row after it. */
        KEEP,
        /** A row with a rule above it. */
        RULED,
        /** The row of the signatures, with room below it to sign. */
        SIGNATURE, PLAIN
    }

    private enum Align {
        LEFT, RIGHT
    }

    /** A text's lines at {@code x} (their left edge, or their right edge when aligned right). */
    private record Cell(List<String> lines, float x, Align align, boolean strong, float size) {
    }

    private record Row(Style style, List<Cell> cells) {
        Row(Style style, Cell... cells) {
            this(style, List.of(cells));
        }
    }

    /** A text wrapped to {@code width}, once: the layout measures each row several times. */
    private Cell cell(String text, float x, float width, Align align, boolean strong) {
        return cell(text, x, width, align, strong, SIZE);
    }

    private Cell cell(String text, float x, float width, Align align, boolean strong, float size) {
        return new Cell(wrap(text, width, strong ? bold : regular, size), x, align, strong, size);
    }

    private float size(Row row) {
        return row.style() == Style.TITLE ? TITLE_SIZE : SIZE;
    }

    /** The room above a row's first line (for its rule) and below its last (for the signatures). */
    private float above(Row row) {
        return switch (row.style()) {
            case TITLE -> 6;
            case SECTION -> 8;
            case RULED, SIGNATURE -> 4;
            default -> 0;
        };
    }

    private float height(Row row) {
        float below = row.style() == Style.SIGNATURE ? 30 : 0;
        return above(row) + lines(row) * LEADING * size(row) / SIZE + below;
    }

    private int lines(Row row) {
        return row.cells().stream().mapToInt(cell -> cell.lines().size()).max().orElse(1);
    }

    private List<List<Row>> paginate(List<Row> rows) {
        List<List<Row>> pages = new ArrayList<>();
        List<Row> page = new ArrayList<>();
        float room = TOP - BOTTOM;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            float needed = height(row);
            boolean kept = (row.style() == Style.SECTION || row.style() == Style.KEEP) && i + 1 < rows.size();
            float withNext = kept ? needed + height(rows.get(i + 1)) : needed;
            if (withNext > room && !page.isEmpty()) {
                pages.add(page);
                page = new ArrayList<>();
                Row again = title(TITLE + " (continuación)");
                page.add(again);
                room = TOP - BOTTOM - height(again);
            }
            page.add(row);
            room -= needed;
        }
        pages.add(page);
        return pages;
    }

    private Row title(String text) {
        return new Row(Style.TITLE, cell(text, LEFT, RIGHT - LEFT, Align.LEFT, true, TITLE_SIZE));
    }

    private void draw(PDDocument document, List<Row> rows, String footer) throws IOException {
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        try (PDPageContentStream out = new PDPageContentStream(document, page)) {
            out.setLineWidth(0.5f);
            float y = TOP;
            for (Row row : rows) {
                float size = size(row);
                float top = y - above(row);
                if (row.style() == Style.SECTION || row.style() == Style.RULED) {
                    out.moveTo(LEFT, top + 2);
                    out.lineTo(RIGHT, top + 2);
                    out.stroke();
                }
                for (Cell cell : row.cells()) {
                    PDType1Font font = cell.strong() ? bold : regular;
                    float baseline = top - size;
                    for (String line : cell.lines()) {
                        float x = cell.align() == Align.LEFT ? cell.x() : cell.x() - width(line, font, size);
                        text(out, font, size, x, baseline, line);
                        baseline -= LEADING * size / SIZE;
                    }
                }
                y -= height(row);
            }
            text(out, regular, 7, LEFT, BOTTOM - 20, footer);
        }
    }

    private static void text(PDPageContentStream out, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    /** The text in lines that fit the width, broken between words (inside a word only if it alone is wider). */
    private static List<String> wrap(String text, float width, PDType1Font font, float size) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (int c = 0; c < word.length(); c = word.offsetByCodePoints(c, 1)) {
                String longer = line.toString() + word.substring(c, word.offsetByCodePoints(c, 1));
                if (width(longer, font, size) > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(word.codePointAt(c));
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static float width(String text, PDType1Font font, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) { // refuseUnprintable let only the font's characters in
            throw new IllegalStateException("no width for " + text, e);
        }
    }
}
