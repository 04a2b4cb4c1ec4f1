package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.util.List;

import coop.intercoop.hub.payroll.entity.Perception.Amounts;
import coop.intercoop.hub.payroll.entity.Perception.Count;
import coop.intercoop.hub.payroll.entity.Perception.Descendants;
import coop.intercoop.hub.payroll.entity.Perception.Share;
import coop.intercoop.hub.payroll.entity.Perception.Situation;

/** A year's pay of a small organisation, the worked example of the returns' tests. */
public final class ReturnsExample {

    public static final String DECLARANT_NIF = "G12345674";
    public static final String EMPLOYEE_NIF = "12345678Z";
    public static final String SPOUSE_NIF = "87654321X";
    public static final String TEMPORARY_NIF = "X1234567L";

    private ReturnsExample() {
    }

    public static BigDecimal euros(String amount) {
        return new BigDecimal(amount);
    }

    public static Declarant declarant() {
        return Declarant.first(DECLARANT_NIF, "Asociación Ñandú de Acción Social", "912345678", "García López Ana",
                "nominas@nandu.example", "1900000000001");
    }

    /**
     * An employee with an open-ended contract paid 25.000 euros, 1.200 in kind and 800 of incapacity benefit under
     * delegated payment (key A, Orden EHA/3127/2009 anexo II: "Se incluirán también en esta clave las percepciones en
     * concepto de incapacidad laboral abonadas directamente por el empleador"), married to a spouse without income
     * (situation 2), two children, the younger under 3 and counted whole, the elder by half; a temporary employee; and
     * the first employee's exempt travel allowances (key L, subkey 01).
     */
    public static List<Perception> year() {
        Situation married = new Situation(1985, 2, SPOUSE_NIF, 0, false, 1, false, new Descendants(new Count(1, 1),
                new Count(1, 0), Count.NONE, Count.NONE, Count.NONE, List.of(Share.WHOLE, Share.HALF)), null, false);
        Perception employee = Perception
                .employee(EMPLOYEE_NIF, "Muñoz Peña José Ángel", "28",
                        Amounts.monetary(euros("25000.00"), euros("3522.50")).withInKind(euros("1200.00"),
                                euros("180.00"), BigDecimal.ZERO),
                        married, euros("1625.00"))
                .withIncapacity(Amounts.monetary(euros("800.00"), euros("112.00")));
        Perception temporary = Perception.employee(TEMPORARY_NIF, "Smith John", "08",
                Amounts.monetary(euros("9000.00"), euros("180.00")), Situation.alone(1999, 2), euros("585.00"));
        Perception allowances = Perception.exempt(EMPLOYEE_NIF, "Muñoz Peña José Ángel", "28", 1, euros("350.00"));
        return List.of(employee, temporary, allowances);
    }
}
