package coop.intercoop.hub.payroll.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import coop.intercoop.hub.tenancy.entity.PostalCode;

/**
 * An employee as a person or a script enters them: the API's request body (a {@code PUT} carries the {@code version}
 * read) and what {@link Employee} checks and keeps. The identifiers (NIF or NIE, NAF, IBAN) are checked by their value
 * objects, which name the field; the rest by the constraints here and by {@link Employee}'s rules.
 * <p>
 * The modelo 145 data (communication of the employee's personal and family situation to the payer, RIRPF art. 88):
 * {@code familySituation} 1 (single, widowed, divorced or separated with descendants living only with them), 2 (married
 * and not separated, whose spouse earns no more than 1,500 € a year, with the spouse's NIF) or 3 (any other), the
 * employee's own disability degree and need of assistance, the descendants and ascendants, geographic mobility and a
 * home loan taken before 2013.
 */
public class EmployeeData {

    public Integer version;

    @NotNull
    public String nif;

    @NotNull
    public String naf;

    @NotBlank
    @Size(max = 100)
    public String firstName;

    @NotBlank
    @Size(max = 100)
    public String lastName;

    @Size(max = 100)
    public String secondLastName;

    @NotNull
    public LocalDate birthDate;

    @NotBlank
    @Size(max = 300)
    public String address;

    @NotNull
    @Pattern(regexp = PostalCode.PATTERN, message = "{hub.postalCode}")
    public String postalCode;

    @NotBlank
    @Size(max = 100)
    public String municipality;

    @NotNull
    public String iban;

    @NotNull
    public Integer familySituation;

    public String spouseNif;

    /** The employee's recognised disability degree, in percent; null or 0 when none. */
    @Min(0)
    @Max(100)
    public Integer disabilityDegree;

    /** Recognised need of another person's assistance or reduced mobility (RIRPF art. 88 and modelo 145). */
    public boolean disabilityAssistance;

    /** The day the disability degree is recognised from; required with a degree of 33 % or more. */
    public LocalDate disabilityFrom;

    /** Which document proves the degree (resolution number, body that issued it); required with the date. */
    @Size(max = 200)
    public String disabilityEvidence;

    /** The day the employee accepted a job that made them move their residence (geographic mobility), or null. */
    public LocalDate mobilityDate;

    /** Whether the employee pays a loan for their main home taken before 1 January 2013 (RIRPF art. 86.1). */
    public boolean homeLoanBefore2013;

    /** A work-integration itinerary (Ley 44/2007): its first day, last day (null while ongoing) and evidence. */
    public LocalDate integrationFrom;

    public LocalDate integrationTo;

    @Size(max = 200)
    public String integrationEvidence;

    /**
     * The special employment relationship of persons with disability in a special employment centre (Real Decreto
     * 1368/1985): its first day, last day (null while ongoing) and evidence.
     */
    public LocalDate specialRelationshipFrom;

    public LocalDate specialRelationshipTo;

    @Size(max = 200)
    public String specialRelationshipEvidence;

    @Valid
    @Size(max = 30)
    public List<RelativeData> descendants = new ArrayList<>();

    @Valid
    @Size(max = 30)
    public List<RelativeData> ascendants = new ArrayList<>();

    /**
     * A descendant or ascendant of the modelo 145. {@code byHalves}: a descendant computed by halves because they live
     * with both parents or another person entitled to the same minimum (RIRPF art. 88.1 and LIRPF art. 61.1.ª);
     * {@code sharedWith}: for an ascendant, how many other descendants of theirs they live with (the minimum is shared
     * among them, LIRPF art. 61.1.ª).
     */
    public static class RelativeData {

        @NotNull
        @Min(1900)
        @Max(2200)
        public Integer birthYear;

        /** For a descendant adopted or fostered, the year of adoption or fostering. */
        @Min(1900)
        @Max(2200)
        public Integer adoptionYear;

        @Min(0)
        @Max(100)
        public Integer disabilityDegree;

        public boolean disabilityAssistance;

        public boolean byHalves;

        @Min(0)
        @Max(20)
        public int sharedWith;
    }
}
