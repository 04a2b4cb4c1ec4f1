package coop.intercoop.hub.payroll.entity;

import static coop.intercoop.hub.payroll.entity.ReturnsExample.EMPLOYEE_NIF;
import static coop.intercoop.hub.payroll.entity.ReturnsExample.TEMPORARY_NIF;
import static coop.intercoop.hub.payroll.entity.ReturnsExample.declarant;
import static coop.intercoop.hub.payroll.entity.ReturnsExample.euros;
import static coop.intercoop.hub.payroll.entity.ReturnsExample.year;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.platform.HubTexts;

/**
 * The employer's certificate of withholdings (Reglamento del IRPF, BOE-A-2007-6820, art. 108.3), whose content is the
 * data art. 108.2 lists for the annual summary.
 */
class WithholdingCertificateTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 1, 15);

    private static List<WithholdingCertificate> certificates() {
        return WithholdingCertificate.of(2025, declarant(), year(), ISSUED);
    }

    @Test
    void eachPerceptorHasOneCertificateWithAllItsKeys() {
        List<WithholdingCertificate> all = certificates();
        assertEquals(List.of(EMPLOYEE_NIF, TEMPORARY_NIF), all.stream().map(WithholdingCertificate::nif).toList());
        WithholdingCertificate employee = all.get(0);
        assertEquals(2, employee.perceptions().size()); // key A and key L.01
        // 25.000 + 1.200 in kind + 800 incapacity benefit + 350 exempt allowances; 3.522,50 + 180 + 112
        assertEquals(euros("27350.00"), employee.totalPay());
        assertEquals(euros("3814.50"), employee.totalWithheld());
        assertEquals(euros("9000.00"), all.get(1).totalPay());
    }

    @Test
    void theTextStatesWhatArticle108AsksInTheEmployeesLanguage() {
        String text = certificates().get(0).text(HubTexts.SPANISH);
        for (String line : List.of("CERTIFICADO DE RETENCIONES E INGRESOS A CUENTA DEL IRPF, EJERCICIO 2025",
                "Pagador: Asociación Ñandú de Acción Social, NIF G12345674", // 108.2 a) and b)
                "Perceptor: Muñoz Peña José Ángel, NIF 12345678Z",
                "Percepciones dinerarias: 25.000,00 euros; retenciones: 3.522,50 euros", // c) and i)
                "Percepciones en especie: 1.200,00 euros; ingresos a cuenta: 180,00 euros, de ellos repercutidos al"
                        + " perceptor: 0,00 euros",
                "Prestación por incapacidad laboral abonada por el empleador: 800,00 euros; retenciones: 112,00 euros",
                "Gastos deducibles (cotizaciones a la Seguridad Social, Ley 35/2006 art. 19.2.a): 1.625,00 euros", // e)
                "Reducciones de la Ley 35/2006 art. 18.2 y 18.3: 0,00 euros", // d)
                "Pensión compensatoria: 0,00 euros; anualidades por alimentos por resolución judicial: 0,00 euros", // g)
                "Situación comunicada (modelo 145): nacido en 1985; situación familiar 2; NIF del cónyuge 87654321X;"
                        + " discapacidad 0 %; tipo de contrato 1; movilidad geográfica no", // f)
                "Descendientes: 1 menores de 3 años (1 computados por entero), 1 otros (0 computados por entero), 0 con"
                        + " discapacidad",
                "Sin comunicación de préstamo para vivienda habitual.", // h)
                "Rentas exentas y dietas exceptuadas de gravamen (clave L, subclave 01)", // c), exempt income
                "Total percepciones: 27.350,00 euros; total retenciones e ingresos a cuenta: 3.814,50 euros",
                "Expedido el 15/01/2026")) {
            assertTrue(text.contains(line + "\n"), line + " not in\n" + text);
        }
        assertTrue(certificates().get(1).text(Locale.ENGLISH)
                .contains("Monetary pay: 9,000.00 euros; withholdings: 180.00 euros\n"));
    }

    @Test
    void aRefundShowsItsAccrualYear() {
        Perception refund = Perception.employee(TEMPORARY_NIF, "Smith John", "08",
                Perception.Amounts.monetary(euros("-100.00"), euros("0.00")), Perception.Situation.alone(1999, 2),
                euros("0.00")).accruedIn(2024);
        String text = WithholdingCertificate.of(2025, declarant(), List.of(refund), ISSUED).get(0).text(Locale.ENGLISH);
        assertTrue(text.contains("Accrued in 2024 (arrears or refund of an earlier year)\n"), text);
        assertTrue(text.contains("Monetary pay: -100.00 euros; withholdings: 0.00 euros\n"), text);
        assertTrue(text.contains("Refund by the perceptor of pay unduly received in an earlier year.\n"), text);
    }

    @Test
    void aPerceptorWithoutNifGetsNoCertificate() {
        Perception noNif = Perception.exempt("", "Ruiz Gil Eva", "28", 1, euros("10.00"));
        InvalidReturnException refused = assertThrows(InvalidReturnException.class,
                () -> WithholdingCertificate.of(2025, declarant(), List.of(noNif), ISSUED));
        assertEquals("return.perceptor.nif.missing", refused.key());
    }
}
