package coop.intercoop.hub.accounting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import coop.intercoop.hub.accounting.control.ChartTemplates;
import coop.intercoop.hub.accounting.entity.EquityChanges.Entry;
import coop.intercoop.hub.accounting.entity.EquityChanges.Grid;
import coop.intercoop.hub.accounting.entity.EquityChanges.Posting;

/**
 * The statements of changes in equity of {@code config/statements} (the PGC PYMES model, Real Decreto 1515/2007,
 * tercera parte; the cooperatives' abbreviated and normal models, Orden EHA/3360/2010, Anexo II and Anexo I, document
 * B) and their arithmetic.
 */
class EquityChangesTest {

    private static final String PYMES = "pgc-pymes-equity-changes";
    private static final String COOPERATIVES = "pgc-cooperativas-equity-changes";
    private static final String NORMAL = "pgc-cooperativas-normal-equity-changes";

    /**
     * The balance sheet line (or heading) of each column, for each model: a column's closing balance is that line.
     */
    private static final Map<String, Map<String, String>> BALANCE_LINES = Map.of(PYMES,
            lines("CAP.E=P.A-1.I.1", "CAP.NE=P.A-1.I.2", "PRIMA=P.A-1.II", "RES=P.A-1.III", "PROP=P.A-1.IV",
                    "REA=P.A-1.V", "APS=P.A-1.VI", "RDO=P.A-1.VII", "DIV=P.A-1.VIII", "SUB=P.A-2", "AJ=P.A-AJ",
                    "TOTAL=P.A"),
            COOPERATIVES,
            lines("CAP.S=P.A-1.I.1", "CAP.NE=P.A-1.I.2", "RES=P.A-1.II", "REA=P.A-1.III", "APS=P.A-1.IV", "RDO=P.A-1.V",
                    "RET=P.A-1.VI", "FC=P.A-1.VII", "OIP=P.A-1.VIII", "SUB=P.A-3", "AJ=P.A-AJ", "TOTAL=P.A"),
            NORMAL,
            lines("CAP.S=P.A-1.I.1", "CAP.NE=P.A-1.I.2", "RES=P.A-1.II", "REA=P.A-1.III", "APS=P.A-1.IV", "RDO=P.A-1.V",
                    "RET=P.A-1.VI", "FC=P.A-1.VII", "OIP=P.A-1.VIII", "ACV=P.A-2", "SUB=P.A-3", "TOTAL=P.A"));

    private static final Map<String, String> CHART = Map.of(PYMES, "pgc-pymes-2007", COOPERATIVES, "pgc-cooperativas",
            NORMAL, "pgc-cooperativas");
    private static final Map<String, String> BALANCE = Map.of(PYMES, "pgc-pymes-balance", COOPERATIVES,
            "pgc-cooperativas-balance", NORMAL, "pgc-cooperativas-normal-balance");

    private static Map<String, String> lines(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : pairs) {
            map.put(pair.split("=")[0], pair.split("=")[1]);
        }
        return map;
    }

    private static List<String> file(String name) {
        try {
            return Files.readAllLines(Path.of("config/statements", name + ".csv"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EquityChanges model(String name) {
        return EquityChanges.parse(name, name + ".csv", file(name));
    }

    private static Statement balance(String model) {
        return Statement.parse(BALANCE.get(model), BALANCE.get(model) + ".csv", file(BALANCE.get(model)));
    }

    private static Posting dr(String account, String amount) {
        return new Posting(account, new BigDecimal(amount), null);
    }

    private static Posting cr(String account, String amount) {
        return new Posting(account, null, new BigDecimal(amount));
    }

    private static void assertAmount(String expected, Grid grid, String row, String column) {
        BigDecimal actual = grid.amount(row, column);
        assertEquals(0, new BigDecimal(expected).compareTo(actual), row + " " + column + ": " + actual);
    }

    /** Every leaf column and the total of a row, the columns not named being zero. */
    private static void assertRow(Grid grid, String row, String... columnAmounts) {
        Map<String, String> expected = lines(columnAmounts);
        for (EquityChanges.Column column : grid.columns()) {
            if (column.leaf()) {
                assertAmount(expected.getOrDefault(column.code(), "0"), grid, row, column.code());
            }
        }
        assertAmount(expected.getOrDefault("TOTAL", "0"), grid, row, "TOTAL");
    }

    /**
     * A small company's first two years, computed by hand. 2024: capital of 10,000 contributed into the bank (100 /
     * 572); sales of 5,000 and services of 3,000 (430 / 705, 629 / 572); a capital grant of 5,000 received into 130 and
     * 500 of it transferred to results (572 / 130, 130 / 746); the year regularised into 129 (a profit of 2,500). 2025:
     * the 2024 profit distributed in one entry, 250 to the legal reserve, 1,250 to the voluntary reserves and 1,000 as
     * dividend (129 / 112, 113, 526), the dividend paid; capital of 4,000 subscribed, 3,000 paid and 1,000 not called
     * (572, 1030 / 100); wages of 4,000 and sales of 1,000; again 500 of the grant to results; the year not yet closed.
     */
    @Test
    void aPymesWorkedExampleFallsInTheModelsRowsAndColumns() {
        List<Entry> year2024 = List.of(Entry.of(dr("572", "10000"), cr("100", "10000")),
                Entry.of(dr("430", "5000"), cr("705", "5000")), Entry.of(dr("629", "3000"), cr("572", "3000")),
                Entry.of(dr("572", "5000"), cr("130", "5000")), Entry.of(dr("130", "500"), cr("746", "500")),
                Entry.of(dr("705", "5000"), dr("746", "500"), cr("629", "3000"), cr("129", "2500")));
        List<Entry> year2025 = List.of(
                Entry.of(dr("129", "2500"), cr("112", "250"), cr("113", "1250"), cr("526", "1000")),
                Entry.of(dr("526", "1000"), cr("572", "1000")),
                Entry.of(dr("572", "3000"), dr("1030", "1000"), cr("100", "4000")),
                Entry.of(dr("640", "4000"), cr("572", "4000")), Entry.of(dr("430", "1000"), cr("705", "1000")),
                Entry.of(dr("130", "500"), cr("746", "500")));
        Grid grid = model(PYMES).compute(2025, Map.of(), year2024, year2025);

        assertEquals("A. SALDO, FINAL DEL AÑO 2023", grid.rows().get(0).caption());
        assertEquals("E. SALDO, FINAL DEL AÑO 2025", grid.rows().get(grid.rows().size() - 1).caption());
        assertRow(grid, "A");
        assertRow(grid, "B");
        // B.I "Resultado de la cuenta de pérdidas y ganancias": 5,000 - 3,000 and the 500 of grant imputed (746)
        assertRow(grid, "B.I", "RDO=2500", "TOTAL=2500");
        // B.II "Ingresos y gastos reconocidos en patrimonio neto": the grant received less what went to results
        assertRow(grid, "B.II", "SUB=4500", "TOTAL=4500");
        // B.III.1 "Aumentos de capital": capital contributed (credit to 100 against 572)
        assertRow(grid, "B.III.1", "CAP.E=10000", "TOTAL=10000");
        assertRow(grid, "B.III", "CAP.E=10000", "TOTAL=10000");
        // the regularisation of 6 and 7 into 129 is inside the column "Resultado del ejercicio"
        assertRow(grid, "B.IV");
        assertRow(grid, "C", "CAP.E=10000", "RDO=2500", "SUB=4500", "TOTAL=17000");
        assertRow(grid, "D", "CAP.E=10000", "RDO=2500", "SUB=4500", "TOTAL=17000");
        // D.I: wages 4,000, sales 1,000, grant imputed 500
        assertRow(grid, "D.I", "RDO=-2500", "TOTAL=-2500");
        assertRow(grid, "D.II", "SUB=-500", "TOTAL=-500");
        // D.III.1: 4,000 subscribed, 1,000 of it not called ("Capital no exigido")
        assertRow(grid, "D.III.1", "CAP.E=4000", "CAP.NE=-1000", "TOTAL=3000");
        // D.III.3 "Otras operaciones con socios o propietarios": the dividend (norm 7.ª 2)
        assertRow(grid, "D.III.3", "RDO=-1000", "TOTAL=-1000");
        // D.IV "Otras variaciones del patrimonio neto": the result applied to the reserves (norm 7.ª 2)
        assertRow(grid, "D.IV", "RES=1500", "RDO=-1500");
        assertRow(grid, "E", "CAP.E=14000", "CAP.NE=-1000", "RES=1500", "RDO=-2500", "SUB=4000", "TOTAL=16000");
    }

    /**
     * A cooperative's first two years, computed by hand. 2024: members' compulsory contributions of 6,000 (572 / 1000);
     * sales of 8,000 (430 / 700), the members' work 5,000 (647 / 572), the allocation of 300 to the Fondo de Educación,
     * Formación y Promoción (657 / 5298, an expense); a grant of 2,000 into 130, 200 of it to results (746); the year
     * regularised (a surplus of 2,900). 2025: the surplus distributed in one entry, 1,450 to the Fondo de Reserva
     * Obligatorio, 450 to the Fondo de Reserva Voluntario and 1,000 as cooperative return (129 / 112, 113, 526); a
     * member leaves and 500 of capital becomes a debt for its reimbursement (1000 / 5210); a new member's entrance fee
     * of 100 to the Fondo de Reserva Obligatorio (572 / 112); a loss of 1,500; 200 of the grant to results.
     */
    @Test
    void aCooperativeWorkedExampleFallsInTheModelsRowsAndColumns() {
        List<Entry> year2024 = List.of(Entry.of(dr("572", "6000"), cr("1000", "6000")),
                Entry.of(dr("430", "8000"), cr("700", "8000")), Entry.of(dr("647", "5000"), cr("572", "5000")),
                Entry.of(dr("657", "300"), cr("5298", "300")), Entry.of(dr("572", "2000"), cr("130", "2000")),
                Entry.of(dr("130", "200"), cr("746", "200")),
                Entry.of(dr("700", "8000"), dr("746", "200"), cr("647", "5000"), cr("657", "300"), cr("129", "2900")));
        List<Entry> year2025 = List.of(
                Entry.of(dr("129", "2900"), cr("112", "1450"), cr("113", "450"), cr("526", "1000")),
                Entry.of(dr("1000", "500"), cr("5210", "500")), Entry.of(dr("572", "100"), cr("112", "100")),
                Entry.of(dr("647", "3000"), cr("572", "3000")), Entry.of(dr("430", "1500"), cr("700", "1500")),
                Entry.of(dr("130", "200"), cr("746", "200")));
        Grid grid = model(COOPERATIVES).compute(2025, Map.of(), year2024, year2025);

        // B.I: 8,000 - 5,000 - 300 (FEFP, norm 6.ª) + 200 of grant imputed
        assertRow(grid, "B.I", "RDO=2900", "TOTAL=2900");
        assertRow(grid, "B.II", "SUB=1800", "TOTAL=1800");
        // B.III.1 "Aumentos de capital"
        assertRow(grid, "B.III.1", "CAP.S=6000", "TOTAL=6000");
        assertRow(grid, "C", "CAP.S=6000", "RDO=2900", "SUB=1800", "TOTAL=10700");
        assertRow(grid, "D.I", "RDO=-1300", "TOTAL=-1300");
        assertRow(grid, "D.II", "SUB=-200", "TOTAL=-200");
        // D.III.2 "(-) Reducciones de capital": the member's contribution to be reimbursed
        assertRow(grid, "D.III.2", "CAP.S=-500", "TOTAL=-500");
        // D.III.3 "Otras operaciones con socios y partícipes": the cooperative return and the entrance fee
        assertRow(grid, "D.III.3", "RES=100", "RDO=-1000", "TOTAL=-900");
        assertRow(grid, "D.III", "CAP.S=-500", "RES=100", "RDO=-1000", "TOTAL=-1400");
        // D.IV: the surplus allocated to the Fondo de Reserva Obligatorio and the Fondo de Reserva Voluntario
        assertRow(grid, "D.IV", "RES=1900", "RDO=-1900");
        assertRow(grid, "E", "CAP.S=5500", "RES=2000", "RDO=-1300", "SUB=1600", "TOTAL=7800");
    }

    /**
     * A cooperative on the normal size, its first two years computed by hand. 2024: members' compulsory contributions
     * of 6,000 (572 / 1000); sales of 8,000 (430 / 700), the members' work 5,000 (647 / 572), the allocation of 300 to
     * the Fondo de Educación, Formación y Promoción (657 / 5298, an expense); the year regularised (a surplus of
     * 2,700). 2025: the surplus distributed in one entry, 1,350 to the Fondo de Reserva Obligatorio, 350 to the Fondo
     * de Reserva Voluntario and 1,000 as cooperative return (129 / 112, 113, 526), the return paid (526 / 572); a
     * member's loan of 2,000 on its current account converted into voluntary capital (551 / 1001); 400 of return paid
     * on account during the year (557 / 572); a loss of 1,500 (wages 3,000, sales 1,500).
     */
    @Test
    void aNormalCooperativeWorkedExampleFallsInAnexoIsRowsAndColumns() {
        List<Entry> year2024 = List.of(Entry.of(dr("572", "6000"), cr("1000", "6000")),
                Entry.of(dr("430", "8000"), cr("700", "8000")), Entry.of(dr("647", "5000"), cr("572", "5000")),
                Entry.of(dr("657", "300"), cr("5298", "300")),
                Entry.of(dr("700", "8000"), cr("647", "5000"), cr("657", "300"), cr("129", "2700")));
        List<Entry> year2025 = List.of(
                Entry.of(dr("129", "2700"), cr("112", "1350"), cr("113", "350"), cr("526", "1000")),
                Entry.of(dr("526", "1000"), cr("572", "1000")), Entry.of(dr("551", "2000"), cr("1001", "2000")),
                Entry.of(dr("557", "400"), cr("572", "400")), Entry.of(dr("647", "3000"), cr("572", "3000")),
                Entry.of(dr("430", "1500"), cr("700", "1500")));
        Grid grid = model(NORMAL).compute(2025, Map.of(), year2024, year2025);

        assertEquals("B. SALDO AJUSTADO, INICIO DEL AÑO 2024", grid.rows().get(3).caption());
        assertRow(grid, "A");
        // B.I "Total ingresos y gastos reconocidos": 8,000 - 5,000 - 300 (FEFP, norm 6.ª)
        assertRow(grid, "B.I", "RDO=2700", "TOTAL=2700");
        // B.II.1 "Aumentos de capital": the contributions credited to 1000 against the bank
        assertRow(grid, "B.II.1", "CAP.S=6000", "TOTAL=6000");
        assertRow(grid, "B.II", "CAP.S=6000", "TOTAL=6000");
        // the regularisation of 6 and 7 into 129 is inside the column "Resultado del ejercicio"
        assertRow(grid, "B.III");
        assertRow(grid, "C", "CAP.S=6000", "RDO=2700", "TOTAL=8700");
        assertRow(grid, "D", "CAP.S=6000", "RDO=2700", "TOTAL=8700");
        assertRow(grid, "D.I", "RDO=-1500", "TOTAL=-1500");
        // D.II.3 "Conversión de pasivos financieros en patrimonio neto": the member's loan (551) into capital (1001)
        assertRow(grid, "D.II.3", "CAP.S=2000", "TOTAL=2000");
        // D.II.4 "(-) Distribución de retornos y remuneración discrecional": the return out of the surplus (129 / 526)
        // and the return on account (557)
        assertRow(grid, "D.II.4", "RDO=-1000", "RET=-400", "TOTAL=-1400");
        assertRow(grid, "D.II.1");
        assertRow(grid, "D.II.5");
        assertRow(grid, "D.II.6");
        assertRow(grid, "D.II", "CAP.S=2000", "RDO=-1000", "RET=-400", "TOTAL=600");
        // D.III "Otras variaciones del patrimonio neto": the surplus allocated to the Fondo de Reserva Obligatorio and
        // the Fondo de Reserva Voluntario
        assertRow(grid, "D.III", "RES=1700", "RDO=-1700");
        // "Ajustes por cambios de valor" is zero: no 137 moved
        assertRow(grid, "E", "CAP.S=8000", "RES=1700", "RDO=-1500", "RET=-400", "TOTAL=7800");
    }

    /**
     * Anexo I's document B as printed: 11 columns under their headings (the grid adds TOTAL), with "Ajustes por cambios
     * de valor", and the rows A to E with the six operations with members of each year; no row or column of the PGC
     * PYMES's notes.
     */
    @Test
    void theCooperativesNormalModelHasTheColumnsAndRowsOfAnexoI() {
        EquityChanges normal = model(NORMAL);
        assertEquals(List.of("Capital cooperativo", "Suscrito", "No exigido", "Reservas",
                "Resultados de ejercicios anteriores", "Otras aportaciones de socios", "Resultado del ejercicio",
                "(Retornos y remuneraciones a cuenta)", "Fondos capitalizados", "Otros instrumentos de patrimonio neto",
                "Ajustes por cambios de valor", "Subvenciones donaciones y legados recibidos"),
                normal.columns().stream().map(EquityChanges.Column::caption).toList());
        assertEquals(11, normal.columns().stream().filter(EquityChanges.Column::leaf).count());
        List<String> year = List.of("I. Total ingresos y gastos reconocidos", "II. Operaciones con socios y partícipes",
                "1. Aumentos de capital", "2. (-) Reducciones de capital",
                "3. Conversión de pasivos financieros en patrimonio neto (conversión obligaciones, condonaciones de "
                        + "deudas)",
                "4. (-) Distribución de retornos y remuneración discrecional",
                "5. Incremento (reducción) de patrimonio neto resultante de una combinación de negocios",
                "6. Otras operaciones con socios y partícipes", "III. Otras variaciones del patrimonio neto");
        List<String> captions = new ArrayList<>();
        captions.add("A. SALDO, FINAL DEL AÑO {N-2}");
        captions.add("I. Ajustes por cambios de criterio {N-2} y anteriores");
        captions.add("II. Ajustes por errores {N-2} y anteriores");
        captions.add("B. SALDO AJUSTADO, INICIO DEL AÑO {N-1}");
        captions.addAll(year);
        captions.add("C. SALDO, FINAL DEL AÑO {N-1}");
        captions.add("I. Ajustes por cambios de criterio {N-1}");
        captions.add("II. Ajustes por errores {N-1}");
        captions.add("D. SALDO AJUSTADO, INICIO DEL AÑO {N}");
        captions.addAll(year);
        captions.add("E. SALDO, FINAL DEL AÑO {N}");
        assertEquals(captions, normal.rows().stream().map(EquityChanges.Row::caption).toList());
        assertEquals(List.of(0, 1, 1, 0, 1, 1, 2, 2, 2, 2, 2, 2, 1, 0, 1, 1, 0, 1, 1, 2, 2, 2, 2, 2, 2, 1, 0),
                normal.rows().stream().map(EquityChanges.Row::level).toList());
        // the rows the books cannot fill take nothing
        for (String change : List.of("combination", "criteria", "errors")) {
            assertTrue(normal.changes().stream().filter(c -> c.code().equals(change)).findFirst().orElseThrow().terms()
                    .isEmpty(), change);
        }
    }

    /**
     * What the normal model shows in its own rows: tax income of 600 to be spread (4740 / 1370) and 100 of it taken to
     * results (1370 / 6301) in "Ajustes por cambios de valor" and row I; capital that was a liability reclassified as
     * equity (1500 / 1000), and a debt forgiven by a member supplier (4007 / 1181), in row II.3; own participations
     * (108 / 572) in II.6; the reimbursement owed to a leaving member (1000 / 5210) in II.2.
     */
    @Test
    void theNormalModelsOwnRowsTakeConversionsAndTaxIncome() {
        Grid grid = model(NORMAL).compute(2025, Map.of(), null,
                List.of(Entry.of(dr("4740", "600"), cr("1370", "600")), Entry.of(dr("1370", "100"), cr("6301", "100")),
                        Entry.of(dr("1500", "3000"), cr("1000", "3000")),
                        Entry.of(dr("4007", "250"), cr("1181", "250")), Entry.of(dr("108", "400"), cr("572", "400")),
                        Entry.of(dr("1000", "700"), cr("5210", "700"))));
        assertRow(grid, "D.I", "RDO=100", "ACV=500", "TOTAL=600");
        assertRow(grid, "D.II.3", "CAP.S=3000", "APS=250", "TOTAL=3250");
        assertRow(grid, "D.II.6", "CAP.S=-400", "TOTAL=-400");
        assertRow(grid, "D.II.2", "CAP.S=-700", "TOTAL=-700");
        assertRow(grid, "D.III");
        assertRow(grid, "E", "CAP.S=1900", "APS=250", "RDO=100", "ACV=500", "TOTAL=2750");
    }

    @Test
    void theFirstYearLeavesThePreviousYearsRowsEmptyAndOpensWithItsOpeningBalances() {
        Grid grid = model(PYMES).compute(2025,
                Map.of("100", new BigDecimal("-3000.00"), "572", new BigDecimal("3000.00")), null,
                List.of(Entry.of(dr("572", "100"), cr("118", "100"))));
        for (String row : List.of("A", "A.I", "A.II", "B", "B.I", "B.II", "B.III", "B.III.1", "B.IV")) {
            assertNull(grid.amount(row, "TOTAL"), row);
            assertNull(grid.amount(row, "CAP.E"), row);
        }
        assertRow(grid, "C", "CAP.E=3000", "TOTAL=3000");
        // a contribution of the owners (118) is another operation with them
        assertRow(grid, "D.III.3", "APS=100", "TOTAL=100");
        assertRow(grid, "E", "CAP.E=3000", "APS=100", "TOTAL=3100");
    }

    /**
     * Norm 4.ª 2: a change zero in both years is blank in both years' rows, a heading whose rows are all blank is
     * blank, a column zero in every row is blank (a heading when all its columns are); the balances never are. In a
     * first year the previous year's empty rows count as zero.
     */
    @Test
    void theRowsAndColumnsWithoutAnAmountInEitherYearAreBlank() {
        EquityChanges pymes = model(PYMES);
        EquityChanges.Blanks first = pymes
                .blanks(pymes.compute(2025, Map.of("100", new BigDecimal("-3000.00"), "572", new BigDecimal("3000.00")),
                        null, List.of(Entry.of(dr("572", "100"), cr("118", "100")))));
        assertEquals(List.of("A.I", "A.II", "B.I", "B.II", "B.AJ", "B.III.1", "B.III.2", "B.IV", "C.I", "C.II", "D.I",
                "D.II", "D.AJ", "D.III.1", "D.III.2", "D.IV"), first.rows());
        assertEquals(List.of("CAP.NE", "PRIMA", "RES", "PROP", "REA", "RDO", "DIV", "SUB", "AJ"), first.columns());
        // a change shown in one year keeps its row in the other: the previous year's increase of capital, here 10,000
        EquityChanges.Blanks two = pymes
                .blanks(pymes.compute(2025, Map.of(), List.of(Entry.of(dr("572", "10000"), cr("100", "10000"))),
                        List.of(Entry.of(dr("572", "100"), cr("118", "100")))));
        assertTrue(!two.rows().contains("B.III.1") && !two.rows().contains("D.III.1") && !two.rows().contains("D.III"),
                two.rows().toString());
        assertTrue(two.rows().contains("B.I") && !two.rows().contains("A") && !two.rows().contains("E"));
        assertFalse(two.columns().contains("CAP") || two.columns().contains("CAP.E"), two.columns().toString());
    }

    /**
     * An entry whose sides both mix kinds: each line is divided among the other side's lines in proportion. The 700
     * credited to 100 is set 420 against the bank (a capital increase) and 280 against 121 (a reclassification); the
     * 300 credited to 130, 180 against the bank (a grant received) and 120 against 121.
     */
    @Test
    void aLineSetAgainstLinesOfDifferentKindsIsDividedInProportion() {
        Grid grid = model(PYMES).compute(2025, Map.of(), null,
                List.of(Entry.of(dr("572", "600"), dr("121", "400"), cr("100", "700"), cr("130", "300"))));
        assertRow(grid, "D.III.1", "CAP.E=420", "TOTAL=420");
        assertRow(grid, "D.II", "SUB=180", "TOTAL=180");
        assertRow(grid, "D.IV", "CAP.E=280", "REA=-400", "SUB=120");
    }

    /**
     * The opening year's profit of 3,000 in 129. An interim dividend of 800 (557 / 526) and, when the result is
     * applied, the interim dividend cancelled against it and 2,200 to the voluntary reserves (129 / 557, 113): the
     * dividend is an operation with the owners (norm 7.ª 2), in both columns it moves, and the rest a reclassification.
     * Own shares bought for 400 (108 / 572); tax income of 600 to be spread (4740 / 1370) and 100 of it taken to
     * results (1370 / 6301).
     */
    @Test
    void dividendsOwnSharesAndTaxIncomeFallInTheirRows() {
        Grid grid = model(PYMES).compute(2025,
                Map.of("129", new BigDecimal("-3000.00"), "572", new BigDecimal("3000.00")), null,
                List.of(Entry.of(dr("557", "800"), cr("526", "800")),
                        Entry.of(dr("129", "3000"), cr("557", "800"), cr("113", "2200")),
                        Entry.of(dr("108", "400"), cr("572", "400")), Entry.of(dr("4740", "600"), cr("1370", "600")),
                        Entry.of(dr("1370", "100"), cr("6301", "100"))));
        assertRow(grid, "D", "RDO=3000", "TOTAL=3000");
        // D.III.3: the interim dividend (-800 in its column), its cancellation against the result (+800, -800), and
        // the own shares
        assertRow(grid, "D.III.3", "PROP=-400", "RDO=-800", "TOTAL=-1200");
        assertRow(grid, "D.IV", "RES=2200", "RDO=-2200");
        // the row of norm 7.ª c): 600 recognised, 100 taken to results, which row I shows
        assertRow(grid, "D.AJ", "AJ=500", "TOTAL=500");
        assertRow(grid, "D.I", "RDO=100", "TOTAL=100");
        assertRow(grid, "E", "RES=2200", "PROP=-400", "RDO=100", "AJ=500", "TOTAL=2400");
    }

    @Test
    void theDivisionKeepsEveryCentOfBothSides() {
        List<BigInteger> debits = cents(1, 1, 1);
        List<BigInteger> credits = cents(2, 1);
        BigInteger[][] flows = EquityChanges.flows(debits, credits);
        assertEquals("[[1, 0], [1, 0], [0, 1]]", Arrays.deepToString(flows));
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            List<BigInteger> d = new ArrayList<>();
            List<BigInteger> c = new ArrayList<>();
            long total = 0;
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                long amount = 1 + random.nextInt(100_000);
                d.add(BigInteger.valueOf(amount));
                total += amount;
            }
            for (int n = 1 + random.nextInt(6); n > 1 && total > 1; n--) {
                long amount = 1 + (long) random.nextInt((int) Math.min(total - 1, Integer.MAX_VALUE));
                c.add(BigInteger.valueOf(amount));
                total -= amount;
            }
            c.add(BigInteger.valueOf(total));
            BigInteger[][] f = EquityChanges.flows(d, c);
            for (int x = 0; x < d.size(); x++) {
                assertEquals(d.get(x), Arrays.stream(f[x]).reduce(BigInteger.ZERO, BigInteger::add));
            }
            for (int y = 0; y < c.size(); y++) {
                final int column = y;
                assertEquals(c.get(y), Arrays.stream(f).map(r -> r[column]).reduce(BigInteger.ZERO, BigInteger::add));
                assertTrue(Arrays.stream(f).allMatch(r -> r[column].signum() >= 0));
            }
        }
    }

    private static List<BigInteger> cents(long... amounts) {
        return Arrays.stream(amounts).mapToObj(BigInteger::valueOf).toList();
    }

    @Test
    void anEntryThatDoesNotBalanceIsRefused() {
        EquityChanges pymes = model(PYMES);
        List<Entry> unbalanced = List.of(Entry.of(dr("572", "100"), cr("100", "90")));
        assertThrows(IllegalArgumentException.class, () -> pymes.compute(2025, Map.of(), null, unbalanced));
    }

    // -------------------------------------------------------------------------------------------------------------
    // The closing balances, for random books

    /** Accounts of every column of the models and of the rest of the books, some of both charts only. */
    private static final List<String> ACCOUNTS = List.of("100", "1000", "1001", "10020", "101", "102", "1030", "1040",
            "1070", "1071", "551", "1715", "4000", "11451", "108", "109", "110", "112", "113", "1141", "11450", "118",
            "1181", "119", "120", "121", "129", "130", "131", "132", "1370", "1371", "150", "1500", "190", "194",
            "5020", "5210", "526", "5298", "557", "5580", "550", "572", "5720001", "430", "479", "4752", "2527", "5427",
            "600", "640", "647", "657", "705", "746", "747", "6301");

    /**
     * Whatever the books, each column's rows add up from its opening to its closing balance (the grid checks it as it
     * draws up), the year's opening is the previous year's closing, and each column's closing balance is its line of
     * the balance sheet, at the end of each year.
     */
    @Property(tries = 200)
    void everyColumnClosesAtItsBalanceSheetLineWhateverTheBooks(@ForAll long seed) {
        Random random = new Random(seed);
        Map<String, BigDecimal> opening = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            opening.merge(pick(random), BigDecimal.valueOf(random.nextLong(-1_000_000_00L, 1_000_000_00L), 2),
                    BigDecimal::add);
        }
        boolean previousYear = random.nextBoolean();
        List<Entry> previous = previousYear ? entries(random) : null;
        List<Entry> current = entries(random);
        for (String name : List.of(PYMES, COOPERATIVES, NORMAL)) {
            EquityChanges model = model(name);
            Grid grid = model.compute(2025, opening, previous, current);
            Statement balance = balance(name);
            Map<String, Movement> endOfPrevious = books(opening, previous == null ? List.of() : previous);
            Map<String, Movement> endOfYear = books(opening, previous == null ? current : concat(previous, current));
            List<Statement.Amount> before = balance.evaluate(endOfPrevious);
            List<Statement.Amount> after = balance.evaluate(endOfYear);
            for (Map.Entry<String, String> column : BALANCE_LINES.get(name).entrySet()) {
                assertEquals(0,
                        Statement.amountOf(before, column.getValue()).compareTo(grid.amount("C", column.getKey())),
                        name + " C " + column.getKey());
                assertEquals(0,
                        Statement.amountOf(after, column.getValue()).compareTo(grid.amount("E", column.getKey())),
                        name + " E " + column.getKey());
                BigDecimal rows = grid.amount("D", column.getKey());
                for (String row : childrenOf(model, "D")) {
                    rows = rows.add(grid.amount(row, column.getKey()));
                }
                assertEquals(0, rows.compareTo(grid.amount("E", column.getKey())), name + " rows " + column.getKey());
                for (EquityChanges.Row heading : model.rows()) {
                    if (heading.current() && heading.content() == null) {
                        BigDecimal under = BigDecimal.ZERO;
                        for (String row : childrenOf(model, heading.code())) {
                            under = under.add(grid.amount(row, column.getKey()));
                        }
                        assertEquals(0, grid.amount(heading.code(), column.getKey()).compareTo(under),
                                name + " " + heading.code() + " " + column.getKey());
                    }
                }
            }
        }
    }

    /** The rows one level under {@code code} that follow it, up to the next row of its level or above. */
    private static List<String> childrenOf(EquityChanges model, String code) {
        List<EquityChanges.Row> rows = model.rows();
        int at = rows.stream().map(EquityChanges.Row::code).toList().indexOf(code);
        List<String> children = new ArrayList<>();
        for (int i = at + 1; i < rows.size() && rows.get(i).level() > rows.get(at).level(); i++) {
            if (rows.get(i).level() == rows.get(at).level() + 1) {
                children.add(rows.get(i).code());
            }
        }
        return children;
    }

    private static String pick(Random random) {
        return ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
    }

    private static List<Entry> concat(List<Entry> one, List<Entry> other) {
        List<Entry> all = new ArrayList<>(one);
        all.addAll(other);
        return all;
    }

    /** 1 to 40 balanced entries of 2 to 8 lines, on random accounts with random cents. */
    private static List<Entry> entries(Random random) {
        List<Entry> entries = new ArrayList<>();
        for (int e = random.nextInt(1, 41); e > 0; e--) {
            List<Posting> lines = new ArrayList<>();
            long total = 0;
            for (int d = random.nextInt(1, 5); d > 0; d--) {
                long cents = random.nextLong(1, 10_000_000_00L);
                lines.add(new Posting(pick(random), BigDecimal.valueOf(cents, 2), null));
                total += cents;
            }
            for (int c = random.nextInt(1, 5); c > 1 && total > 1; c--) {
                long cents = random.nextLong(1, total);
                lines.add(new Posting(pick(random), null, BigDecimal.valueOf(cents, 2)));
                total -= cents;
            }
            lines.add(new Posting(pick(random), null, BigDecimal.valueOf(total, 2)));
            entries.add(new Entry(lines));
        }
        return entries;
    }

    /** The opening balances plus the entries, as the movements by account a balance sheet is drawn up from. */
    private static Map<String, Movement> books(Map<String, BigDecimal> opening, List<Entry> entries) {
        Map<String, Movement> books = new HashMap<>();
        opening.forEach((account, net) -> books.merge(account,
                net.signum() >= 0 ? new Movement(net, BigDecimal.ZERO) : new Movement(BigDecimal.ZERO, net.negate()),
                Movement::plus));
        for (Entry entry : entries) {
            for (Posting line : entry.lines()) {
                books.merge(line.account(), new Movement(line.debit() == null ? BigDecimal.ZERO : line.debit(),
                        line.credit() == null ? BigDecimal.ZERO : line.credit()), Movement::plus);
            }
        }
        return books;
    }

    // -------------------------------------------------------------------------------------------------------------
    // The models against the charts

    /**
     * Every posting account of equity of the chart (what its balance sheet shows under A) Patrimonio neto, with groups
     * 6 and 7, the year's result until it is closed; not 1034 and 1044, capital pending registration, which norm 5.ª 6
     * of the PGC PYMES puts among the debts) is in exactly one column; every other account is in none; each column
     * takes the accounts of its balance sheet line.
     */
    @ParameterizedTest
    @ValueSource(strings = { PYMES, COOPERATIVES, NORMAL })
    void everyEquityAccountOfTheChartIsInExactlyOneColumn(String name) {
        List<ChartTemplates.Line> chart = new ChartTemplates("config/charts").read(CHART.get(name)).stream()
                .filter(l -> l.kind() == AccountKind.POSTING).toList();
        Statement balance = balance(name);
        Map<String, List<String>> lines = balance.linesTaking(chart.stream().map(ChartTemplates.Line::code).toList());
        Set<String> equity = lines.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(l -> l.startsWith("P.A"))).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(equity.containsAll(List.of("129", "130", "557", "705")), equity.toString());
        EquityChanges model = model(name);
        Map<String, List<String>> columns = model.columnsTaking(chart.stream().map(ChartTemplates.Line::code).toList());
        assertEquals("",
                columns.entrySet().stream().filter(e -> e.getValue().size() != (equity.contains(e.getKey()) ? 1 : 0))
                        .map(e -> e.getKey() + "->" + e.getValue()).collect(Collectors.joining(", ")));
        for (Map.Entry<String, String> pin : BALANCE_LINES.get(name).entrySet()) {
            if (pin.getKey().equals("TOTAL")) {
                continue;
            }
            Set<String> ofLine = lines.entrySet().stream()
                    .filter(e -> e.getValue().stream()
                            .anyMatch(l -> l.equals(pin.getValue()) || l.startsWith(pin.getValue() + ".")))
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
            Set<String> ofColumn = columns.entrySet().stream().filter(e -> e.getValue().contains(pin.getKey()))
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(ofLine, ofColumn, pin.getKey());
        }
    }

    /** The model's 11 columns (12 with TOTAL) and 23 rows, and the row and column of norm 7.ª c). */
    @Test
    void thePymesModelHasTheColumnsAndRowsOfTheModel() {
        EquityChanges pymes = model(PYMES);
        assertEquals(List.of("CAP", "CAP.E", "CAP.NE", "PRIMA", "RES", "PROP", "REA", "APS", "RDO", "DIV", "SUB", "AJ"),
                pymes.columns().stream().map(EquityChanges.Column::code).toList());
        assertEquals(List.of("A", "A.I", "A.II", "B", "B.I", "B.II", "B.AJ", "B.III", "B.III.1", "B.III.2", "B.III.3",
                "B.IV", "C", "C.I", "C.II", "D", "D.I", "D.II", "D.AJ", "D.III", "D.III.1", "D.III.2", "D.III.3",
                "D.IV", "E"), pymes.rows().stream().map(EquityChanges.Row::code).toList());
        assertEquals("3. Otras operaciones con socios o propietarios", pymes.rows().get(22).caption());
    }

    /**
     * Anexo II's document B without the column "Ajustes por cambios de valor" (note *), with rows I and II of note **,
     * and the row and column of the PGC PYMES's norm 7.ª c).
     */
    @Test
    void theCooperativesModelHasTheColumnsAndRowsOfAnexoII() {
        EquityChanges cooperatives = model(COOPERATIVES);
        assertEquals(List.of("CAP", "CAP.S", "CAP.NE", "RES", "REA", "APS", "RDO", "RET", "FC", "OIP", "SUB", "AJ"),
                cooperatives.columns().stream().map(EquityChanges.Column::code).toList());
        assertEquals(25, cooperatives.rows().size());
        assertEquals("3. Otras operaciones con socios y partícipes", cooperatives.rows().get(22).caption());
        assertEquals("(Retornos y remuneraciones a cuenta)", cooperatives.columns().get(7).caption());
    }

    // -------------------------------------------------------------------------------------------------------------
    // Malformed files

    private static final List<String> VALID = List.of("# a model", EquityChanges.HEADER, "column;K;Capital;0;100",
            "column;R;Resultado;0;129;6;7", "change;result;;;6;7", "change;increase;;;100(credits)", "change;other;;;*",
            "row;A;A. Saldo {N-2};0;opening", "row;B;B. Ajustado;0;adjusted", "row;B.I;I. Resultado;1;result",
            "row;B.II;II. Operaciones;1;", "row;B.II.1;1. Aumentos;2;increase", "row;B.III;III. Otras;1;other",
            "row;C;C. Saldo {N-1};0;closing", "row;D;D. Ajustado;0;adjusted", "row;D.I;I. Resultado;1;result",
            "row;D.II;II. Aumentos;1;increase", "row;D.III;III. Otras;1;other", "row;E;E. Saldo {N};0;closing");

    @Test
    void aWellFormedFileIsRead() {
        EquityChanges model = EquityChanges.parse("x", "x.csv", VALID);
        assertEquals(2, model.columns().size());
        assertEquals(3, model.changes().size());
    }

    /** Line {@code line} (1-based, the header is 2) replaced by {@code text}, and the place and problem named. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "2|code;caption;level;side;formula|x.csv:2|the header must be",
            "3|colum;K;Capital;0;100|x.csv:3|is none of column, change or row",
            "4|column;R;Resultado;0;129;6;100|x.csv:4|already in the column K",
            "4|column;R;Resultado;0;12x|x.csv:4|is not an account code prefix",
            "5|change;result;;;6;7(both)|x.csv:5|the term '7(both)'",
            "5|change;result;;;6;140|x.csv:5|takes no account of the columns",
            "6|change;increase;;;6|x.csv:6|already takes",
            "6|change;increase;;;*|x.csv:7|already takes what no term takes",
            "6|change;increase;;1;100(credits)|x.csv:6|a change has no level",
            "10|row;B.I;I. Resultado;1;results|x.csv:10|neither opening, adjusted, closing nor an earlier change",
            "11|row;B.II;II. Operaciones;1;increase;other|x.csv:11|a row shows one thing",
            "12|row;B.II.1;1. Aumentos;2;result|x.csv:12|is shown 2 times",
            "13|row;B.III;III. Otras;1;|x.csv:13|shows nothing",
            "3|row;K;Capital;0;opening|x.csv:4|the columns come first",
            "3|column;K;Capital;5;100|x.csv:3|a level 0 to 3",
            "9|row;B;B. Ajustado;0;closing|x.csv|the balance rows are" })
    void aMalformedFileIsRefusedNamingTheLine(int line, String text, String place, String problem) {
        List<String> lines = new ArrayList<>(VALID);
        lines.set(line - 1, text);
        String message = assertThrows(EquityChanges.InvalidEquityChangesFileException.class,
                () -> EquityChanges.parse("x", "x.csv", lines)).getMessage();
        assertTrue(message.contains(place + ":") || message.contains(place + " "), message);
        assertTrue(message.contains(problem), message);
    }

    @Test
    void aChangeNotShownInAYearIsRefused() {
        List<String> lines = new ArrayList<>(VALID);
        lines.set(16, "row;D.II;II. Aumentos;1;other");
        lines.remove(17);
        String message = assertThrows(EquityChanges.InvalidEquityChangesFileException.class,
                () -> EquityChanges.parse("x", "x.csv", lines)).getMessage();
        assertTrue(message.contains("x.csv: the change increase is shown 0 times in the year's rows"), message);
    }
}
