package coop.intercoop.hub.payroll.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.control.Contributions.AtEpPremium;
import coop.intercoop.hub.payroll.control.Contributions.ContractKind;
import coop.intercoop.hub.payroll.control.Contributions.Payer;
import coop.intercoop.hub.payroll.control.Withholding.Contract;
import coop.intercoop.hub.payroll.control.Withholding.Disability;
import coop.intercoop.hub.payroll.control.Withholding.Employee;
import coop.intercoop.hub.payroll.control.Withholding.Forecast;
import coop.intercoop.hub.payroll.control.Withholding.Relationship;
import coop.intercoop.hub.payroll.entity.AtepPremiums.Premium;
import coop.intercoop.hub.payroll.entity.Payslip;
import coop.intercoop.hub.payroll.entity.Payslip.Contribution;
import coop.intercoop.hub.payroll.entity.Payslip.Earning;
import coop.intercoop.hub.payroll.entity.Payslip.EarningKind;
import coop.intercoop.hub.payroll.entity.Payslip.Item;
import coop.intercoop.hub.payroll.entity.Source;
import coop.intercoop.hub.platform.HubTexts;

/**
 * The payslip PDF, read back with PDFBox's text stripper. The worked payslip is March 2026, group 5, open-ended, pay
 * 1.750,00 a month plus two extra payments of 1.500,00 (prorated 250,00: LGSS art. 147.1), so the common base is
 * 2.000,00, issue 19's first example; its contributions come from {@link Contributions} on the installed tables (Orden
 * PJC/297/2026, BOE-A-2026-7296, arts. 4, 16 and 33), its AT/EP premium from Cuadro I for CNAE 88 (IT 0,80 %, IMS 0,70
 * %), its withholding from {@link Withholding}. The layout is the annex of the Orden de 27 de diciembre de 1994
 * (BOE-A-1995-912) as amended by Orden ESS/2098/2014 (BOE-A-2014-11637).
 */
class PayslipPdfTest {

    private static final YearMonth MARCH_2026 = YearMonth.of(2026, 3);
    private static final Payslip.Company COMPANY = new Payslip.Company("Cooperativa Social L'Esperança",
            "Calle de la Montaña, 3, 28013 Madrid", "F12345678", "28 1234567 85");

    /** The model's sections and totals, in the model's order. */
    private static final List<String> SECTIONS = List.of("RECIBO INDIVIDUAL JUSTIFICATIVO DEL PAGO DE SALARIOS",
            "Empresa:", "Trabajador:", "Periodo de liquidación:", "I. DEVENGOS", "1. Percepciones salariales",
            "Salario base", "Complementos salariales", "Horas extraordinarias",
            "Horas complementarias (contratos a tiempo parcial)", "Gratificaciones extraordinarias",
            "Salario en especie", "2. Percepciones no salariales", "Indemnizaciones o suplidos",
            "Prestaciones e indemnizaciones de la Seguridad Social",
            "Indemnizaciones por traslados, suspensiones o despidos", "Otras percepciones no salariales",
            "A. TOTAL DEVENGADO", "II. DEDUCCIONES",
            "1. Aportación del trabajador a las cotizaciones a la Seguridad Social y conceptos de",
            "Contingencias comunes", "Desempleo", "Formación profesional", "Horas extraordinarias",
            "TOTAL APORTACIONES", "2. Impuesto sobre la renta de las personas físicas", "3. Anticipos",
            "4. Valor de los productos recibidos en especie", "5. Otras deducciones", "B. TOTAL A DEDUCIR",
            "LÍQUIDO TOTAL A PERCIBIR (A-B)", "Firma y sello de la empresa", "RECIBÍ",
            "DETERMINACIÓN DE LAS BASES DE COTIZACIÓN A LA SEGURIDAD SOCIAL", "1. Contingencias comunes",
            "Importe remuneración mensual", "Importe prorrata pagas extraordinarias", "TOTAL",
            "2. Contingencias profesionales y conceptos de recaudación conjunta", "AT y EP", "Desempleo",
            "Formación profesional", "Fondo de Garantía Salarial", "3. Cotización adicional horas extraordinarias",
            "4. Base sujeta a retención del IRPF");

    @Test
    void theModelsSectionsComeInTheModelsOrder() throws IOException {
        String text = text(pdf(List.of(worked("María Núñez Ibáñez", "00000000T"))), 1, 1);
        int from = 0;
        for (String section : SECTIONS) {
            int at = text.indexOf(section, from);
            assertTrue(at >= 0, section + " missing after position " + from + " in\n" + text);
            from = at + section.length();
        }
    }

    @Test
    void eachFigureIsOnItsLineWithItsBaseAndRate() throws IOException {
        Payslip payslip = worked("María Núñez Ibáñez", "00000000T");
        List<String> lines = text(pdf(List.of(payslip)), 1, 1).lines().toList();
        // earnings
        assertLine(lines, "Salario base 1.500,00");
        assertLine(lines, "Plus de convenio 150,00");
        assertLine(lines, "Complemento de antigüedad 100,00");
        assertLine(lines, "Dietas por desplazamiento 45,00");
        assertLine(lines, "1. Percepciones salariales 1.750,00");
        assertLine(lines, "2. Percepciones no salariales 45,00");
        assertLine(lines, "A. TOTAL DEVENGADO 1.795,00");
        // the worker's contributions, issue 19's first example: 94,00 + 3,00 + 31,00 + 2,00 = 130,00 (6,50 %)
        assertLine(lines, "Contingencias comunes 2.000,00 4,70 % 94,00");
        assertLine(lines, "Mecanismo de Equidad Intergeneracional (MEI) 2.000,00 0,15 % 3,00");
        assertLine(lines, "Desempleo 2.000,00 1,55 % 31,00");
        assertLine(lines, "Formación profesional 2.000,00 0,10 % 2,00");
        assertLine(lines, "TOTAL APORTACIONES 130,00");
        Payslip.Withholding irpf = payslip.withholding();
        assertLine(lines, "2. Impuesto sobre la renta de las personas físicas 1.750,00 " + spanish(irpf.rate()) + " % "
                + spanish(irpf.amount()));
        assertLine(lines, "5. Otras deducciones");
        assertLine(lines, "Cuota sindical (12 € al mes) 12,00");
        // the bases block and the employer's part: 472,00 + 15,00 + 16,00 + 14,00 + 110,00 + 12,00 + 4,00 = 643,00
        assertLine(lines, "Importe remuneración mensual 1.750,00");
        assertLine(lines, "Importe prorrata pagas extraordinarias 250,00");
        assertLine(lines, "TOTAL 2.000,00");
        assertLine(lines, "Contingencias comunes 2.000,00 23,60 % 472,00");
        assertLine(lines, "Mecanismo de Equidad Intergeneracional (MEI) 2.000,00 0,75 % 15,00");
        assertLine(lines, "2. Contingencias profesionales y conceptos de recaudación conjunta 2.000,00");
        assertLine(lines, "AT y EP (incapacidad temporal) 2.000,00 0,80 % 16,00");
        assertLine(lines, "AT y EP (incapacidad permanente, muerte y supervivencia) 2.000,00 0,70 % 14,00");
        assertLine(lines, "Desempleo 2.000,00 5,50 % 110,00");
        assertLine(lines, "Formación profesional 2.000,00 0,60 % 12,00");
        assertLine(lines, "Fondo de Garantía Salarial 2.000,00 0,20 % 4,00");
        assertLine(lines, "3. Cotización adicional horas extraordinarias 0,00");
        assertLine(lines, "4. Base sujeta a retención del IRPF 1.750,00");
        assertLine(lines, "Total aportación de la empresa 643,00");
        assertLine(lines, "Periodo de liquidación: del 1 de marzo de 2026 al 31 de marzo de 2026 Total días: 30");
        assertLine(lines, "31 de marzo de 2026");
    }

    @Test
    void theNetPayIsTotalEarnedLessTotalDeducted() throws IOException {
        Payslip payslip = worked("María Núñez Ibáñez", "00000000T");
        String text = text(pdf(List.of(payslip)), 1, 1);
        BigDecimal earned = figure(text, "A. TOTAL DEVENGADO");
        BigDecimal deducted = figure(text, "B. TOTAL A DEDUCIR");
        BigDecimal net = figure(text, "LÍQUIDO TOTAL A PERCIBIR \\(A-B\\)");
        assertEquals(new BigDecimal("1795.00"), earned);
        // 130,00 contributions + the IRPF + 12,00 union fee
        assertEquals(new BigDecimal("142.00").add(payslip.withholding().amount()), deducted);
        assertEquals(earned.subtract(deducted), net);
        assertEquals(payslip.net(), net);
    }

    @Test
    void aReceiptOfDifferencesPaidInExcessShowsNegativeLinesAndWhatTheWorkerOwes() throws IOException {
        Source source = new Source("BOE-A-2026-7296 art. 4", Source.Status.VERIFIED);
        Payslip differences = new Payslip(COMPANY,
                new Payslip.Worker("María Núñez Ibáñez", "00000000T", "281234567890", "Técnico/a", 5, Optional.empty()),
                new Payslip.Period(MARCH_2026.atDay(1), MARCH_2026.atEndOfMonth(), 30),
                List.of(new Earning(EarningKind.SALARY_COMPLEMENT, "Atrasos 02/2026: Complemento de puesto",
                        new BigDecimal("-50.00"))),
                List.of(new Contribution(Item.COMMON, Optional.empty(), Optional.empty(), new BigDecimal("-2.35"),
                        source)),
                new Payslip.Withholding(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, source), BigDecimal.ZERO,
                BigDecimal.ZERO, List.of(), MARCH_2026.atEndOfMonth(),
                new Payslip.Bases(new BigDecimal("-50.00"), BigDecimal.ZERO, new BigDecimal("-50.00"),
                        new BigDecimal("-50.00"), BigDecimal.ZERO),
                List.of(new Contribution(Item.COMMON, Optional.empty(), Optional.empty(), new BigDecimal("-11.80"),
                        source)));

        String text = text(pdf(List.of(differences)), 1, 1);

        assertEquals(new BigDecimal("-50.00"), figure(text, "A. TOTAL DEVENGADO"));
        assertEquals(new BigDecimal("-2.35"), figure(text, "B. TOTAL A DEDUCIR"));
        assertEquals(new BigDecimal("-47.65"), figure(text, "LÍQUIDO TOTAL A PERCIBIR \\(A-B\\)"));
        assertEquals(new BigDecimal("47.65"), figure(text, "Importe que el trabajador debe reintegrar a la empresa"));
        assertTrue(text.contains("Atrasos 02/2026: Complemento de puesto -50,00"), text);
    }

    @Test
    void payAboveTheMaximumBaseShowsTheSolidarityBandsAndOvertimeItsOwnContribution() throws IOException {
        // issue 19's second example: pay 6.000,00, base clamped to 5.101,20 (RDL 3/2026 art. 3.1); solidarity (LGSS
        // art. 19 bis, RDL 3/2026 art. 3.3) on 510,12 at 0,96 + 0,19 % and on 388,68 at 1,04 + 0,21 %. Overtime 100,00
        // (not of force majeure): the additional contribution of Orden PJC/297/2026 art. 5, 23,60 + 4,70 %
        Payslip high = filled("María Núñez Ibáñez", "00000000T", "6000.00", "0.00", "100.00",
                List.of(new Earning(EarningKind.BASE_SALARY, "", new BigDecimal("6000.00")),
                        new Earning(EarningKind.OVERTIME, "", new BigDecimal("100.00"))),
                new Forecast(new BigDecimal("73200.00"), new BigDecimal("4000.00")));

        List<String> lines = text(pdf(List.of(high)), 1, 1).lines().toList();

        assertLine(lines, "Horas extraordinarias 100,00");
        assertLine(lines, "Contingencias comunes 5.101,20 4,70 % 239,76");
        assertLine(lines, "Horas extraordinarias (resto) 100,00 4,70 % 4,70");
        assertLine(lines, "Cotización adicional de solidaridad");
        assertLine(lines, "Cotización adicional de solidaridad (tramo 1) 510,12 0,19 % 0,97");
        assertLine(lines, "Cotización adicional de solidaridad (tramo 2) 388,68 0,21 % 0,82");
        assertLine(lines, "Importe remuneración mensual 6.000,00");
        assertLine(lines, "TOTAL 5.101,20");
        assertLine(lines, "Cotización adicional de solidaridad (tramo 1) 510,12 0,96 % 4,90");
        assertLine(lines, "Cotización adicional de solidaridad (tramo 2) 388,68 1,04 % 4,04");
        assertLine(lines, "3. Cotización adicional horas extraordinarias 100,00");
        assertLine(lines, "Horas extraordinarias (resto) 100,00 23,60 % 23,60");
        assertLine(lines, "4. Base sujeta a retención del IRPF 6.100,00");
    }

    @Test
    void aRunFileHasEachWorkersPayslipOnItsOwnPage() throws IOException {
        byte[] run = pdf(
                List.of(worked("María Núñez Ibáñez", "00000000T"), worked("Jordi Pañella i Sàez", "00000001R")));
        assertEquals(2, pages(run));
        String first = text(run, 1, 1);
        String second = text(run, 2, 2);
        assertTrue(first.contains("Trabajador: María Núñez Ibáñez"), first);
        assertFalse(first.contains("Jordi"), first);
        assertTrue(second.contains("Trabajador: Jordi Pañella i Sàez"), second);
        assertFalse(second.contains("María"), second);
        assertTrue(second.contains("RECIBO INDIVIDUAL JUSTIFICATIVO DEL PAGO DE SALARIOS"), second);
    }

    @Test
    void spanishLettersAndTheEuroSignSurvive() throws IOException {
        String text = text(pdf(List.of(worked("María Núñez Ibáñez", "00000000T"))), 1, 1);
        assertTrue(text.contains("María Núñez Ibáñez"), text);
        assertTrue(text.contains("Cooperativa Social L'Esperança"), text);
        assertTrue(text.contains("Calle de la Montaña"), text);
        assertTrue(text.contains("Importes en euros (€)"), text);
        assertTrue(text.contains("Cuota sindical (12 € al mes)"), text);
        assertTrue(text.contains("Núm. Afil. Seguridad Social:"), text);
    }

    @Test
    void fortyConceptsFlowToASecondPage() throws IOException {
        Payslip one = worked("María Núñez Ibáñez", "00000000T");
        List<Earning> earnings = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            earnings.add(
                    new Earning(EarningKind.SALARY_COMPLEMENT, "Complemento número " + i, new BigDecimal("10.00")));
        }
        Payslip many = new Payslip(one.company(), one.worker(), one.period(), earnings, one.employeeContributions(),
                one.withholding(), one.advances(), one.inKindValue(), one.otherDeductions(), one.date(), one.bases(),
                one.employerContributions());

        byte[] pdf = pdf(List.of(many));

        assertEquals(2, pages(pdf));
        String first = text(pdf, 1, 1);
        String second = text(pdf, 2, 2);
        String both = first + second;
        for (int i = 1; i <= 40; i++) {
            assertTrue(both.contains("Complemento número " + i + " 10,00"), "complement " + i);
        }
        assertLine(both.lines().toList(), "A. TOTAL DEVENGADO 400,00");
        assertTrue(first.contains("Hoja 1 de 2"), first);
        assertTrue(second.contains("(continuación)"), second);
        assertTrue(second.contains("María Núñez Ibáñez"), second);
        assertTrue(second.contains("Hoja 2 de 2"), second);
        assertTrue(second.contains("4. Base sujeta a retención del IRPF"), "the payslip ends on the second page");
        assertFalse(first.contains("4. Base sujeta a retención del IRPF"), first);
    }

    @Test
    void aCharacterTheFontCannotWriteIsRefusedAndNothingIsWritten() {
        Payslip romanian = worked("Ștefan Popescu", "X1234567L");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        UnprintableCharacterException refused = assertThrows(UnprintableCharacterException.class,
                () -> PayslipPdf.write(List.of(worked("María Núñez Ibáñez", "00000000T"), romanian), out));

        assertEquals("worker.name", refused.field());
        assertEquals(0, out.size(), "no page of the run is written");
        assertTrue(refused.message(HubTexts.SPANISH).startsWith(
                "La nómina de Ștefan Popescu no se puede escribir: el carácter 'Ș' (U+0218) de 'Ștefan Popescu'"),
                refused.message(HubTexts.SPANISH));
        assertTrue(refused.message(Locale.ENGLISH).startsWith(
                "The payslip of Ștefan Popescu cannot be written: the character 'Ș' (U+0218) in 'Ștefan Popescu'"),
                refused.message(Locale.ENGLISH));
    }

    @Test
    void aConceptTheFontCannotWriteIsRefusedNamingItsField() {
        Payslip one = worked("María Núñez Ibáñez", "00000000T");
        Payslip polish = new Payslip(one.company(), one.worker(), one.period(),
                List.of(new Earning(EarningKind.SALARY_COMPLEMENT, "Premia za Łódź", new BigDecimal("10.00"))),
                one.employeeContributions(), one.withholding(), one.advances(), one.inKindValue(),
                one.otherDeductions(), one.date(), one.bases(), one.employerContributions());

        UnprintableCharacterException refused = assertThrows(UnprintableCharacterException.class,
                () -> PayslipPdf.write(polish, new ByteArrayOutputStream()));

        assertEquals("earning.concept", refused.field());
        assertTrue(refused.getMessage().contains("'Ł' (U+0141) in 'Premia za Łódź'"), refused.getMessage());
    }

    // --- the worked payslip ---

    /** The worked payslip, filled as a run fills it: from the contribution and withholding calculators. */
    static Payslip worked(String name, String nif) {
        // the year: 12 x 1.750,00 + 2 x 1.500,00 = 24.000,00; the worker's contributions 12 x 130,00 = 1.560,00
        return filled(name, nif, "1750.00", "250.00", "0.00",
                List.of(new Earning(EarningKind.BASE_SALARY, "", new BigDecimal("1500.00")),
                        new Earning(EarningKind.SALARY_COMPLEMENT, "Plus de convenio", new BigDecimal("150.00")),
                        new Earning(EarningKind.SALARY_COMPLEMENT, "Complemento de antigüedad",
                                new BigDecimal("100.00")),
                        new Earning(EarningKind.ALLOWANCE, "Dietas por desplazamiento", new BigDecimal("45.00"))),
                new Forecast(new BigDecimal("24000.00"), new BigDecimal("1560.00")));
    }

    /**
     * A group 5 worker's March 2026 with the month's pay, prorated extras and overtime given; the CNAE 88 premium; the
     * IRPF on the month's pay and overtime.
     */
    private static Payslip filled(String name, String nif, String pay, String prorated, String overtime,
            List<Earning> earnings, Forecast year) {
        Premium social = new PayrollTables("config/payroll").atepPremiums().activity("88", MARCH_2026.atDay(1))
                .orElseThrow();
        Contributions.Result contributions = Contributions.of(new PayrollTables("config/payroll").contributions(),
                new Contributions.Input(MARCH_2026, 5, ContractKind.OPEN_ENDED, false, LocalDate.of(2019, 9, 1),
                        Optional.empty(), Optional.empty(), new BigDecimal(pay), new BigDecimal(prorated),
                        BigDecimal.ZERO, new BigDecimal(overtime),
                        new AtEpPremium(social.it(), social.ims(), social.source())));
        Withholding.Result rate = Withholding.rate(new PayrollTables("config/payroll").irpf(MARCH_2026.atEndOfMonth()),
                new Employee(3, 1985, Disability.NONE, List.of(), List.of(), false, false),
                new Contract(LocalDate.of(2019, 9, 1), Optional.empty(), Relationship.COMMON), year);
        BigDecimal subject = new BigDecimal(pay).add(new BigDecimal(overtime));
        return new Payslip(COMPANY,
                new Payslip.Worker(name, nif, "281234567890", "Técnico/a de integración social", 5,
                        Optional.of(LocalDate.of(2019, 9, 1))),
                new Payslip.Period(MARCH_2026.atDay(1), MARCH_2026.atEndOfMonth(), 30), earnings,
                lines(contributions, Payer.EMPLOYEE),
                new Payslip.Withholding(subject, rate.rate(), rate.on(subject),
                        new Source("BOE-A-2007-6820 arts. 80-86", Source.Status.VERIFIED)),
                BigDecimal.ZERO, BigDecimal.ZERO,
                List.of(new Payslip.Deduction("Cuota sindical (12 € al mes)", new BigDecimal("12.00"))),
                MARCH_2026.atEndOfMonth(),
                new Payslip.Bases(new BigDecimal(pay), new BigDecimal(prorated), contributions.common().amount(),
                        contributions.professional().amount(), new BigDecimal(overtime)),
                lines(contributions, Payer.EMPLOYER));
    }

    private static List<Contribution> lines(Contributions.Result result, Payer payer) {
        return result.lines().stream().filter(line -> line.payer() == payer)
                .map(line -> new Contribution(Item.of(line.concept()), line.base(), line.rate(), line.amount(),
                        line.source()))
                .toList();
    }

    // --- reading the PDF back ---

    private static byte[] pdf(List<Payslip> payslips) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PayslipPdf.write(payslips, out);
        return out.toByteArray();
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    private static String text(byte[] pdf, int from, int to) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(from);
            stripper.setEndPage(to);
            return stripper.getText(document);
        }
    }

    private static void assertLine(List<String> lines, String expected) {
        assertTrue(lines.stream().anyMatch(line -> line.strip().equals(expected)),
                "no line '" + expected + "' in\n" + String.join("\n", lines));
    }

    private static BigDecimal figure(String text, String label) {
        Matcher matcher = Pattern.compile("(?m)^" + label + " (-?[\\d.]+,\\d{2})$").matcher(text);
        assertTrue(matcher.find(), label + " in\n" + text);
        return new BigDecimal(matcher.group(1).replace(".", "").replace(',', '.'));
    }

    private static String spanish(BigDecimal amount) {
        return HubTexts.decimal(amount, HubTexts.SPANISH);
    }
}
