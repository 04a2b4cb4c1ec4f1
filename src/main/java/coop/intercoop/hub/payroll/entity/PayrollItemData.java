package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A month's item of an employee as a person or a script enters it: the API's request body and an import's row, which
 * {@link PayrollItem} checks and keeps. Which fields a kind takes: {@link PayrollItem.Kind}.
 */
public class PayrollItemData {

    @NotNull
    public Long employeeId;

    /** The month, {@code yyyy-MM}. */
    @NotNull
    @Pattern(regexp = "\\d{4}-\\d{2}")
    public String month;

    /**
     * {@code hours-worked}, {@code overtime}, {@code variable}, {@code absence}, {@code sick-leave}, {@code advance}.
     */
    @NotNull
    public String kind;

    @Size(max = 100)
    public String concept;

    @DecimalMin("0.01")
    @Digits(integer = 5, fraction = 2)
    public BigDecimal hours;

    @Min(1)
    @Max(30)
    public Integer days;

    @DecimalMin("0.01")
    @Digits(integer = 17, fraction = 2)
    public BigDecimal amount;

    /** Overtime caused by force majeure (Estatuto de los Trabajadores art. 35.3). */
    public boolean forceMajeure;

    /** A variable item: salary (or not), in the contribution bases, subject to IRPF. */
    public boolean salary = true;

    public boolean contributes = true;

    public boolean taxed = true;

    /**
     * A variable item not subject to withholding: the subkey of key L under which modelo 190 declares it (01 to 31, 99;
     * {@link Perception#exemptSubkeyRefusal}).
     */
    public Integer exemptSubkey;

    /** Sick leave: its first day (the baja), and its last day when known. */
    public LocalDate firstDay;

    public LocalDate lastDay;

    /**
     * Sick leave: the base of the month before the leave of the contingency it comes from (common, or AT/EP for an
     * occupational leave), and the days in alta it covered.
     */
    @DecimalMin("0.00")
    @Digits(integer = 17, fraction = 2)
    public BigDecimal previousBase;

    @Min(1)
    @Max(31)
    public Integer previousDays;

    /**
     * Sick leave from a work accident or occupational disease: the benefit from the day after the baja, whose day is
     * paid as salary (LGSS art. 173.1), and {@link #previousBase} is the AT/EP base of the month before.
     */
    public boolean occupational;
}
