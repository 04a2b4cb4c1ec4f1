package coop.intercoop.hub.payroll.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A descendant or ascendant of an employee, as the modelo 145 declares them for the personal and family minimums (LIRPF
 * arts. 58 to 61, RIRPF art. 88). Created and replaced only by {@link Employee}.
 */
@Entity
@Table(name = "employee_relative")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "org_id")
public class Relative {

    /** Which side of the family. */
    public enum Kind {
        DESCENDANT, ASCENDANT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "employee_id", updatable = false)
    private Employee employee;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    /** The order in which they were entered, within their kind. */
    private int position;

    @Column(name = "birth_year")
    private int birthYear;

    @Column(name = "adoption_year")
    private Integer adoptionYear;

    @Column(name = "disability_degree")
    private int disabilityDegree;

    @Column(name = "disability_assistance")
    private boolean disabilityAssistance;

    @Column(name = "by_halves")
    private boolean byHalves;

    @Column(name = "shared_with")
    private int sharedWith;

    protected Relative() {
    }

    Relative(Employee employee, Kind kind, int position, int birthYear, Integer adoptionYear, int disabilityDegree,
            boolean disabilityAssistance, boolean byHalves, int sharedWith) {
        this.employee = employee;
        this.kind = kind;
        this.position = position;
        this.birthYear = birthYear;
        this.adoptionYear = adoptionYear;
        this.disabilityDegree = disabilityDegree;
        this.disabilityAssistance = disabilityAssistance;
        this.byHalves = byHalves;
        this.sharedWith = sharedWith;
    }

    public Kind getKind() {
        return kind;
    }

    public int getBirthYear() {
        return birthYear;
    }

    public Integer getAdoptionYear() {
        return adoptionYear;
    }

    public int getDisabilityDegree() {
        return disabilityDegree;
    }

    public boolean isDisabilityAssistance() {
        return disabilityAssistance;
    }

    /** A descendant computed by halves (shared with the other parent or person entitled to the same minimum). */
    public boolean isByHalves() {
        return byHalves;
    }

    /** For an ascendant, how many other descendants of theirs they also live with. */
    public int getSharedWith() {
        return sharedWith;
    }
}
