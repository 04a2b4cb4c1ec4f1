package coop.intercoop.hub.payroll.boundary;

import java.time.LocalDate;
import java.util.List;

import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.EmployeeData;
import coop.intercoop.hub.payroll.entity.Relative;

/**
 * The portal's form of an employee, new or read to be changed: the same {@link EmployeeData} the API takes, with the
 * accessors the page binds its inputs to, so that each input is checked by the constraints of its field (Jakarta Faces
 * validates a bound property by the Bean Validation constraints of its class) and the employee's rules by the same
 * control. Its descendants and ascendants are rows of the form ({@link Row}), a change of them a new version of the
 * employee as through the API.
 */
public class EmployeeForm extends EmployeeData {

    /** A new employee. */
    public EmployeeForm() {
    }

    /** The employee as read, with the version read: saving it is a change of that version. */
    public static EmployeeForm of(Employee e) {
        EmployeeForm form = new EmployeeForm();
        form.version = e.getVersion();
        form.nif = e.getNif();
        form.naf = e.getNaf();
        form.firstName = e.getFirstName();
        form.lastName = e.getLastName();
        form.secondLastName = e.getSecondLastName();
        form.birthDate = e.getBirthDate();
        form.address = e.getAddress();
        form.postalCode = e.getPostalCode();
        form.municipality = e.getMunicipality();
        form.iban = e.getIban();
        form.familySituation = e.getFamilySituation();
        form.spouseNif = e.getSpouseNif();
        form.disabilityDegree = e.getDisabilityDegree();
        form.disabilityAssistance = e.isDisabilityAssistance();
        form.disabilityFrom = e.getDisabilityFrom();
        form.disabilityEvidence = e.getDisabilityEvidence();
        form.mobilityDate = e.getMobilityDate();
        form.homeLoanBefore2013 = e.isHomeLoanBefore2013();
        form.integrationFrom = e.getIntegrationFrom();
        form.integrationTo = e.getIntegrationTo();
        form.integrationEvidence = e.getIntegrationEvidence();
        form.specialRelationshipFrom = e.getSpecialRelationshipFrom();
        form.specialRelationshipTo = e.getSpecialRelationshipTo();
        form.specialRelationshipEvidence = e.getSpecialRelationshipEvidence();
        for (Relative r : e.getRelatives()) {
            Row row = new Row();
            row.birthYear = r.getBirthYear();
            row.adoptionYear = r.getAdoptionYear();
            row.disabilityDegree = r.getDisabilityDegree();
            row.disabilityAssistance = r.isDisabilityAssistance();
            row.byHalves = r.isByHalves();
            row.sharedWith = r.getSharedWith();
            (r.getKind() == Relative.Kind.DESCENDANT ? form.descendants : form.ascendants).add(row);
        }
        return form;
    }

    public boolean isNew() {
        return version == null;
    }

    public void addDescendant() {
        descendants.add(new Row());
    }

    public void removeDescendant(Row row) {
        descendants.remove(row);
    }

    public void addAscendant() {
        ascendants.add(new Row());
    }

    public void removeAscendant(Row row) {
        ascendants.remove(row);
    }

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

    public boolean isDisabilityAssistance() {
        return disabilityAssistance;
    }

    public void setDisabilityAssistance(boolean disabilityAssistance) {
        this.disabilityAssistance = disabilityAssistance;
    }

    public LocalDate getMobilityDate() {
        return mobilityDate;
    }

    public void setMobilityDate(LocalDate mobilityDate) {
        this.mobilityDate = mobilityDate;
    }

    public LocalDate getIntegrationFrom() {
        return integrationFrom;
    }

    public void setIntegrationFrom(LocalDate integrationFrom) {
        this.integrationFrom = integrationFrom;
    }

    public LocalDate getIntegrationTo() {
        return integrationTo;
    }

    public void setIntegrationTo(LocalDate integrationTo) {
        this.integrationTo = integrationTo;
    }

    public String getIntegrationEvidence() {
        return integrationEvidence;
    }

    public void setIntegrationEvidence(String integrationEvidence) {
        this.integrationEvidence = integrationEvidence;
    }

    public LocalDate getSpecialRelationshipFrom() {
        return specialRelationshipFrom;
    }

    public void setSpecialRelationshipFrom(LocalDate specialRelationshipFrom) {
        this.specialRelationshipFrom = specialRelationshipFrom;
    }

    public LocalDate getSpecialRelationshipTo() {
        return specialRelationshipTo;
    }

    public void setSpecialRelationshipTo(LocalDate specialRelationshipTo) {
        this.specialRelationshipTo = specialRelationshipTo;
    }

    public String getSpecialRelationshipEvidence() {
        return specialRelationshipEvidence;
    }

    public void setSpecialRelationshipEvidence(String specialRelationshipEvidence) {
        this.specialRelationshipEvidence = specialRelationshipEvidence;
    }

    public List<RelativeData> getDescendants() {
        return descendants;
    }

    public List<RelativeData> getAscendants() {
        return ascendants;
    }

    /** A descendant or ascendant as a row of the form. */
    public static class Row extends RelativeData {

        public Integer getBirthYear() {
            return birthYear;
        }

        public void setBirthYear(Integer birthYear) {
            this.birthYear = birthYear;
        }

        public Integer getAdoptionYear() {
            return adoptionYear;
        }

        public void setAdoptionYear(Integer adoptionYear) {
            this.adoptionYear = adoptionYear;
        }

        public Integer getDisabilityDegree() {
            return disabilityDegree;
        }

        public void setDisabilityDegree(Integer disabilityDegree) {
            this.disabilityDegree = disabilityDegree;
        }

        public boolean isDisabilityAssistance() {
            return disabilityAssistance;
        }

        public void setDisabilityAssistance(boolean disabilityAssistance) {
            this.disabilityAssistance = disabilityAssistance;
        }

        public boolean isByHalves() {
            return byHalves;
        }

        public void setByHalves(boolean byHalves) {
            this.byHalves = byHalves;
        }

        public int getSharedWith() {
            return sharedWith;
        }

        public void setSharedWith(int sharedWith) {
            this.sharedWith = sharedWith;
        }
    }
}
