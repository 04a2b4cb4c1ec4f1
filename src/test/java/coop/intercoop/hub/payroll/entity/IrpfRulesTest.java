package coop.intercoop.hub.payroll.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import coop.intercoop.hub.payroll.control.PayrollTables;
import coop.intercoop.hub.payroll.entity.IrpfRules.Parameter;

class IrpfRulesTest {

    private static BigDecimal euros(String amount) {
        return new BigDecimal(amount);
    }

    private static String refusal(Runnable parse) {
        return assertThrows(PayrollRulesFileException.class, parse::run).getMessage();
    }

    @Test
    void theInstalledTablesHoldTheFiguresOfTheOfficialTexts() {
        for (LocalDate day : List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31))) {
            IrpfRules rules = new PayrollTables("config/payroll").irpf(day);
            // Real Decreto 142/2024 (BOE-A-2024-2249), art. único.Uno, the table of RIRPF art. 81.1.
            assertEquals(euros("15876.00"), rules.exclusionLimit(3, 0).orElseThrow().amount());
            assertEquals(euros("18694.00"), rules.exclusionLimit(1, 4).orElseThrow().amount());
            assertEquals(euros("17197.00"), rules.exclusionLimit(2, 0).orElseThrow().amount());
            assertTrue(rules.exclusionLimit(1, 0).isEmpty());
            // RIRPF art. 85.1.1.º: the quota the table states at the start of each band follows from the rates.
            assertEquals(euros("2365.50"), rules.quota(euros("12450.00")));
            assertEquals(euros("4225.50"), rules.quota(euros("20200.00")));
            assertEquals(euros("8725.50"), rules.quota(euros("35200.00")));
            assertEquals(euros("17901.50"), rules.quota(euros("60000.00")));
            assertEquals(euros("125901.50"), rules.quota(euros("300000.00")));
            // Real Decreto 142/2024, art. único.Dos (RIRPF art. 83.3.d); Ley 35/2006 arts. 19.2.f, 57.1, 58.1.
            assertEquals(euros("7302.00"), rules.amount(Parameter.REDUCTION_MAX));
            assertEquals(euros("17673.52"), rules.amount(Parameter.REDUCTION_MID_THRESHOLD));
            assertEquals(euros("2000.00"), rules.amount(Parameter.OTHER_EXPENSES));
            assertEquals(euros("5550.00"), rules.amount(Parameter.PERSONAL_MINIMUM));
            assertEquals(euros("4500.00"), rules.amount(Parameter.DESCENDANT_4_AND_MORE));
            // RIRPF art. 86.2 and 85.3.
            assertEquals(euros("2.00"), rules.amount(Parameter.FLOOR_SHORT_CONTRACT));
            assertEquals(euros("43.00"), rules.amount(Parameter.LIMIT_RATE));
            assertEquals("BOE-A-2007-6820 art. 86.2", rules.value(Parameter.FLOOR_SHORT_CONTRACT).source().citation());
            assertEquals(Source.Status.VERIFIED, rules.value(Parameter.PERSONAL_MINIMUM).source().status());
        }
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefusedNamingTheLine() {
        assertEquals("irpf-parameters.csv:12: needs the fields from;to;name;value;status;source",
                refusal(() -> IrpfRules.parameter("irpf-parameters.csv:12", "2026-01-01;;other_expenses;2000.00")));
    }

    @Test
    void anAmountWithACommaOrWithoutTwoDecimalsIsRefused() {
        assertEquals("p:3: the value is a number with . and two decimals, such as 2000.00, not '2.000,00'",
                refusal(() -> IrpfRules.parameter("p:3", "2026-01-01;;other_expenses;2.000,00;verified;BOE")));
        assertEquals("s:4: the rate is a number with . and two decimals, such as 19.00, not '19'",
                refusal(() -> IrpfRules.scale("s:4", "2026-01-01;;0.00;19;verified;BOE")));
        assertEquals("s:5: the rate is a percentage up to 100.00, not 190.00",
                refusal(() -> IrpfRules.scale("s:5", "2026-01-01;;0.00;190.00;verified;BOE")));
    }

    @Test
    void anUnknownParameterIsRefused() {
        assertEquals("p:9: there is no parameter 'otros_gastos'",
                refusal(() -> IrpfRules.parameter("p:9", "2026-01-01;;otros_gastos;2000.00;verified;BOE")));
    }

    @Test
    void aRowWithoutItsSourceOrWithAnUnknownStatusIsRefused() {
        assertEquals("p:2: each value cites its source",
                refusal(() -> IrpfRules.parameter("p:2", "2026-01-01;;other_expenses;2000.00;verified; ")));
        assertEquals("p:2: the status is verified or derived, not 'checked'",
                refusal(() -> IrpfRules.parameter("p:2", "2026-01-01;;other_expenses;2000.00;checked;BOE")));
    }

    @Test
    void anExclusionLimitOutsideTheTableIsRefused() {
        assertEquals("e:7: the situation is 1, 2 or 3, not '4'",
                refusal(() -> IrpfRules.exclusion("e:7", "2026-01-01;;4;0;15876.00;verified;BOE")));
        assertEquals("e:8: the children are 0, 1 or 2 (two or more), and at least 1 in situation 1, not '3'",
                refusal(() -> IrpfRules.exclusion("e:8", "2026-01-01;;3;3;15876.00;verified;BOE")));
        assertEquals("e:9: the children are 0, 1 or 2 (two or more), and at least 1 in situation 1, not '0'",
                refusal(() -> IrpfRules.exclusion("e:9", "2026-01-01;;1;0;15876.00;verified;BOE")));
    }

    @Test
    void twoRowsOfOneNameInForceOnTheSameDayAreRefusedNamingBothLines(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("config/payroll/irpf-scale.csv"), dir.resolve("irpf-scale.csv"));
        Files.copy(Path.of("config/payroll/irpf-exclusion-limits.csv"), dir.resolve("irpf-exclusion-limits.csv"));
        Files.writeString(dir.resolve("irpf-parameters.csv"),
                String.join("\n", "# the amounts", IrpfRules.PARAMETERS_HEADER,
                        "2025-01-01;2025-12-31;other_expenses;2000.00;verified;BOE",
                        "2025-06-01;;other_expenses;2100.00;verified;BOE", ""));

        assertEquals(
                "irpf-parameters.csv:4: the parameter other_expenses is already in force on some of these days at irpf-parameters.csv:3",
                refusal(() -> new PayrollTables(dir.toString()).irpf(LocalDate.of(2025, 1, 1))));
    }

    @Test
    void aDayWithoutEveryValueInForceIsRefusedNamingTheValue(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("config/payroll/irpf-scale.csv"), dir.resolve("irpf-scale.csv"));
        Files.copy(Path.of("config/payroll/irpf-parameters.csv"), dir.resolve("irpf-parameters.csv"));
        List<String> limits = Files.readAllLines(Path.of("config/payroll/irpf-exclusion-limits.csv"));
        Files.write(dir.resolve("irpf-exclusion-limits.csv"),
                limits.stream().filter(line -> !line.contains(";;3;0;")).toList());

        assertEquals("irpf-exclusion-limits.csv: has no limit of situation 3 with 0 children in force on 2026-01-01",
                refusal(() -> new PayrollTables(dir.toString()).irpf(LocalDate.of(2026, 1, 1))));
        assertEquals("irpf-parameters.csv: has no row of other_expenses in force on 2024-12-31",
                refusal(() -> new PayrollTables("config/payroll").irpf(LocalDate.of(2024, 12, 31))));
        assertTrue(refusal(() -> new PayrollTables(dir.resolve("none").toString()).irpf(LocalDate.of(2026, 1, 1)))
                .startsWith("irpf-parameters.csv: is missing from "));
    }

    @Test
    void aFileWithAnotherHeaderIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("irpf-parameters.csv"), "from;to;name;value\n");
        assertEquals("irpf-parameters.csv:1: the header must be from;to;name;value;status;source",
                refusal(() -> new PayrollTables(dir.toString()).irpf(LocalDate.of(2026, 1, 1))));
    }
}
