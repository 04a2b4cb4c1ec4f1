package coop.intercoop.hub.payroll.entity;

import java.time.LocalDate;

/**
 * The employee the payroll tests start from, as a person enters her: Ana García López, NIF 12345678Z, born on 17 May
 * 1990, living in Madrid, family situation 3 (modelo 145: any other), no disability, no relatives. Each test changes
 * what it is about on its own copy.
 */
public final class EmployeeExample {

    private EmployeeExample() {
    }

    /** A new copy of the example's data. */
    public static EmployeeData ana() {
        EmployeeData d = new EmployeeData();
        d.nif = "12345678Z";
        d.naf = "281234567840";
        d.firstName = "Ana";
        d.lastName = "García";
        d.secondLastName = "López";
        d.birthDate = LocalDate.of(1990, 5, 17);
        d.address = "Calle Mayor 1";
        d.postalCode = "28013";
        d.municipality = "Madrid";
        d.iban = "ES9121000418450200051332";
        d.familySituation = 3;
        return d;
    }
}
