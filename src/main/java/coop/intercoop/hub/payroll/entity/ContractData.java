package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An employment contract as a person or a script enters it: the API's request body (a {@code PUT} carries the
 * {@code version} read) and what {@link EmploymentContract} checks and keeps.
 * <p>
 * The AT/EP premium is found either by the organisation's activity ({@code activityCode}: the CNAE-2025 code of Cuadro
 * I, two to four digits) or by the worker's occupation ({@code occupationLetter}: the letter of Cuadro II), one of the
 * two. The collective agreement is its code in the registry of agreements (REGCON) and the professional category as the
 * agreement names it; both are kept as given until the agreements' tables are loaded.
 */
public class ContractData {

    public Integer version;

    @NotNull
    public LocalDate startDate;

    public LocalDate endDate;

    @NotNull
    public String contractType;

    /** The share of a full-time working day, more than 0 and at most 1, with at most four decimals (0.5 for half). */
    @Digits(integer = 1, fraction = 4)
    public BigDecimal partTimeCoefficient;

    @NotNull
    public Integer contributionGroup;

    public String activityCode;

    public String occupationLetter;

    @Size(max = 20)
    public String agreementCode;

    @Size(max = 200)
    public String professionalCategory;

    @NotNull
    public Long workCentreId;

    /**
     * The code of the project the contract's cost is charged to, one of the organisation's analytic projects
     * (accounting), or none: the run's posting splits the expense by work centre and project.
     */
    @Size(max = 20)
    public String project;

    @Valid
    @Size(max = 50)
    public List<SalaryItemData> salaryItems = new ArrayList<>();

    /** A monthly salary item of the contract. */
    public static class SalaryItemData {

        @NotBlank
        @Size(max = 100)
        public String name;

        @NotNull
        @DecimalMin("0.00")
        @Digits(integer = 17, fraction = 2)
        public BigDecimal monthlyAmount;

        @NotNull
        public SalaryItem.Kind kind;

        /** Part of the contribution base (LGSS art. 147); false for the exclusions of art. 147.2. */
        public boolean contributes = true;

        /** Subject to the IRPF withholding; false for exempt income (LIRPF art. 7). */
        public boolean taxed = true;

        /**
         * For an item not subject to withholding, the subkey of key L under which modelo 190 declares it (01 to 31,
         * 99); none for a taxed item ({@link Perception#exemptSubkeyRefusal}).
         */
        public Integer exemptSubkey;

        /**
         * The first month it applies in, {@code yyyy-MM}; none when from the contract's start. A raise from a later
         * month is a new item of the same name from that month, the old one ending the month before.
         */
        public String from;

        /** The last month it applies in, {@code yyyy-MM}; none when until the contract's end. */
        public String until;

        /**
         * Of an extra payment paid whole in its months (ET art. 31): those months, 1 to 12 ({@code [6, 12]}: June and
         * December), {@link #monthlyAmount} then being each payment's amount. None for an extra payment prorated in
         * every month's pay, and for the other kinds.
         */
        public List<Integer> paidIn;
    }
}
