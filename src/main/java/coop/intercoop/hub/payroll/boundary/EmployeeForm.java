package coop.intercoop.hub.payroll.boundary;

import java.time.LocalDate;

import coop.intercoop.hub.payroll.entity.EmployeeData;

/**
 * The portal's form of a new employee: the same {@link EmployeeData} the API takes, with the accessors the page binds
 * its inputs to, so that each input is checked by the constraints of its field (Jakarta Faces validates a bound
 * property by the Bean Validation constraints of its class) and the employee's rules by the same control.
 */
public class EmployeeForm extends EmployeeData {

    public String getNif() {
        return nif;
    }

    public void setNif(String nif) {
        this.nif = nif;
    }

    public String getNaf() {
        return naf;
    }

    public void setNaf(String naf) {
        this.naf = naf;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getSecondLastName() {
        return secondLastName;
    }

    public void setSecondLastName(String secondLastName) {
        this.secondLastName = secondLastName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getMunicipality() {
        return municipality;
    }

    public void setMunicipality(String municipality) {
        this.municipality = municipality;
    }

    public String getIban() {
        return iban;
    }

    public void setIban(String iban) {
        this.iban = iban;
    }

    public Integer getFamilySituation() {
        return familySituation;
    }

    public void setFamilySituation(Integer familySituation) {
        this.familySituation = familySituation;
    }

    public String getSpouseNif() {
        return spouseNif;
    }

    public void setSpouseNif(String spouseNif) {
        this.spouseNif = spouseNif;
    }

    public Integer getDisabilityDegree() {
        return disabilityDegree;
    }

    public void setDisabilityDegree(Integer disabilityDegree) {
        this.disabilityDegree = disabilityDegree;
    }

    public LocalDate getDisabilityFrom() {
        return disabilityFrom;
    }

    public void setDisabilityFrom(LocalDate disabilityFrom) {
        this.disabilityFrom = disabilityFrom;
    }

    public String getDisabilityEvidence() {
        return disabilityEvidence;
    }

    public void setDisabilityEvidence(String disabilityEvidence) {
        this.disabilityEvidence = disabilityEvidence;
    }

    public boolean isHomeLoanBefore2013() {
        return homeLoanBefore2013;
    }

    public void setHomeLoanBefore2013(boolean homeLoanBefore2013) {
        this.homeLoanBefore2013 = homeLoanBefore2013;
    }
}
