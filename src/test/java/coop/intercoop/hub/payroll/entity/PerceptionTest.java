package coop.intercoop.hub.payroll.entity;

import static coop.intercoop.hub.payroll.entity.ReturnsExample.EMPLOYEE_NIF;
import static coop.intercoop.hub.payroll.entity.ReturnsExample.euros;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.entity.Perception.Amounts;
import coop.intercoop.hub.payroll.entity.Perception.Count;
import coop.intercoop.hub.payroll.entity.Perception.Descendants;
import coop.intercoop.hub.payroll.entity.Perception.Situation;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.Refusals;

/** What one perceptor record of modelo 190 can hold (Orden EHA/3127/2009, BOE-A-2009-18567, anexo II, record 2). */
class PerceptionTest {

    private static List<String> refusals(Perception perception) {
        Refusals refusals = new Refusals();
        perception.check(1, 2025, refusals);
        return refusals.all().stream().map(HubException::key).toList();
    }

    @Test
    void keyLTakesItsSubkeysAndNoEmployeeData() {
        // subkeys of key L up to 31 (BOE-A-2023-24414 art. 1.nueve) and 99, "otras rentas exentas"
        assertEquals(List.of(), refusals(Perception.exempt(EMPLOYEE_NIF, "Muñoz Peña José", "28", 99, euros("1.00"))));
        assertEquals(List.of("return.perceptor.subkey.invalid"),
                refusals(Perception.exempt(EMPLOYEE_NIF, "Muñoz Peña José", "28", 32, euros("1.00"))));
        Perception withIncapacity = Perception.exempt(EMPLOYEE_NIF, "Muñoz Peña José", "28", 1, euros("1.00"))
                .withIncapacity(Amounts.monetary(euros("10.00"), euros("0.00")));
        assertEquals(List.of("return.perceptor.employeeData"), refusals(withIncapacity));
    }

    @Test
    void keyANeedsTheSituationOfModelo145() {
        Perception noSituation = Perception.employee(EMPLOYEE_NIF, "Muñoz Peña José", "28",
                Amounts.monetary(euros("10.00"), euros("0.00")), null, BigDecimal.ZERO);
        assertEquals(List.of("return.perceptor.situation.missing"), refusals(noSituation));
    }

    @Test
    void relativesCountedWholeCannotExceedThoseDeclared() {
        Situation twoWholeOfOne = new Situation(1985, 3, null, 0, false, 1, false,
                new Descendants(new Count(1, 2), Count.NONE, Count.NONE, Count.NONE, Count.NONE, List.of()), null,
                false);
        assertEquals(List.of("return.perceptor.relatives.invalid"),
                refusals(Perception.employee(EMPLOYEE_NIF, "Muñoz Peña José", "28",
                        Amounts.monetary(euros("10.00"), euros("0.00")), twoWholeOfOne, BigDecimal.ZERO)));
    }

    @Test
    void aRefundNeedsAnEarlierAccrualYear() {
        Perception refund = Perception.employee(EMPLOYEE_NIF, "Muñoz Peña José", "28",
                Amounts.monetary(euros("-10.00"), euros("0.00")), Situation.alone(1985, 1), BigDecimal.ZERO);
        assertEquals(List.of("return.perceptor.refund.year"), refusals(refund));
        assertEquals(List.of("return.perceptor.accrual.invalid"), refusals(refund.accruedIn(2025)));
        assertEquals(List.of(), refusals(refund.accruedIn(2024)));
    }

    @Test
    void theDisabilityCodeFollowsTheDegreeAndAssistance() {
        // anexo II, position 167: 0 below 33 %, 1 from 33 % to under 65 %, 2 the same with assistance, 3 from 65 %
        assertEquals(0, new Situation(1985, 3, null, 32, true, 1, false, null, null, false).disabilityCode());
        assertEquals(1, new Situation(1985, 3, null, 33, false, 1, false, null, null, false).disabilityCode());
        assertEquals(2, new Situation(1985, 3, null, 64, true, 1, false, null, null, false).disabilityCode());
        assertEquals(3, new Situation(1985, 3, null, 65, false, 1, false, null, null, false).disabilityCode());
    }
}
