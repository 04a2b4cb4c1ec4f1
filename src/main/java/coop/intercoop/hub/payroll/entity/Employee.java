package coop.intercoop.hub.payroll.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

import coop.intercoop.hub.platform.Refusals;

/**
 * A person the organisation employs, with what payroll needs of them: identification (NIF or NIE, Social Security
 * affiliation number), the account they are paid into, the modelo 145 data for the IRPF withholding (RIRPF art. 88),
 * and the facts other components count, each with its dates and evidence: a recognised disability of 33 % or more (and
 * 65 % or more), a work-integration itinerary (Ley 44/2007) and the special employment relationship of persons with
 * disability (Real Decreto 1368/1985). Personal data: only the roles that handle personnel read it, and each read is
 * audited. Tenant-scoped: EclipseLink adds {@code org_id} to every read and write; the NIF is unique in the
 * organisation.
 */
@Entity
@Table(name = "employee")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "org_id")
@NamedQuery(name = Employee.ALL, query = "SELECT e FROM Employee e ORDER BY e.lastName, e.secondLastName, e.firstName,"
        + " e.id")
@NamedQuery(name = Employee.BY_NIF, query = "SELECT e FROM Employee e WHERE e.nif = :nif")
@NamedQuery(name = Employee.BY_NAF, query = "SELECT e FROM Employee e WHERE e.naf = :naf")
@NamedQuery(name = Employee.IDENTIFIERS, query = "SELECT e.id, e.nif, e.naf, e.birthDate FROM Employee e")
public class Employee {

    public static final String ALL = "Employee.all";
    public static final String BY_NIF = "Employee.byNif";
    public static final String BY_NAF = "Employee.byNaf";
    public static final String IDENTIFIERS = "Employee.identifiers";

    /** Real Decreto 1368/1985, art. 2: the special relationship is for persons with a disability of 33 % or more. */
    public static final int DISABILITY = 33;
    /** The higher degree the IRPF and the contribution rules distinguish (LIRPF art. 60.3, RIRPF art. 86.1). */
    public static final int SEVERE_DISABILITY = 65;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String nif;
    private String naf;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Column(name = "second_last_name")
    private String secondLastName;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    private String address;

    @Column(name = "postal_code")
    private String postalCode;

    private String municipality;
    private String iban;

    @Column(name = "family_situation")
    private int familySituation;

    @Column(name = "spouse_nif")
    private String spouseNif;

    @Column(name = "disability_degree")
    private int disabilityDegree;

    @Column(name = "disability_assistance")
    private boolean disabilityAssistance;

    @Column(name = "disability_from")
    private LocalDate disabilityFrom;

    @Column(name = "disability_evidence")
    private String disabilityEvidence;

    @Column(name = "mobility_date")
    private LocalDate mobilityDate;

    @Column(name = "home_loan_before_2013")
    private boolean homeLoanBefore2013;

    @Column(name = "integration_from")
    private LocalDate integrationFrom;

    @Column(name = "integration_to")
    private LocalDate integrationTo;

    @Column(name = "integration_evidence")
    private String integrationEvidence;

    @Column(name = "special_relationship_from")
    private LocalDate specialRelationshipFrom;

    @Column(name = "special_relationship_to")
    private LocalDate specialRelationshipTo;

    @Column(name = "special_relationship_evidence")
    private String specialRelationshipEvidence;

    @OneToMany(mappedBy = "employee", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("kind, position")
    private List<Relative> relatives = new ArrayList<>();

    @Version
    private int version;

    protected Employee() {
    }

    /**
     * @throws coop.intercoop.hub.platform.HubException
     *             every refusal of the data at once ({@link coop.intercoop.hub.platform.HubException#all()}), each
     *             naming its field
     */
    public Employee(EmployeeData data, LocalDate today) {
        write(data, today);
    }

    /**
     * Replaces the employee's data, descendants and ascendants included.
     *
     * @throws coop.intercoop.hub.platform.HubException
     *             every refusal of the data at once, each naming its field; nothing is changed then
     */
    public final void write(EmployeeData data, LocalDate today) {
        Refusals refusals = new Refusals();
        PersonalNif[] nif = new PersonalNif[1];
        AffiliationNumber[] naf = new AffiliationNumber[1];
        Iban[] iban = new Iban[1];
        refusals.attempt(() -> nif[0] = PersonalNif.of("nif", data.nif));
        refusals.attempt(() -> naf[0] = AffiliationNumber.of("naf", data.naf));
        refusals.attempt(() -> iban[0] = Iban.of("iban", data.iban));
        if (data.familySituation == null || data.familySituation < 1 || data.familySituation > 3) {
            refusals.add(new InvalidEmployeeException("familySituation", "employee.familySituation"));
        }
        String spouse = checkSpouse(data, refusals);
        int degree = data.disabilityDegree == null ? 0 : data.disabilityDegree;
        checkDisability(data, degree, refusals);
        checkPeriod("integration", data.integrationFrom, data.integrationTo, data.integrationEvidence, refusals);
        checkPeriod("specialRelationship", data.specialRelationshipFrom, data.specialRelationshipTo,
                data.specialRelationshipEvidence, refusals);
        if (data.specialRelationshipFrom != null && degree < DISABILITY) {
            refusals.add(
                    new InvalidEmployeeException("specialRelationshipFrom", "employee.special.disability", DISABILITY));
        }
        if (data.birthDate != null && !data.birthDate.isBefore(today)) {
            refusals.add(new InvalidEmployeeException("birthDate", "employee.birthDate.future", data.birthDate));
        }
        List<Relative> newRelatives = new ArrayList<>();
        relatives(Relative.Kind.DESCENDANT, data.descendants, today, newRelatives, refusals);
        relatives(Relative.Kind.ASCENDANT, data.ascendants, today, newRelatives, refusals);
        refusals.throwIfAny();

        this.nif = nif[0].value();
        this.naf = naf[0].value();
        this.iban = iban[0].value();
        this.firstName = strip(data.firstName);
        this.lastName = strip(data.lastName);
        this.secondLastName = blankToNull(data.secondLastName);
        this.birthDate = data.birthDate;
        this.address = strip(data.address);
        this.postalCode = strip(data.postalCode);
        this.municipality = strip(data.municipality);
        this.familySituation = data.familySituation;
        this.spouseNif = spouse;
        this.disabilityDegree = degree;
        this.disabilityAssistance = data.disabilityAssistance;
        this.disabilityFrom = data.disabilityFrom;
        this.disabilityEvidence = blankToNull(data.disabilityEvidence);
        this.mobilityDate = data.mobilityDate;
        this.homeLoanBefore2013 = data.homeLoanBefore2013;
        this.integrationFrom = data.integrationFrom;
        this.integrationTo = data.integrationTo;
        this.integrationEvidence = blankToNull(data.integrationEvidence);
        this.specialRelationshipFrom = data.specialRelationshipFrom;
        this.specialRelationshipTo = data.specialRelationshipTo;
        this.specialRelationshipEvidence = blankToNull(data.specialRelationshipEvidence);
        relatives.clear();
        relatives.addAll(newRelatives);
    }

    /** Modelo 145, situation 2 (RIRPF art. 88.1): the spouse's NIF is given with it, and only with it. */
    private static String checkSpouse(EmployeeData data, Refusals refusals) {
        boolean given = data.spouseNif != null && !data.spouseNif.isBlank();
        if (data.familySituation != null && data.familySituation == 2) {
            PersonalNif[] spouse = new PersonalNif[1];
            if (!given) {
                refusals.add(new InvalidEmployeeException("spouseNif", "employee.spouse.required"));
            } else if (refusals.attempt(() -> spouse[0] = PersonalNif.of("spouseNif", data.spouseNif))) {
                return spouse[0].value();
            }
        } else if (given) {
            refusals.add(new InvalidEmployeeException("spouseNif", "employee.spouse.situation"));
        }
        return null;
    }

    /** A degree of 33 % or more is a recognised disability: it needs the day it is recognised from and the evidence. */
    private static void checkDisability(EmployeeData data, int degree, Refusals refusals) {
        if (degree >= DISABILITY) {
            if (data.disabilityFrom == null) {
                refusals.add(new InvalidEmployeeException("disabilityFrom", "employee.disability.from", DISABILITY));
            }
            if (data.disabilityEvidence == null || data.disabilityEvidence.isBlank()) {
                refusals.add(
                        new InvalidEmployeeException("disabilityEvidence", "employee.disability.evidence", DISABILITY));
            }
        } else if (data.disabilityAssistance) {
            refusals.add(
                    new InvalidEmployeeException("disabilityAssistance", "employee.disability.assistance", DISABILITY));
        }
    }

    /** A period of a flag: evidence with its first day, its last day not before the first. */
    private static void checkPeriod(String field, LocalDate from, LocalDate to, String evidence, Refusals refusals) {
        if (from == null) {
            if (to != null) {
                refusals.add(new InvalidEmployeeException(field + "From", "employee.period.from"));
            }
            return;
        }
        if (to != null && to.isBefore(from)) {
            refusals.add(new InvalidEmployeeException(field + "To", "employee.period.order", from, to));
        }
        if (evidence == null || evidence.isBlank()) {
            refusals.add(new InvalidEmployeeException(field + "Evidence", "employee.period.evidence"));
        }
    }

    private void relatives(Relative.Kind kind, List<EmployeeData.RelativeData> data, LocalDate today,
            List<Relative> into, Refusals refusals) {
        if (data == null) {
            return;
        }
        String list = kind == Relative.Kind.DESCENDANT ? "descendants" : "ascendants";
        for (int i = 0; i < data.size(); i++) {
            EmployeeData.RelativeData relative = data.get(i);
            String at = list + "[" + i + "].";
            if (relative == null || relative.birthYear == null) {
                refusals.add(new InvalidEmployeeException(at + "birthYear", "employee.relative.birthYear"));
                continue;
            }
            if (relative.birthYear > today.getYear()) {
                refusals.add(new InvalidEmployeeException(at + "birthYear", "employee.relative.future",
                        String.valueOf(relative.birthYear)));
            }
            if (relative.adoptionYear != null && (kind == Relative.Kind.ASCENDANT
                    || relative.adoptionYear < relative.birthYear || relative.adoptionYear > today.getYear())) {
                refusals.add(new InvalidEmployeeException(at + "adoptionYear", "employee.relative.adoption"));
            }
            if (kind == Relative.Kind.DESCENDANT ? relative.sharedWith != 0 : relative.byHalves) {
                refusals.add(new InvalidEmployeeException(
                        at + (kind == Relative.Kind.DESCENDANT ? "sharedWith" : "byHalves"),
                        "employee.relative." + kind.name().toLowerCase(java.util.Locale.ROOT)));
            }
            int degree = relative.disabilityDegree == null ? 0 : relative.disabilityDegree;
            if (relative.disabilityAssistance && degree < DISABILITY) {
                refusals.add(new InvalidEmployeeException(at + "disabilityAssistance", "employee.disability.assistance",
                        DISABILITY));
            }
            into.add(new Relative(this, kind, i, relative.birthYear, relative.adoptionYear, degree,
                    relative.disabilityAssistance, relative.byHalves, relative.sharedWith));
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A recognised disability of 33 % or more on the day. */
    public boolean hasDisabilityOn(LocalDate day) {
        return disabilityDegree >= DISABILITY && disabilityFrom != null && !day.isBefore(disabilityFrom);
    }

    /** A recognised disability of 65 % or more on the day. */
    public boolean hasSevereDisabilityOn(LocalDate day) {
        return disabilityDegree >= SEVERE_DISABILITY && hasDisabilityOn(day);
    }

    /** In a work-integration itinerary on the day. */
    public boolean inIntegrationItineraryOn(LocalDate day) {
        return within(day, integrationFrom, integrationTo);
    }

    /** In the special employment relationship of persons with disability (RD 1368/1985) on the day. */
    public boolean inSpecialRelationshipOn(LocalDate day) {
        return within(day, specialRelationshipFrom, specialRelationshipTo);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return from != null && !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    public Long getId() {
        return id;
    }

    public String getNif() {
        return nif;
    }

    public String getNaf() {
        return naf;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getSecondLastName() {
        return secondLastName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public String getAddress() {
        return address;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getMunicipality() {
        return municipality;
    }

    public String getIban() {
        return iban;
    }

    public int getFamilySituation() {
        return familySituation;
    }

    public String getSpouseNif() {
        return spouseNif;
    }

    public int getDisabilityDegree() {
        return disabilityDegree;
    }

    public boolean isDisabilityAssistance() {
        return disabilityAssistance;
    }

    public LocalDate getDisabilityFrom() {
        return disabilityFrom;
    }

    public String getDisabilityEvidence() {
        return disabilityEvidence;
    }

    public LocalDate getMobilityDate() {
        return mobilityDate;
    }

    public boolean isHomeLoanBefore2013() {
        return homeLoanBefore2013;
    }

    public LocalDate getIntegrationFrom() {
        return integrationFrom;
    }

    public LocalDate getIntegrationTo() {
        return integrationTo;
    }

    public String getIntegrationEvidence() {
        return integrationEvidence;
    }

    public LocalDate getSpecialRelationshipFrom() {
        return specialRelationshipFrom;
    }

    public LocalDate getSpecialRelationshipTo() {
        return specialRelationshipTo;
    }

    public String getSpecialRelationshipEvidence() {
        return specialRelationshipEvidence;
    }

    /** The descendants, then the ascendants, each in the order entered. */
    public List<Relative> getRelatives() {
        return Collections.unmodifiableList(relatives);
    }

    public int getVersion() {
        return version;
    }
}
