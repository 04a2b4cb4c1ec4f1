package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

/** A monthly salary item of a contract. Created and replaced only by {@link EmploymentContract}. */
@Entity
@Table(name = "salary_item")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "org_id")
public class SalaryItem {

    /** What the item is on the payslip (Orden ESS/2098/2014: base salary, complements, extra payments, other). */
    public enum Kind {
        BASE, COMPLEMENT, EXTRA_PAYMENT, OTHER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "contract_id", updatable = false)
    private EmploymentContract contract;

    private int position;

    private String name;

    @Column(name = "monthly_amount")
    private BigDecimal monthlyAmount;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private boolean contributes;

    private boolean taxed;

    /** Of an item not subject to withholding: its key L subkey in modelo 190. */
    @Column(name = "exempt_subkey")
    private Integer exemptSubkey;

    /** The first day of the first month it applies in; none when it applies from the contract's start. */
    @Column(name = "valid_from")
    private LocalDate validFrom;

    /** The first day of the last month it applies in; none when it applies until the contract's end. */
    @Column(name = "valid_until")
    private LocalDate validUntil;

    /**
     * Of an extra payment paid whole: the months of the year it is paid in, {@code 6,12}; none when it is prorated, its
     * monthly amount paid every month.
     */
    @Column(name = "paid_in")
    private String paidIn;

    protected SalaryItem() {
    }

    SalaryItem(EmploymentContract contract, int position, String name, BigDecimal monthlyAmount, Kind kind,
            boolean contributes, boolean taxed, Integer exemptSubkey, MonthRange months, Set<Month> paidIn) {
        this.contract = contract;
        this.position = position;
        this.name = name;
        this.monthlyAmount = monthlyAmount;
        this.kind = kind;
        this.contributes = contributes;
        this.taxed = taxed;
        this.exemptSubkey = exemptSubkey;
        this.validFrom = months.from().map(m -> m.atDay(1)).orElse(null);
        this.validUntil = months.until().map(m -> m.atDay(1)).orElse(null);
        this.paidIn = paidIn.isEmpty() ? null
                : paidIn.stream().sorted().map(m -> String.valueOf(m.getValue())).collect(Collectors.joining(","));
    }

    public String getName() {
        return name;
    }

    public BigDecimal getMonthlyAmount() {
        return monthlyAmount;
    }

    public Kind getKind() {
        return kind;
    }

    public boolean isContributes() {
        return contributes;
    }

    public boolean isTaxed() {
        return taxed;
    }

    /** The months it applies in. */
    public MonthRange getMonths() {
        return new MonthRange(Optional.ofNullable(validFrom).map(YearMonth::from),
                Optional.ofNullable(validUntil).map(YearMonth::from));
    }

    /**
     * The months an extra payment paid whole is paid in, its monthly amount being each payment's; empty for an item
     * paid every month (an extra payment prorated, or any other kind).
     */
    public Set<Month> getPaidIn() {
        return paidIn == null ? Set.of()
                : Arrays.stream(paidIn.split(",")).map(m -> Month.of(Integer.parseInt(m)))
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Month.class)));
    }

    /** The key L subkey of an item not subject to withholding; empty for a taxed one. */
    public Optional<Integer> getExemptSubkey() {
        return Optional.ofNullable(exemptSubkey);
    }
}
