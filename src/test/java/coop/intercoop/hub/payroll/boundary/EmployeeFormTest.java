package coop.intercoop.hub.payroll.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.EmployeeData;
import coop.intercoop.hub.payroll.entity.EmployeeExample;
import coop.intercoop.hub.payroll.entity.Relative;

/** The portal's employee form gives back an employee as read, every field and relative, to be changed and saved. */
class EmployeeFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private static Employee employee() {
        EmployeeData d = EmployeeExample.ana();
        d.familySituation = 2;
        d.spouseNif = "X1234567L";
        d.disabilityDegree = 33;
        d.disabilityFrom = LocalDate.of(2020, 1, 1);
        d.disabilityEvidence = "Resolución 1/2020";
        d.mobilityDate = LocalDate.of(2025, 9, 1);
        d.homeLoanBefore2013 = true;
        d.integrationFrom = LocalDate.of(2025, 1, 1);
        d.integrationTo = LocalDate.of(2025, 12, 31);
        d.integrationEvidence = "Informe de los servicios sociales";
        d.specialRelationshipFrom = LocalDate.of(2021, 1, 1);
        d.specialRelationshipEvidence = "Contrato del centro especial de empleo";
        EmployeeData.RelativeData child = new EmployeeData.RelativeData();
        child.birthYear = 2018;
        child.byHalves = true;
        EmployeeData.RelativeData mother = new EmployeeData.RelativeData();
        mother.birthYear = 1945;
        mother.disabilityDegree = 65;
        mother.disabilityAssistance = true;
        mother.sharedWith = 1;
        d.descendants = List.of(child);
        d.ascendants = List.of(mother);
        return new Employee(d, TODAY);
    }

    private static List<String> relatives(Employee e) {
        return e.getRelatives().stream()
                .map(r -> r.getKind() + " " + r.getBirthYear() + " " + r.getAdoptionYear() + " "
                        + r.getDisabilityDegree() + " " + r.isDisabilityAssistance() + " " + r.isByHalves() + " "
                        + r.getSharedWith())
                .toList();
    }

    @Test
    void anEmployeeReadIsGivenBackWithEveryFieldAndRelativeAndSavesAsItWas() {
        Employee read = employee();
        EmployeeForm form = EmployeeForm.of(read);
        assertFalse(form.isNew());
        assertEquals(read.getVersion(), form.version);
        assertEquals(1, form.getDescendants().size());
        assertTrue(form.getDescendants().get(0) instanceof EmployeeForm.Row);

        Employee again = new Employee(form, TODAY);
        for (var field : List.<java.util.function.Function<Employee, Object>> of(Employee::getNif, Employee::getNaf,
                Employee::getFirstName, Employee::getLastName, Employee::getSecondLastName, Employee::getBirthDate,
                Employee::getAddress, Employee::getPostalCode, Employee::getMunicipality, Employee::getIban,
                Employee::getFamilySituation, Employee::getSpouseNif, Employee::getDisabilityDegree,
                Employee::isDisabilityAssistance, Employee::getDisabilityFrom, Employee::getDisabilityEvidence,
                Employee::getMobilityDate, Employee::isHomeLoanBefore2013, Employee::getIntegrationFrom,
                Employee::getIntegrationTo, Employee::getIntegrationEvidence, Employee::getSpecialRelationshipFrom,
                Employee::getSpecialRelationshipTo, Employee::getSpecialRelationshipEvidence)) {
            assertEquals(field.apply(read), field.apply(again));
        }
        assertEquals(relatives(read), relatives(again));
        assertEquals(List.of("DESCENDANT 2018 null 0 false true 0", "ASCENDANT 1945 null 65 true false 1"),
                relatives(again));
    }

    @Test
    void relativesAddedAndRemovedOnTheFormAreWhatTheControlGets() {
        EmployeeForm form = EmployeeForm.of(employee());
        form.removeAscendant((EmployeeForm.Row) form.getAscendants().get(0));
        form.addDescendant();
        EmployeeForm.Row baby = (EmployeeForm.Row) form.getDescendants().get(1);
        baby.setBirthYear(2025);
        baby.setAdoptionYear(2025);
        Employee changed = new Employee(form, TODAY);
        assertEquals(List.of("DESCENDANT 2018 null 0 false true 0", "DESCENDANT 2025 2025 0 false false 0"),
                relatives(changed));
        assertTrue(new EmployeeForm().isNew());
        assertEquals(Relative.Kind.DESCENDANT, changed.getRelatives().get(1).getKind());
    }
}
