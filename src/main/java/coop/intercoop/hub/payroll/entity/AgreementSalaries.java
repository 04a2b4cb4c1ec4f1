package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import coop.intercoop.hub.platform.ConfigCsv;

/**
 * The collective agreements the hub knows, each with its BOE publication, and the salary tables they fix per
 * professional category, effective-dated: the monthly base salary of a category and the number of extraordinary
 * payments a year (Estatuto de los Trabajadores art. 31: at least two, the agreement fixing their amount). A payroll
 * run takes an employee's base salary from here by the contract's agreement and category and the day.
 */
public final class AgreementSalaries {

    /** The header of {@code agreements.csv}. */
    public static final String AGREEMENTS_HEADER = "code;name;boe;status;source";
    /** The header of {@code agreement-salaries.csv}. */
    public static final String SALARIES_HEADER = "from;to;agreement;group;category;monthly_base;extra_payments;status;source";

    private static final String CODE = "[a-z0-9]+(?:-[a-z0-9]+)*";

    /**
     * A collective agreement.
     *
     * @param code
     *            a short slug, the key contracts name it by
     * @param boe
     *            the BOE id of the resolution that registers and publishes it
     */
    public record Agreement(String code, String name, String boe, Source source) {
    }

    /**
     * A category's salary in an agreement's table over its days.
     *
     * @param monthlyBase
     *            euros a month
     * @param extraPayments
     *            how many extraordinary payments a year
     */
    public record Salary(Validity validity, String agreement, String group, String category, BigDecimal monthlyBase,
            int extraPayments, Source source) {
    }

    private final Map<String, Agreement> agreements;
    private final List<Salary> salaries;

    private AgreementSalaries(Map<String, Agreement> agreements, List<Salary> salaries) {
        this.agreements = Collections.unmodifiableMap(new LinkedHashMap<>(agreements));
        this.salaries = List.copyOf(salaries);
    }

    /**
     * Reads the agreements and their salary tables.
     *
     * @throws PayrollRulesFileException
     *             for a malformed row, an agreement named twice, a salary of an agreement not listed, or two rows of
     *             one category sharing a day, naming the line
     */
    public static AgreementSalaries parse(List<ConfigCsv.Row> agreementRows, List<ConfigCsv.Row> salaryRows) {
        Map<String, Agreement> agreements = new LinkedHashMap<>();
        for (ConfigCsv.Row row : agreementRows) {
            Agreement agreement = agreement(row);
            if (agreements.putIfAbsent(agreement.code(), agreement) != null) {
                throw new PayrollRulesFileException(row.place(), "repeats the agreement " + agreement.code());
            }
        }
        RuleRows.Overlaps overlaps = new RuleRows.Overlaps();
        List<Salary> salaries = new ArrayList<>();
        for (ConfigCsv.Row row : salaryRows) {
            Salary salary = salary(row, agreements);
            overlaps.add("the category " + salary.category() + " of " + salary.agreement(), salary.validity(),
                    row.place());
            salaries.add(salary);
        }
        return new AgreementSalaries(agreements, salaries);
    }

    /* The citation, last, may hold ';'. */
    private static Agreement agreement(ConfigCsv.Row row) {
        String[] fields = row.text().split(";", 5);
        if (fields.length < 5) {
            throw new PayrollRulesFileException(row.place(), "needs the fields " + AGREEMENTS_HEADER);
        }
        String code = fields[0].strip();
        if (!code.matches(CODE)) {
            throw new PayrollRulesFileException(row.place(),
                    "the code is a short slug such as accion-social, not '" + code + "'");
        }
        String name = fields[1].strip();
        if (name.isEmpty()) {
            throw new PayrollRulesFileException(row.place(), "the agreement " + code + " needs its name");
        }
        String boe = fields[2].strip();
        if (!boe.matches("BOE-A-\\d{4}-\\d+")) {
            throw new PayrollRulesFileException(row.place(),
                    "the publication is a BOE id such as BOE-A-2022-17633, not '" + boe + "'");
        }
        return new Agreement(code, name, boe, Source.parse(fields[4], fields[3], row.place()));
    }

    private static Salary salary(ConfigCsv.Row row, Map<String, Agreement> agreements) {
        String place = row.place();
        String[] fields = row.text().split(";", 9);
        if (fields.length < 9) {
            throw new PayrollRulesFileException(place, "needs the fields " + SALARIES_HEADER);
        }
        Validity validity = Validity.parse(fields[0], fields[1], place);
        String agreement = fields[2].strip();
        if (!agreements.containsKey(agreement)) {
            throw new PayrollRulesFileException(place, "the agreement " + agreement + " is not in agreements.csv");
        }
        String group = fields[3].strip();
        String category = fields[4].strip();
        if (group.isEmpty() || category.isEmpty()) {
            throw new PayrollRulesFileException(place, "each salary names its group and category");
        }
        BigDecimal monthlyBase = RuleRows.twoDecimals(fields[5], "monthly base", "1424.40", place);
        if (monthlyBase.signum() <= 0) {
            throw new PayrollRulesFileException(place, "the monthly base is above zero");
        }
        String extra = fields[6].strip();
        if (!extra.matches("\\d")) {
            throw new PayrollRulesFileException(place,
                    "the extra payments are a count of payments a year, such as 2, not '" + extra + "'");
        }
        return new Salary(validity, agreement, group, category, monthlyBase, Integer.parseInt(extra),
                Source.parse(fields[8], fields[7], place));
    }

    /** The agreements, in the file's order. */
    public List<Agreement> agreements() {
        return List.copyOf(agreements.values());
    }

    public Optional<Agreement> agreement(String code) {
        return Optional.ofNullable(agreements.get(code));
    }

    /** The salary rows, in the file's order. */
    public List<Salary> salaries() {
        return salaries;
    }

    /**
     * A category's salary on a day.
     *
     * @throws NoRuleInForceException
     *             when the agreement has no salary table in force that day (its tables for that period are not
     *             installed, or not published)
     */
    public Optional<Salary> salary(String agreement, String category, LocalDate day) {
        List<Salary> inForce = salaries.stream()
                .filter(s -> s.agreement().equals(agreement) && s.validity().covers(day)).toList();
        if (inForce.isEmpty()) {
            throw new NoRuleInForceException("salary table of " + agreement, day);
        }
        return inForce.stream().filter(s -> s.category().equals(category)).findFirst();
    }
}
