package coop.intercoop.hub.tenders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import coop.intercoop.hub.tenders.entity.Pricing;
import coop.intercoop.hub.tenders.entity.Pricing.Line;
import coop.intercoop.hub.tenders.entity.Pricing.Parameters;
import coop.intercoop.hub.tenders.entity.Pricing.Source;

/**
 * The pricing workbook's formulas give the hub's own price to the cent, lot by lot and member by member; they are
 * formulas, so a changed line reprices the sheet; the abnormally-low check says what the hub says.
 */
class PricingWorkbookTest {

    static final Parameters PARAMETERS = new Parameters(new BigDecimal("1720"), new BigDecimal("8"),
            new BigDecimal("5"), new BigDecimal("31.40"));

    static Pricing.Priced priced() {
        List<Pricing.Costed> lines = List.of(
                Pricing.cost(new Line("1", "Educador/a social", null, new BigDecimal("1000"), Source.MANUAL,
                        new BigDecimal("21.37"), null, null), new BigDecimal("21.37")),
                Pricing.cost(new Line("1", "Auxiliar", 2L, new BigDecimal("333.33"), Source.MEMBER, null, null, null),
                        new BigDecimal("18.05")),
                Pricing.cost(new Line("2", "Psicólogo/a", null, new BigDecimal("120.5"), Source.MANUAL,
                        new BigDecimal("30.11"), null, null), new BigDecimal("30.11")));
        Map<Long, BigDecimal> shares = new LinkedHashMap<>();
        shares.put(1L, new BigDecimal("33.33"));
        shares.put(2L, new BigDecimal("33.33"));
        shares.put(3L, new BigDecimal("33.34"));
        return Pricing.price(PARAMETERS, lines, Map.of("1", new BigDecimal("40000"), "2", new BigDecimal("6000")),
                shares, new BigDecimal("25"));
    }

    static XSSFWorkbook workbook(Pricing.Priced priced) throws IOException {
        byte[] bytes = PricingWorkbook.write(PARAMETERS, priced,
                new PricingWorkbook.Names("SERV-2026-041", "Servicio de atención", "UTE Arco",
                        Map.of(1L, "Lanzadera", 2L, "Arco", 3L, "Puentes")),
                new TenderCodes("config/tenders").abnormallyLow());
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** The values of column F (the figures) beside the label in column E, in the sheet's order. */
    static List<Cell> figures(Sheet sheet, String label) {
        List<Cell> found = new ArrayList<>();
        for (Row row : sheet) {
            Cell name = row.getCell(4);
            if (name != null && name.getCellType() == CellType.STRING && name.getStringCellValue().equals(label)) {
                found.add(row.getCell(5));
            }
        }
        return found;
    }

    @Test
    void theFormulasGiveTheHubsPriceToTheCent() throws IOException {
        Pricing.Priced priced = priced();
        try (XSSFWorkbook book = workbook(priced)) {
            Sheet sheet = book.getSheet("Precio");
            List<Cell> prices = figures(sheet, "Precio sin impuestos");
            assertEquals(2, prices.size());
            for (int i = 0; i < prices.size(); i++) {
                assertTrue(prices.get(i).getCellFormula().contains("+"), prices.get(i)::getCellFormula);
                assertEquals(priced.lots().get(i).price().doubleValue(), prices.get(i).getNumericCellValue(), 0.001);
            }
            assertEquals(priced.price().doubleValue(),
                    figures(sheet, "Precio de la oferta sin impuestos").get(0).getNumericCellValue(), 0.001);
            // lot 2: 120.5 h x 30.11 = 3,628.26 (3,628.255); 8 % 290.26; 5 % of 3,918.52 = 195.93; 4,114.45 of 6,000,
            // 31.43 units below: more than 25, so abnormally low were it the only offer, as the hub says
            assertEquals(4114.45, prices.get(1).getNumericCellValue(), 0.001);
            assertTrue(priced.lots().get(1).abnormallyLowAlone());
            assertEquals("Anormalmente baja si fuera la única oferta" + "|" + "Dentro",
                    figures(sheet, "Comprobación").get(1).getStringCellValue() + "|"
                            + figures(sheet, "Comprobación").get(0).getStringCellValue());
            Sheet parts = book.getSheet("Reparto");
            for (int i = 0; i < priced.parts().size(); i++) {
                assertEquals(priced.parts().get(i).amount().doubleValue(),
                        parts.getRow(i + 1).getCell(2).getNumericCellValue(), 0.001);
            }
        }
    }

    @Test
    void changingALinesHoursRepricesTheSheet() throws IOException {
        Pricing.Priced priced = priced();
        try (XSSFWorkbook book = workbook(priced)) {
            Sheet sheet = book.getSheet("Precio");
            Row firstLine = null;
            for (Row row : sheet) {
                Cell category = row.getCell(0);
                if (category != null && category.getCellType() == CellType.STRING
                        && category.getStringCellValue().equals("Educador/a social")) {
                    firstLine = row;
                }
            }
            firstLine.getCell(3).setCellValue(1100);
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            double repriced = figures(sheet, "Precio de la oferta sin impuestos").get(0).getNumericCellValue();
            assertNotEquals(priced.price().doubleValue(), repriced, 0.001);
            // 100 more hours at 21.37 = 2,137.00, with 8 % and then 5 %: 2,137 x 1.08 x 1.05 = 2,423.36 more
            assertEquals(priced.price().doubleValue() + 2423.36, repriced, 0.02);
        }
    }
}
