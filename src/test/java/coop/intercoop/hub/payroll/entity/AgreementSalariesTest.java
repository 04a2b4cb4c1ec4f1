package coop.intercoop.hub.payroll.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.platform.ConfigCsv;

/**
 * The reading and lookups of the salary tables, with tables made up for the test: the installed file has no rows yet
 * (see its header), so no figure here is an agreement's.
 */
class AgreementSalariesTest {

    private static final String AGREEMENT = "demo;Convenio de prueba;BOE-A-2022-17633;verified;Resolución de prueba";

    private static List<ConfigCsv.Row> agreements(String... lines) {
        return ConfigCsv.rows("agreements.csv", List.of(lines), AgreementSalaries.AGREEMENTS_HEADER,
                PayrollRulesFileException::new);
    }

    private static List<ConfigCsv.Row> salaries(String... lines) {
        return ConfigCsv.rows("agreement-salaries.csv", List.of(lines), AgreementSalaries.SALARIES_HEADER,
                PayrollRulesFileException::new);
    }

    private static String refusal(List<ConfigCsv.Row> agreements, List<ConfigCsv.Row> salaries) {
        return assertThrows(PayrollRulesFileException.class, () -> AgreementSalaries.parse(agreements, salaries))
                .getMessage();
    }

    private static String salaryRefusal(String row) {
        return refusal(agreements(AgreementSalaries.AGREEMENTS_HEADER, AGREEMENT),
                salaries(AgreementSalaries.SALARIES_HEADER, row));
    }

    @Test
    void aCategorysSalaryIsFoundByTheDayOf2025AndOf2026() {
        AgreementSalaries tables = AgreementSalaries.parse(agreements(AgreementSalaries.AGREEMENTS_HEADER, AGREEMENT),
                salaries(AgreementSalaries.SALARIES_HEADER,
                        "2025-01-01;2025-12-31;demo;Grupo 1;Educador;1500.00;2;verified;BOE-A-2025-7169 anexo",
                        "2026-01-01;;demo;Grupo 1;Educador;1545.00;2;derived;2025 row plus 3 %, agreement art. 30",
                        "2025-01-01;;demo;Grupo 2;Auxiliar;1300.00;2;verified;BOE-A-2025-7169 anexo"));
        AgreementSalaries.Salary in2025 = tables.salary("demo", "Educador", LocalDate.of(2025, 7, 1)).orElseThrow();
        assertEquals(new BigDecimal("1500.00"), in2025.monthlyBase());
        assertEquals(2, in2025.extraPayments());
        assertEquals("Grupo 1", in2025.group());
        AgreementSalaries.Salary in2026 = tables.salary("demo", "Educador", LocalDate.of(2026, 2, 1)).orElseThrow();
        assertEquals(new BigDecimal("1545.00"), in2026.monthlyBase());
        assertEquals(Source.Status.DERIVED, in2026.source().status());
        assertTrue(tables.salary("demo", "Director", LocalDate.of(2026, 2, 1)).isEmpty());
        assertEquals("BOE-A-2022-17633", tables.agreement("demo").orElseThrow().boe());
    }

    @Test
    void aDayNoTableOfTheAgreementCoversAnswersThatNoneIsInForce() {
        AgreementSalaries tables = AgreementSalaries.parse(agreements(AgreementSalaries.AGREEMENTS_HEADER, AGREEMENT),
                salaries(AgreementSalaries.SALARIES_HEADER,
                        "2025-01-01;2025-12-31;demo;Grupo 1;Educador;1500.00;2;verified;BOE-A-2025-7169 anexo"));
        assertEquals("no salary table of demo is in force on 2026-01-01", assertThrows(NoRuleInForceException.class,
                () -> tables.salary("demo", "Educador", LocalDate.of(2026, 1, 1))).getMessage());
    }

    @Test
    void twoRowsOfOneCategorySharingADayAreRefusedNamingBothLines() {
        assertEquals(
                "agreement-salaries.csv:3: the category Educador of demo is already in force on some of these "
                        + "days at agreement-salaries.csv:2",
                refusal(agreements(AgreementSalaries.AGREEMENTS_HEADER, AGREEMENT),
                        salaries(AgreementSalaries.SALARIES_HEADER,
                                "2025-01-01;;demo;Grupo 1;Educador;1500.00;2;verified;BOE-A-2025-7169 anexo",
                                "2026-01-01;;demo;Grupo 1;Educador;1545.00;2;verified;BOE-A-2026-1 anexo")));
    }

    @Test
    void aMalformedSalaryRowIsRefusedNamingTheLineAndTheProblem() {
        assertEquals("agreement-salaries.csv:2: the agreement other is not in agreements.csv",
                salaryRefusal("2025-01-01;;other;Grupo 1;Educador;1500.00;2;verified;BOE-A-2025-7169"));
        assertEquals(
                "agreement-salaries.csv:2: the monthly base is a number with . and two decimals, such as 1424.40, "
                        + "not '1.500,00'",
                salaryRefusal("2025-01-01;;demo;Grupo 1;Educador;1.500,00;2;verified;BOE-A-2025-7169"));
        assertEquals("agreement-salaries.csv:2: the monthly base is above zero",
                salaryRefusal("2025-01-01;;demo;Grupo 1;Educador;0.00;2;verified;BOE-A-2025-7169"));
        assertEquals(
                "agreement-salaries.csv:2: the extra payments are a count of payments a year, such as 2, not 'two'",
                salaryRefusal("2025-01-01;;demo;Grupo 1;Educador;1500.00;two;verified;BOE-A-2025-7169"));
        assertEquals("agreement-salaries.csv:2: each salary names its group and category",
                salaryRefusal("2025-01-01;;demo;Grupo 1; ;1500.00;2;verified;BOE-A-2025-7169"));
        assertEquals("agreement-salaries.csv:2: needs the fields " + AgreementSalaries.SALARIES_HEADER,
                salaryRefusal("2025-01-01;;demo;Educador;1500.00;2;verified;BOE-A-2025-7169"));
        assertEquals("agreement-salaries.csv:2: the status is verified or derived, not 'estimated'",
                salaryRefusal("2025-01-01;;demo;Grupo 1;Educador;1500.00;2;estimated;BOE-A-2025-7169"));
    }

    @Test
    void aMalformedOrRepeatedAgreementIsRefusedNamingTheLine() {
        assertEquals("agreements.csv:2: the publication is a BOE id such as BOE-A-2022-17633, not 'BOE 2022/17633'",
                refusal(agreements(AgreementSalaries.AGREEMENTS_HEADER,
                        "demo;Convenio de prueba;BOE 2022/17633;verified;Resolución"),
                        salaries(AgreementSalaries.SALARIES_HEADER)));
        assertEquals("agreements.csv:2: the code is a short slug such as accion-social, not 'Acción Social'",
                refusal(agreements(AgreementSalaries.AGREEMENTS_HEADER,
                        "Acción Social;Convenio de prueba;BOE-A-2022-17633;verified;Resolución"),
                        salaries(AgreementSalaries.SALARIES_HEADER)));
        assertEquals("agreements.csv:3: repeats the agreement demo",
                refusal(agreements(AgreementSalaries.AGREEMENTS_HEADER, AGREEMENT, AGREEMENT),
                        salaries(AgreementSalaries.SALARIES_HEADER)));
    }
}
