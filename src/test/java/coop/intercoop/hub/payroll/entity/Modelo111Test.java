package coop.intercoop.hub.payroll.entity;

import static coop.intercoop.hub.payroll.entity.ReturnsExample.EMPLOYEE_NIF;
import static coop.intercoop.hub.payroll.entity.ReturnsExample.SPOUSE_NIF;
import static coop.intercoop.hub.payroll.entity.ReturnsExample.TEMPORARY_NIF;
import static coop.intercoop.hub.payroll.entity.ReturnsExample.euros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.entity.Perception.Amounts;
import coop.intercoop.hub.payroll.entity.Perception.Situation;
import coop.intercoop.hub.platform.HubTexts;

/**
 * Modelo 111 of a worked quarter (Orden EHA/586/2011, BOE-A-2011-4948, anexo I: boxes 01 to 06 of "I. Rendimientos del
 * trabajo" and 28 to 30 of the settlement).
 */
class Modelo111Test {

    /**
     * The first quarter of 2026 as three monthly runs give it. The open-ended employee of the IRPF example
     * (single, 25.000 euros a year, rate 14,09 %) is paid 2.083,33 a month with the extra payments prorated, and 293,54
     * withheld (2.083,33 × 14,09 % = 293,5412, RIRPF art. 86.1 applied to each payment), plus health insurance in kind
     * of 100,00 a month with its payment on account at the same rate, 14,09 (RIRPF art. 102.1). The temporary employee
     * is paid 1.500,00 a month at the 2 % floor of RIRPF art. 86.2, 30,00, and in March 400,00 of incapacity benefit
     * under delegated payment, withheld 8,00. A third person receives only exempt travel allowances (key L).
     */
    static List<Perception> quarter() {
        List<Perception> runs = new ArrayList<>();
        for (int month = 1; month <= 3; month++) {
            runs.add(Perception.employee(
                    EMPLOYEE_NIF, "Muñoz Peña José Ángel", "28", Amounts.monetary(euros("2083.33"), euros("293.54"))
                            .withInKind(euros("100.00"), euros("14.09"), BigDecimal.ZERO),
                    Situation.alone(1985, 1), euros("135.42")));
            Perception temporary = Perception.employee(TEMPORARY_NIF, "Smith John", "08",
                    Amounts.monetary(euros("1500.00"), euros("30.00")), Situation.alone(1999, 2), euros("97.50"));
            runs.add(month == 3 ? temporary.withIncapacity(Amounts.monetary(euros("400.00"), euros("8.00")))
                    : temporary);
        }
        runs.add(Perception.exempt(SPOUSE_NIF, "Ruiz Gil Eva", "28", 1, euros("200.00")));
        return runs;
    }

    @Test
    void aQuarterCountsEachPerceptorOnceAndSumsItsPay() {
        Modelo111 form = Modelo111.of(2026, "1T", quarter(), BigDecimal.ZERO);
        assertEquals(BigDecimal.valueOf(2), form.box("01"));
        assertEquals(euros("11149.99"), form.box("02")); // 3 × 2.083,33 + 3 × 1.500,00 + 400,00
        assertEquals(euros("978.62"), form.box("03")); // 3 × 293,54 + 3 × 30,00 + 8,00
        assertEquals(BigDecimal.valueOf(1), form.box("04"));
        assertEquals(euros("300.00"), form.box("05"));
        assertEquals(euros("42.27"), form.box("06"));
        assertEquals(euros("1020.89"), form.box("28")); // 03 + 06
        assertEquals(euros("0.00"), form.box("29"));
        assertEquals(euros("1020.89"), form.box("30")); // 28 − 29
    }

    @Test
    void aComplementarySelfAssessmentDeductsWhatEarlierOnesPaid() {
        Modelo111 form = Modelo111.of(2026, "1T", quarter(), euros("900.00"));
        assertEquals(euros("900.00"), form.box("29"));
        assertEquals(euros("120.89"), form.box("30"));
    }

    @Test
    void theBoxesAreATableWithTheFormsLabels() {
        List<Modelo111.Row> table = Modelo111.of(2026, "03", quarter(), BigDecimal.ZERO).table(HubTexts.SPANISH);
        assertEquals(List.of("01", "02", "03", "04", "05", "06", "28", "29", "30"),
                table.stream().map(Modelo111.Row::box).toList());
        assertEquals(new Modelo111.Row("01", "Rendimientos del trabajo, rendimientos dinerarios: n.º de perceptores",
                BigDecimal.valueOf(2)), table.get(0));
        assertEquals("Result to pay",
                Modelo111.of(2026, "03", quarter(), BigDecimal.ZERO).table(Locale.ENGLISH).get(8).label());
    }

    @Test
    void aPeriodThatIsNoneAndAPerceptorWithoutNifAreRefused() {
        List<Perception> pay = new ArrayList<>(quarter());
        pay.add(Perception.employee(null, "Sin Nif Ana", "28", Amounts.monetary(euros("10.00"), euros("0.00")),
                Situation.alone(1990, 1), BigDecimal.ZERO));
        InvalidReturnException refused = assertThrows(InvalidReturnException.class,
                () -> Modelo111.of(2026, "5T", pay, euros("-1.00")));
        assertEquals(List.of("return.period.invalid", "return.earlier.negative", "return.perceptor.nif.missing"),
                refused.all().stream().map(e -> e.key()).toList());
        assertEquals("El período 5T no es un trimestre (1T a 4T) ni un mes (01 a 12).",
                refused.message(HubTexts.SPANISH));
        assertEquals("The period 5T is neither a quarter (1T to 4T) nor a month (01 to 12).",
                refused.message(Locale.ENGLISH));
    }
}
