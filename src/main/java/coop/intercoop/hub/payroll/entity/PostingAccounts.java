package coop.intercoop.hub.payroll.entity;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import coop.intercoop.hub.platform.ConfigCsv;

/**
 * The accounts a payroll run posts to, per chart template ({@code posting-accounts.csv} in {@code hub.payroll.dir}; its
 * header cites the plans' definitions of each account): which account each {@link Concept} of the run's entry goes to
 * in the chart an organisation's books were built from.
 */
public final class PostingAccounts {

    public static final String FILE = "posting-accounts.csv";
    public static final String HEADER = "chart;concept;account;status;source";

    /** What a line of a payroll run's entry is, and on which side it goes. */
    public enum Concept {
        /** The pay earned, whatever its form (PGC 640). */
        GROSS_PAY(true),
        /** Compensation for a damage, dismissal compensation (PGC 641). */
        COMPENSATION(true),
        /** The employer's Social Security contributions (PGC 642). */
        EMPLOYER_CONTRIBUTIONS(true),
        /** The Social Security benefit paid under delegated payment and recovered by deduction (PGC 471). */
        BENEFIT_ADVANCED(true),
        /** The employer's and the employees' contributions owed (PGC 476). */
        SOCIAL_SECURITY_PAYABLE(false),
        /** The IRPF withheld, owed (PGC 4751). */
        WITHHOLDING_PAYABLE(false),
        /** Advances on pay set off against it (PGC 460). */
        ADVANCES(false),
        /** The net pay owed until paid (PGC 465). */
        NET_PAY(false);

        private final boolean debit;

        Concept(boolean debit) {
            this.debit = debit;
        }

        public boolean debit() {
            return debit;
        }

        /** The concept as the file writes it: {@code gross-pay}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Concept> of(String code) {
            for (Concept c : values()) {
                if (c.code().equals(code)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    /** The account of a concept in a chart, and where that mapping comes from. */
    public record Account(String code, Source source) {
    }

    private final Map<String, Map<Concept, Account>> byChart;

    private PostingAccounts(Map<String, Map<Concept, Account>> byChart) {
        this.byChart = byChart;
    }

    /**
     * @throws PayrollRulesFileException
     *             naming the line of a malformed row, an unknown concept, a concept given twice for a chart, or a chart
     *             that lacks a concept
     */
    public static PostingAccounts parse(List<ConfigCsv.Row> rows) {
        Map<String, Map<Concept, Account>> byChart = new HashMap<>();
        Map<String, String> firstPlace = new HashMap<>();
        for (ConfigCsv.Row row : rows) {
            String place = row.place();
            String[] fields = row.text().split(";", 5);
            if (fields.length != 5) {
                throw new PayrollRulesFileException(place, "needs the fields " + HEADER);
            }
            String chart = fields[0].strip();
            if (!chart.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new PayrollRulesFileException(place, "the chart is a template's name, not '" + fields[0] + "'");
            }
            Concept concept = Concept.of(fields[1].strip()).orElseThrow(
                    () -> new PayrollRulesFileException(place, "there is no concept '" + fields[1].strip() + "'"));
            String account = fields[2].strip();
            if (!account.matches("[0-9]{3,12}")) {
                throw new PayrollRulesFileException(place,
                        "the account is a code of 3 to 12 digits, not '" + account + "'");
            }
            firstPlace.putIfAbsent(chart, place);
            Account previous = byChart.computeIfAbsent(chart, c -> new EnumMap<>(Concept.class)).put(concept,
                    new Account(account, Source.parse(fields[4], fields[3], place)));
            if (previous != null) {
                throw new PayrollRulesFileException(place,
                        "the concept " + concept.code() + " of " + chart + " is given twice");
            }
        }
        byChart.forEach((chart, accounts) -> {
            for (Concept concept : Concept.values()) {
                if (!accounts.containsKey(concept)) {
                    throw new PayrollRulesFileException(firstPlace.get(chart),
                            "the chart " + chart + " has no account for " + concept.code());
                }
            }
        });
        return new PostingAccounts(byChart);
    }

    /** The accounts of a chart template; none when the file has no row for it (payroll cannot post in that plan). */
    public Optional<Map<Concept, Account>> of(String chart) {
        return Optional.ofNullable(byChart.get(chart)).map(Map::copyOf);
    }

    /** The charts the file maps. */
    public java.util.Set<String> charts() {
        return java.util.Set.copyOf(byChart.keySet());
    }
}
