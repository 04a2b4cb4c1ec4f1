package coop.intercoop.hub.payroll.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import coop.intercoop.hub.payroll.entity.AgreementSalaries;
import coop.intercoop.hub.payroll.entity.AtepPremiums;
import coop.intercoop.hub.payroll.entity.AtepPremiums.Premium;
import coop.intercoop.hub.payroll.entity.AtepPremiums.Table;
import coop.intercoop.hub.payroll.entity.ExemptSubkey;
import coop.intercoop.hub.payroll.entity.NoRuleInForceException;
import coop.intercoop.hub.payroll.entity.PayrollRulesFileException;
import coop.intercoop.hub.payroll.entity.Source;

/**
 * The installed files of {@code config/payroll}, read as the hub reads them, checked against the official texts they
 * were loaded from: the tariff of Ley 42/2006 disp. adic. 4 in the wording of Real Decreto-ley 28/2018
 * (BOE-A-2018-17992, disp. final 5) for 2025, and that of LGSS disp. adic. 61 added by Real Decreto-ley 3/2026
 * (BOE-A-2026-2548, disp. final 1.Tres) for 2026.
 */
class PayrollTablesTest {

    private static final LocalDate DAY_2025 = LocalDate.of(2025, 11, 15);
    private static final LocalDate DAY_2026 = LocalDate.of(2026, 3, 31);

    private final PayrollTables tables = new PayrollTables("config/payroll");

    private static void assertRates(Premium premium, String it, String ims, String total) {
        assertEquals(new BigDecimal(it), premium.it(), premium.code() + " IT");
        assertEquals(new BigDecimal(ims), premium.ims(), premium.code() + " IMS");
        assertEquals(new BigDecimal(total), premium.total(), premium.code() + " total");
    }

    private static long rowsFrom(List<Premium> rows, LocalDate first) {
        return rows.stream().filter(p -> p.validity().from().equals(first)).count();
    }

    @Test
    void theInstalledTariffHasEveryRowOfBothTextsAndEachTotalIsItPlusIms() {
        AtepPremiums premiums = tables.atepPremiums();
        List<Premium> activities = premiums.rows(Table.ACTIVITIES);
        // Cuadro I of 2019 has 158 rows and that of 2026 172, each listing x twice (under 52 and under 78) with the
        // same rates: one row of x per period here.
        assertEquals(157, rowsFrom(activities, LocalDate.of(2019, 1, 1)));
        assertEquals(171, rowsFrom(activities, LocalDate.of(2026, 1, 1)));
        assertEquals(328, activities.size());
        List<Premium> occupations = premiums.rows(Table.OCCUPATIONS);
        assertEquals(6, rowsFrom(occupations, LocalDate.of(2019, 1, 1)));
        assertEquals(6, rowsFrom(occupations, LocalDate.of(2026, 1, 1)));
        Stream.concat(activities.stream(), occupations.stream()).forEach(p -> {
            assertEquals(p.total(), p.it().add(p.ims()), p.code() + " from " + p.validity().from());
            assertEquals(2, p.total().scale());
        });
    }

    @Test
    void activitiesOfADayOf2025HaveTheRatesOfCuadroIOfRealDecretoLey28Of2018() {
        AtepPremiums premiums = tables.atepPremiums();
        // BOE-A-2018-17992 disp. final 5, Cuadro I: "88 | Actividades de servicios sociales sin alojamiento | 0,80 |
        // 0,70 | 1,50", "87 | Asistencia en establecimientos residenciales | 0,80 | 0,70 | 1,50",
        // "94 | Actividades asociativas | 0,65 | 1,00 | 1,65", "0164 | Tratamiento de semillas para reproducción |
        // 1,15 | 1,10 | 2,25", "x | Carga y descarga; estiba y desestiba | 3,35 | 3,35 | 6,70",
        // "99 | Actividades de organizaciones y organismos extraterritoriales | 1,20 | 1,15 | 2,35"
        assertRates(premiums.activity("88", DAY_2025).orElseThrow(), "0.80", "0.70", "1.50");
        assertRates(premiums.activity("87", DAY_2025).orElseThrow(), "0.80", "0.70", "1.50");
        assertRates(premiums.activity("94", DAY_2025).orElseThrow(), "0.65", "1.00", "1.65");
        assertRates(premiums.activity("0164", DAY_2025).orElseThrow(), "1.15", "1.10", "2.25");
        assertRates(premiums.activity("x", DAY_2025).orElseThrow(), "3.35", "3.35", "6.70");
        assertRates(premiums.activity("99", DAY_2025).orElseThrow(), "1.20", "1.15", "2.35");
        assertEquals("Actividades de servicios sociales sin alojamiento.",
                premiums.activity("88", DAY_2025).orElseThrow().title());
        assertTrue(premiums.activity("88", DAY_2025).orElseThrow().source().citation().startsWith("BOE-A-2018-17992"));
    }

    @Test
    void activitiesOfADayOf2026HaveTheRatesOfCuadroIOfRealDecretoLey3Of2026ByCnae2025() {
        AtepPremiums premiums = tables.atepPremiums();
        // BOE-A-2026-2548 disp. final 1.Tres (LGSS disp. adic. 61.1), Cuadro I: "0163 | Actividades de preparación
        // posterior a la cosecha y tratamiento de semillas para reproducción. | 1,50 | 1,15 | 2,65", "4632 | Comercio
        // al
        // por mayor de carne, productos cárnicos; pescado y productos del pescado. | 1,70 | 1,45 | 3,15",
        // "6039 | Otras actividades de distribución de contenidos. | 0,80 | 0,85 | 1,65", "9531 | Reparación y
        // mantenimiento de vehículos de motor. | 2,45 | 2,00 | 4,45", "88 | ... | 0,80 | 0,70 | 1,50"
        assertRates(premiums.activity("0163", DAY_2026).orElseThrow(), "1.50", "1.15", "2.65");
        assertRates(premiums.activity("4632", DAY_2026).orElseThrow(), "1.70", "1.45", "3.15");
        assertRates(premiums.activity("6039", DAY_2026).orElseThrow(), "0.80", "0.85", "1.65");
        assertRates(premiums.activity("9531", DAY_2026).orElseThrow(), "2.45", "2.00", "4.45");
        assertRates(premiums.activity("88", DAY_2026).orElseThrow(), "0.80", "0.70", "1.50");
        assertTrue(premiums.activity("88", DAY_2026).orElseThrow().source().citation().startsWith("BOE-A-2026-2548"));
        // CNAE-2009's 0164 is not a code of the 2026 table, and 1 January 2026 is already the new table's
        assertTrue(premiums.activity("0164", DAY_2026).isEmpty());
        assertRates(premiums.activity("0163", LocalDate.of(2026, 1, 1)).orElseThrow(), "1.50", "1.15", "2.65");
    }

    @Test
    void occupationsOfCuadroIIHaveTheirRatesIn2025AndIn2026() {
        AtepPremiums premiums = tables.atepPremiums();
        // Cuadro II of both texts: "a | Personal en trabajos exclusivos de oficina. | 0,80 | 0,70 | 1,50",
        // "g | Personal de limpieza en general. ... | 2,10 | 1,50 | 3,60", "d | ... | 3,35 | 3,35 | 6,70"
        for (LocalDate day : List.of(DAY_2025, DAY_2026)) {
            assertRates(premiums.occupation("a", day).orElseThrow(), "0.80", "0.70", "1.50");
            assertRates(premiums.occupation("g", day).orElseThrow(), "2.10", "1.50", "3.60");
            assertRates(premiums.occupation("d", day).orElseThrow(), "3.35", "3.35", "6.70");
            assertTrue(premiums.occupation("e", day).isEmpty());
        }
    }

    @Test
    void withoutThe2026TableADayOf2026AnswersThatNoTariffIsInForce(@TempDir Path dir) throws IOException {
        List<String> until2025 = Files.readAllLines(Path.of("config/payroll/atep-activities.csv")).stream()
                .filter(line -> !line.startsWith("2026-")).toList();
        Files.write(dir.resolve("atep-activities.csv"), until2025);
        AtepPremiums premiums = new PayrollTables(dir.toString()).atepPremiums();
        assertRates(premiums.activity("88", DAY_2025).orElseThrow(), "0.80", "0.70", "1.50");
        assertEquals("no AT/EP premium tariff is in force on 2026-03-31",
                assertThrows(NoRuleInForceException.class, () -> premiums.activity("88", DAY_2026)).getMessage());
    }

    @Test
    void aMalformedInstalledFileIsRefusedNamingItsLine(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("atep-occupations.csv"), List.of("# Cuadro II", AtepPremiums.OCCUPATIONS_HEADER,
                "2026-01-01;;a;Personal en trabajos exclusivos de oficina.;0.80;0.70;1.05;verified;BOE-A-2026-2548"));
        assertEquals("atep-occupations.csv:3: the total 1.05 is not IT 0.80 + IMS 0.70 = 1.50",
                assertThrows(PayrollRulesFileException.class, () -> new PayrollTables(dir.toString()).atepPremiums())
                        .getMessage());
    }

    /**
     * Every subkey of key L the design has (Orden HFP/1286/2023, BOE-A-2023-24414, art. 1.Nueve: 01 to 31 and 99) is
     * named and cited, each read in the order's text; a subkey the design lacks is refused naming its line.
     */
    @Test
    void theInstalledSubkeysOfKeyLAreEveryOneTheDesignHasEachCited(@TempDir Path dir) throws IOException {
        Map<Integer, ExemptSubkey> subkeys = tables.exemptSubkeys();
        List<Integer> expected = new ArrayList<>(IntStream.rangeClosed(1, 31).boxed().toList());
        expected.add(99);
        assertEquals(expected, List.copyOf(subkeys.keySet()));
        assertTrue(subkeys.values().stream().allMatch(s -> s.source().status() == Source.Status.VERIFIED));
        ExemptSubkey allowances = subkeys.get(1);
        assertEquals("01", allowances.code());
        assertTrue(allowances.description().startsWith("Dietas y asignaciones para gastos de viaje"));
        assertEquals("BOE-A-2017-13279 anexo II clave L", allowances.source().citation());

        Files.writeString(dir.resolve(ExemptSubkey.FILE),
                ExemptSubkey.HEADER + "\n32;Otra;verified;BOE-A-2023-24414\n");
        PayrollRulesFileException refused = assertThrows(PayrollRulesFileException.class,
                () -> new PayrollTables(dir.toString()).exemptSubkeys());
        assertTrue(refused.getMessage().contains("no subkey 32"), refused.getMessage());
    }

    @Test
    void theInstalledAgreementsCiteTheirBoePublicationAndHaveNoSalaryTableYet() {
        AgreementSalaries agreements = tables.agreementSalaries();
        assertEquals(List.of("accion-social", "accion-social-iii", "discapacidad-xvi", "discapacidad-xv"),
                agreements.agreements().stream().map(AgreementSalaries.Agreement::code).toList());
        assertEquals("BOE-A-2022-17633", agreements.agreement("accion-social").orElseThrow().boe());
        assertEquals("BOE-A-2026-4641", agreements.agreement("accion-social-iii").orElseThrow().boe());
        assertEquals("BOE-A-2025-7169", agreements.agreement("discapacidad-xvi").orElseThrow().boe());
        assertEquals("BOE-A-2019-9974", agreements.agreement("discapacidad-xv").orElseThrow().boe());
        // the official tables were not available to load (see agreement-salaries.csv): a day of 2025 or 2026 says so
        assertThrows(NoRuleInForceException.class, () -> agreements.salary("discapacidad-xvi", "Cuidador", DAY_2025));
        assertThrows(NoRuleInForceException.class, () -> agreements.salary("accion-social", "Educador", DAY_2026));
    }
}
