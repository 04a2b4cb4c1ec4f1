package coop.intercoop.hub.payroll.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.platform.HubException;

/** An employee's rules: identifiers, the modelo 145 (RIRPF art. 88) and the flags with their evidence and dates. */
class EmployeeTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    /** A single employee, no disability, no relatives. */
    static EmployeeData data() {
        return EmployeeExample.ana();
    }

    private static List<String> refusedFields(EmployeeData d) {
        HubException e = assertThrows(HubException.class, () -> new Employee(d, TODAY));
        return e.all().stream().map(r -> r.field() + " " + r.key()).toList();
    }

    @Test
    void anEmployeeKeepsTheNormalisedIdentifiers() {
        EmployeeData d = data();
        d.nif = "12345678z";
        d.iban = "ES91 2100 0418 4502 0005 1332";
        Employee e = new Employee(d, TODAY);
        assertEquals("12345678Z", e.getNif());
        assertEquals("ES9121000418450200051332", e.getIban());
        assertEquals("López", e.getSecondLastName());
    }

    @Test
    void everyWrongIdentifierIsRefusedAtOnceNamingItsField() {
        EmployeeData d = data();
        d.nif = "12345678A";
        d.naf = "281234567841";
        d.iban = "ES9221000418450200051332";
        assertEquals(List.of("nif nif.control", "naf naf.control", "iban iban.control"), refusedFields(d));
    }

    /** RIRPF art. 88.1 and modelo 145: situation 2 is the one with a spouse's NIF. */
    @Test
    void familySituationTwoAndOnlyItCarriesTheSpousesNif() {
        EmployeeData married = data();
        married.familySituation = 2;
        assertEquals(List.of("spouseNif employee.spouse.required"), refusedFields(married));
        married.spouseNif = "X1234567L";
        assertEquals("X1234567L", new Employee(married, TODAY).getSpouseNif());
        married.spouseNif = "X1234567A";
        assertEquals(List.of("spouseNif nif.control"), refusedFields(married));
        EmployeeData single = data();
        single.familySituation = 1;
        single.spouseNif = "X1234567L";
        assertEquals(List.of("spouseNif employee.spouse.situation"), refusedFields(single));
        single.spouseNif = null;
        single.familySituation = 4;
        assertEquals(List.of("familySituation employee.familySituation"), refusedFields(single));
    }

    @Test
    void aRecognisedDisabilityNeedsItsDateAndEvidenceAndCountsFromThatDate() {
        EmployeeData d = data();
        d.disabilityDegree = 65;
        d.disabilityAssistance = true;
        assertEquals(
                List.of("disabilityFrom employee.disability.from", "disabilityEvidence employee.disability.evidence"),
                refusedFields(d));
        d.disabilityFrom = LocalDate.of(2026, 2, 1);
        d.disabilityEvidence = "Resolución 28/123456/2026, Comunidad de Madrid";
        Employee e = new Employee(d, TODAY);
        assertTrue(e.hasDisabilityOn(LocalDate.of(2026, 2, 1)));
        assertTrue(e.hasSevereDisabilityOn(LocalDate.of(2026, 2, 1)));
        assertFalse(e.hasDisabilityOn(LocalDate.of(2026, 1, 31)));
        d.disabilityDegree = 40;
        e.write(d, TODAY);
        assertTrue(e.hasDisabilityOn(TODAY));
        assertFalse(e.hasSevereDisabilityOn(TODAY));
    }

    @Test
    void theNeedOfAssistanceIsDeclaredOnlyWithARecognisedDisability() {
        EmployeeData d = data();
        d.disabilityDegree = 20;
        d.disabilityAssistance = true;
        HubException e = assertThrows(HubException.class, () -> new Employee(d, TODAY));
        assertEquals("disabilityAssistance", e.field());
        assertEquals("La necesidad de ayuda de terceras personas o movilidad reducida solo se declara con un grado de "
                + "discapacidad del 33 % o más.", e.message(Locale.forLanguageTag("es")));
    }

    /** Real Decreto 1368/1985, art. 2: the special relationship is for persons with a disability of 33 % or more. */
    @Test
    void theSpecialRelationshipOfPersonsWithDisabilityNeedsARecognisedDisability() {
        EmployeeData d = data();
        d.specialRelationshipFrom = LocalDate.of(2025, 1, 1);
        d.specialRelationshipEvidence = "Contrato CEE 2025/7";
        assertEquals(List.of("specialRelationshipFrom employee.special.disability"), refusedFields(d));
        d.disabilityDegree = 33;
        d.disabilityFrom = LocalDate.of(2020, 1, 1);
        d.disabilityEvidence = "Resolución 2020/1";
        d.specialRelationshipTo = LocalDate.of(2025, 12, 31);
        Employee e = new Employee(d, TODAY);
        assertTrue(e.inSpecialRelationshipOn(LocalDate.of(2025, 12, 31)));
        assertFalse(e.inSpecialRelationshipOn(LocalDate.of(2026, 1, 1)));
    }

    @Test
    void aWorkIntegrationItineraryHasItsEvidenceAndItsDaysInOrder() {
        EmployeeData d = data();
        d.integrationFrom = LocalDate.of(2026, 1, 10);
        d.integrationTo = LocalDate.of(2026, 1, 9);
        assertEquals(List.of("integrationTo employee.period.order", "integrationEvidence employee.period.evidence"),
                refusedFields(d));
        d.integrationTo = null;
        d.integrationEvidence = "Informe de servicios sociales 2026/15";
        Employee e = new Employee(d, TODAY);
        assertTrue(e.inIntegrationItineraryOn(TODAY));
        assertFalse(e.inIntegrationItineraryOn(LocalDate.of(2026, 1, 9)));
        EmployeeData lastOnly = data();
        lastOnly.integrationTo = LocalDate.of(2026, 1, 9);
        assertEquals(List.of("integrationFrom employee.period.from"), refusedFields(lastOnly));
    }

    /** Modelo 145 sections 2 and 3: descendants computed by halves, ascendants sharing with other descendants. */
    @Test
    void descendantsAndAscendantsAreKeptInOrderAndTheirFieldsBelongToTheirSide() {
        EmployeeData d = data();
        EmployeeData.RelativeData child = new EmployeeData.RelativeData();
        child.birthYear = 2018;
        child.byHalves = true;
        EmployeeData.RelativeData adopted = new EmployeeData.RelativeData();
        adopted.birthYear = 2015;
        adopted.adoptionYear = 2019;
        adopted.disabilityDegree = 45;
        EmployeeData.RelativeData mother = new EmployeeData.RelativeData();
        mother.birthYear = 1950;
        mother.sharedWith = 1;
        d.descendants = List.of(child, adopted);
        d.ascendants = List.of(mother);
        Employee e = new Employee(d, TODAY);
        assertEquals(List.of(2018, 2015, 1950), e.getRelatives().stream().map(Relative::getBirthYear).toList());
        assertEquals(Relative.Kind.ASCENDANT, e.getRelatives().get(2).getKind());
        assertEquals(1, e.getRelatives().get(2).getSharedWith());

        EmployeeData.RelativeData wrong = new EmployeeData.RelativeData();
        wrong.birthYear = 2027;
        wrong.sharedWith = 2;
        EmployeeData.RelativeData wrongAscendant = new EmployeeData.RelativeData();
        wrongAscendant.birthYear = 1950;
        wrongAscendant.byHalves = true;
        wrongAscendant.adoptionYear = 1960;
        d.descendants = List.of(child, wrong);
        d.ascendants = List.of(wrongAscendant);
        assertEquals(List.of("descendants[1].birthYear employee.relative.future",
                "descendants[1].sharedWith employee.relative.descendant",
                "ascendants[0].adoptionYear employee.relative.adoption",
                "ascendants[0].byHalves employee.relative.ascendant"), refusedFields(d));
    }

    @Test
    void aRefusedChangeLeavesTheEmployeeAsItWas() {
        Employee e = new Employee(data(), TODAY);
        EmployeeData d = data();
        d.firstName = "Changed";
        d.naf = "281234567841";
        assertThrows(HubException.class, () -> e.write(d, TODAY));
        assertEquals("Ana", e.getFirstName());
        assertEquals("281234567840", e.getNaf());
    }

    @Test
    void aBirthDateIsInThePast() {
        EmployeeData d = data();
        d.birthDate = TODAY;
        assertEquals(List.of("birthDate employee.birthDate.future"), refusedFields(d));
    }
}
