package coop.intercoop.hub.tenders.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import coop.intercoop.hub.tenders.entity.Pricing;

/**
 * A bid's pricing as a workbook the members can work on: the parameters in cells of their own, every line's cost, each
 * lot's staff cost, overheads, margin and price, the budget and how far below it the price is, as formulas over those
 * cells (so a change of hours or rates reprices the sheet), with the hub's figures as their values; the members' parts
 * of the price by their shares; and the abnormally-low thresholds of RGLCAP art. 85. In Spanish, the language the books
 * are kept in. The hub's own price is the one its API gives: the workbook's formulas round where it rounds.
 */
final class PricingWorkbook {

    /** What the workbook names: the tender, the consortium, and the members by organisation. */
    record Names(String folderId, String title, String consortium, Map<Long, String> members) {
    }

    private static final String PARAMETERS = "Precio";

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle bold;
    private final CellStyle money;
    private final CellStyle number;

    private PricingWorkbook() {
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
        money = workbook.createCellStyle();
        money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        number = workbook.createCellStyle();
        number.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
    }

    /** The workbook's bytes. */
    static byte[] write(Pricing.Parameters parameters, Pricing.Priced priced, Names names,
            List<TenderCodes.AbnormallyLow> thresholds) {
        PricingWorkbook w = new PricingWorkbook();
        String total = w.price(parameters, priced, names, thresholds);
        w.parts(priced, names, total);
        w.thresholds(thresholds);
        XSSFFormulaEvaluator.evaluateAllFormulaCells(w.workbook);
        try (XSSFWorkbook book = w.workbook;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The price sheet; answers the reference of the cell of the whole price. */
    private String price(Pricing.Parameters parameters, Pricing.Priced priced, Names names,
            List<TenderCodes.AbnormallyLow> thresholds) {
        Sheet sheet = workbook.createSheet(PARAMETERS);
        int r = 0;
        text(sheet.createRow(r++), 0, "Licitación " + names.folderId() + ": " + names.title(), bold);
        text(sheet.createRow(r++), 0, "Consorcio " + names.consortium(), null);
        r++;
        String hours = parameter(sheet, r++, "Horas de un año a jornada completa", parameters.annualHours());
        String overheads = parameter(sheet, r++, "Gastos generales (%)", parameters.overheadRate());
        String margin = parameter(sheet, r++, "Beneficio (%)", parameters.marginRate());
        parameter(sheet, r++, "Cotizaciones empresariales sobre el salario de convenio (%)", parameters.employerRate());
        String alone = parameter(sheet, r++, "Baja anormal de una única oferta (puntos, RGLCAP art. 85.1)",
                thresholds.stream().filter(t -> t.bidders() == 1).findFirst().orElseThrow().units());
        r++;
        List<String> lotPrices = new ArrayList<>();
        for (Pricing.LotPrice lot : priced.lots()) {
            text(sheet.createRow(r++), 0, lot.lot().isEmpty() ? "Licitación entera" : "Lote " + lot.lot(), bold);
            Row header = sheet.createRow(r++);
            String[] titles = { "Categoría", "Miembro", "Origen del coste", "Horas", "Coste por hora", "Coste" };
            for (int c = 0; c < titles.length; c++) {
                text(header, c, titles[c], bold);
            }
            int first = r;
            for (Pricing.Costed line : lot.lines()) {
                Row row = sheet.createRow(r++);
                text(row, 0, line.line().category(), null);
                text(row, 1, line.line().memberOrgId() == null ? ""
                        : names.members().getOrDefault(line.line().memberOrgId(), ""), null);
                text(row, 2, source(line.line().source()), null);
                amount(row, 3, line.line().hours(), number);
                amount(row, 4, line.hourlyCost(), money);
                formula(row, 5, "ROUND(" + ref(row.getRowNum(), 3) + "*" + ref(row.getRowNum(), 4) + ",2)");
            }
            int last = r - 1;
            String staff = total(sheet, r++, "Coste de personal", "SUM(" + ref(first, 5) + ":" + ref(last, 5) + ")");
            String over = total(sheet, r++, "Gastos generales", "ROUND(" + staff + "*" + overheads + "/100,2)");
            String profit = total(sheet, r++, "Beneficio", "ROUND((" + staff + "+" + over + ")*" + margin + "/100,2)");
            String price = total(sheet, r++, "Precio sin impuestos", staff + "+" + over + "+" + profit);
            lotPrices.add(price);
            if (lot.budget().isPresent()) {
                Row budgetRow = sheet.createRow(r++);
                text(budgetRow, 4, "Presupuesto base sin impuestos", null);
                amount(budgetRow, 5, lot.budget().get(), money);
                String budget = ref(budgetRow.getRowNum(), 5);
                total(sheet, r++, "Baja sobre el presupuesto (puntos)",
                        "ROUND((" + budget + "-" + price + ")*100/" + budget + ",2)");
                Row check = sheet.createRow(r++);
                text(check, 4, "Comprobación", null);
                formula(check, 5, "IF(" + price + ">" + budget + ",\"Supera el presupuesto\",IF(" + price + "*100<"
                        + budget + "*(100-" + alone + "),\"Anormalmente baja si fuera la única oferta\",\"Dentro\"))");
            }
            r++;
        }
        String all = total(sheet, r, "Precio de la oferta sin impuestos", String.join("+", lotPrices));
        for (int c = 0; c < 7; c++) {
            sheet.setColumnWidth(c, c == 0 || c == 4 ? 40 * 256 : 18 * 256);
        }
        return "'" + PARAMETERS + "'!" + all;
    }

    private static String source(Pricing.Source source) {
        return switch (source) {
            case MANUAL -> "Indicado";
            case MEMBER -> "Coste real del miembro";
            case AGREEMENT -> "Tabla salarial del convenio";
        };
    }

    /** The members' parts: the price times each share, the last member taking what is left. */
    private void parts(Pricing.Priced priced, Names names, String total) {
        Sheet sheet = workbook.createSheet("Reparto");
        Row header = sheet.createRow(0);
        text(header, 0, "Miembro", bold);
        text(header, 1, "Participación (%)", bold);
        text(header, 2, "Parte del precio", bold);
        int r = 1;
        List<String> given = new ArrayList<>();
        for (int i = 0; i < priced.parts().size(); i++) {
            Pricing.Part part = priced.parts().get(i);
            Row row = sheet.createRow(r);
            text(row, 0, names.members().getOrDefault(part.orgId(), String.valueOf(part.orgId())), null);
            amount(row, 1, part.share(), number);
            String share = ref(r, 1);
            formula(row, 2,
                    i == priced.parts().size() - 1 ? total + (given.isEmpty() ? "" : "-" + String.join("-", given))
                            : "ROUND(" + total + "*" + share + "/100,2)");
            row.getCell(2).setCellStyle(money);
            given.add(ref(r, 2));
            r++;
        }
        sheet.setColumnWidth(0, 40 * 256);
        sheet.setColumnWidth(1, 18 * 256);
        sheet.setColumnWidth(2, 18 * 256);
    }

    private void thresholds(List<TenderCodes.AbnormallyLow> thresholds) {
        Sheet sheet = workbook.createSheet("Bajas anormales");
        Row header = sheet.createRow(0);
        text(header, 0, "Licitadores", bold);
        text(header, 1, "Comparada con", bold);
        text(header, 2, "Puntos por debajo", bold);
        text(header, 3, "Fuente", bold);
        int r = 1;
        for (TenderCodes.AbnormallyLow t : thresholds) {
            Row row = sheet.createRow(r++);
            text(row, 0, t.bidders() >= 4 ? "4 o más" : String.valueOf(t.bidders()), null);
            text(row, 1, switch (t.measure()) {
                case "budget" -> "el presupuesto base";
                case "other-offer" -> "la otra oferta";
                default -> "la media de las ofertas";
            }, null);
            amount(row, 2, t.units(), number);
            text(row, 3, t.source(), null);
        }
        Row note = sheet.createRow(r + 1);
        text(note, 0, "Los pliegos pueden fijar otros parámetros (Ley 9/2017, art. 149.2) o reducir estos en un "
                + "tercio (RGLCAP, art. 85.5).", null);
        sheet.setColumnWidth(3, 100 * 256);
    }

    private String parameter(Sheet sheet, int r, String label, BigDecimal value) {
        Row row = sheet.createRow(r);
        text(row, 0, label, null);
        amount(row, 1, value, number);
        return "$" + CellReference.convertNumToColString(1) + "$" + (r + 1);
    }

    private String total(Sheet sheet, int r, String label, String formula) {
        Row row = sheet.createRow(r);
        text(row, 4, label, bold);
        formula(row, 5, formula);
        row.getCell(5).setCellStyle(money);
        return ref(r, 5);
    }

    private static String ref(int row, int column) {
        return new CellReference(row, column).formatAsString();
    }

    private static void text(Row row, int column, String text, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void amount(Row row, int column, BigDecimal value, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }

    private void formula(Row row, int column, String formula) {
        var cell = row.createCell(column);
        cell.setCellFormula(formula);
        cell.setCellStyle(money);
    }
}
