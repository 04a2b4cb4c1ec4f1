package coop.intercoop.hub.tenders.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The solvency a tender asks for where its clauses set none of their own, and the services that count towards it, as
 * {@code config/tenders/solvency-defaults.csv} states them (Ley 9/2017 arts. 87.3.a, 90.1.a and 90.2): pure rules,
 * tested without a database.
 *
 * @param turnoverFactor
 *            times the contract's yearly value the best turnover must reach
 * @param servicesShare
 *            the percentage of the contract's annual average the similar services must reach in their best year
 * @param servicesYears
 *            how many years back the services count
 * @param cpvDigits
 *            how many first digits of the CPV codes make a service similar
 */
public record SolvencyRules(BigDecimal turnoverFactor, BigDecimal servicesShare, int servicesYears, int cpvDigits) {

    /** A service performed: its days (to {@code ended}, or still going) and its amount without taxes. */
    public record Performed(LocalDate started, Optional<LocalDate> ended, BigDecimal amount) {
    }

    /**
     * What the tender asks for by default: its value (the estimated value, else the budget without taxes), its duration
     * in years, its yearly value, and the least turnover and services that follow; each requirement empty, with why,
     * when the tender does not publish what it needs.
     */
    public record Requirements(Optional<BigDecimal> value, Optional<BigDecimal> years, Optional<BigDecimal> yearlyValue,
            Optional<BigDecimal> turnover, Optional<BigDecimal> services, Optional<String> missing) {
    }

    /**
     * The default requirements of a contract of {@code value} running {@code duration}: the yearly value is the value
     * when it runs a year or less, else the value over its years (to cents); turnover
     * {@code turnoverFactor × yearly value}, services {@code servicesShare % of the yearly value}, to cents.
     * {@code missing} names what the tender lacks: {@code value} or {@code duration}.
     */
    public Requirements requirements(Optional<BigDecimal> value, Optional<Tender.Term> duration) {
        if (value.isEmpty()) {
            return new Requirements(value, duration.map(Tender.Term::years), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of("value"));
        }
        if (duration.isEmpty()) {
            return new Requirements(value, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("duration"));
        }
        BigDecimal years = duration.get().years();
        BigDecimal yearly = years.compareTo(BigDecimal.ONE) <= 0 ? value.get()
                : value.get().divide(years, 2, RoundingMode.HALF_UP);
        return new Requirements(value, Optional.of(years), Optional.of(yearly),
                Optional.of(yearly.multiply(turnoverFactor).setScale(2, RoundingMode.HALF_UP)),
                Optional.of(yearly.multiply(servicesShare).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)),
                Optional.empty());
    }

    /**
     * Whether a service of these CPV codes is of a nature similar to a contract of those: a code shares its first
     * digits.
     */
    public boolean similar(Collection<String> service, Collection<String> contract) {
        return service.stream().map(this::prefix)
                .anyMatch(p -> contract.stream().map(this::prefix).anyMatch(p::equals));
    }

    private String prefix(String cpv) {
        String digits = cpv.strip();
        return digits.length() < cpvDigits ? digits : digits.substring(0, cpvDigits);
    }

    /** The first day the services count from, for a tender whose submission deadline (or today) is {@code on}. */
    public LocalDate servicesFrom(LocalDate on) {
        return on.minusYears(servicesYears).plusDays(1);
    }

    /**
     * Each calendar year's amount of the services within {@code from} to {@code to}: a service's amount spread evenly
     * over its days (to {@code to} while it goes on), only its days within the period counted, each year to cents.
     */
    public static Map<Integer, BigDecimal> byYear(Collection<Performed> services, LocalDate from, LocalDate to) {
        Map<Integer, BigDecimal> years = new TreeMap<>();
        for (Performed s : services) {
            LocalDate end = s.ended().filter(e -> !e.isAfter(to)).orElse(to);
            if (end.isBefore(s.started())) {
                continue;
            }
            BigDecimal days = BigDecimal.valueOf(ChronoUnit.DAYS.between(s.started(), s.ended().orElse(end)) + 1);
            LocalDate first = s.started().isBefore(from) ? from : s.started();
            for (LocalDate day = first; !day.isAfter(end); day = LocalDate.of(day.getYear() + 1, 1, 1)) {
                LocalDate last = LocalDate.of(day.getYear(), 12, 31).isBefore(end) ? LocalDate.of(day.getYear(), 12, 31)
                        : end;
                BigDecimal share = s.amount().multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(day, last) + 1))
                        .divide(days, 10, RoundingMode.HALF_UP);
                years.merge(day.getYear(), share, BigDecimal::add);
            }
        }
        years.replaceAll((year, amount) -> amount.setScale(2, RoundingMode.HALF_UP));
        return years;
    }
}
