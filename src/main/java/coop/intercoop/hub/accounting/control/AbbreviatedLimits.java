package coop.intercoop.hub.accounting.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.accounting.entity.Statement;
import coop.intercoop.hub.platform.ConfigCsv;
import coop.intercoop.hub.platform.HubTexts;

/**
 * The limits below which an entity may draw up the abbreviated models of its plan, per chart template and statement
 * ({@value #FILE}{@code .csv} in {@code hub.statements.dir}, beside {@code plans.csv}, header {@value #HEADER}; each
 * figure is cited in the file's header), and the rule that warns an organisation filing abbreviated accounts whose
 * books pass them.
 * <p>
 * The rule, as each plan states it (PC ESFL, BOE-A-2013-3781, tercera parte, norma 3.ª 2; PC PYMESFL, BOE-A-2013-3736,
 * norma segunda 1; PGC PYMES, Real Decreto 1515/2007, BOE-A-2007-19966, art. 2.1): an entity may draw up the
 * abbreviated models while, at the close of the year, it does not pass at least two of the three limits (total assets,
 * the plan's turnover measure, average staff); the situation changes only when it repeats at two consecutive closings.
 * So an entity on the abbreviated models is told when, at each of its last two closings, two of the three limits were
 * passed. A figure equal to its limit does not pass it ("no supere"). The average staff is not in the books (payroll
 * keeps it, later): it is unknown, so when only one of the two figures the books hold passed in a year, the warning
 * says that the outcome depends on the staff instead of asserting it.
 */
@Dependent
public class AbbreviatedLimits {

    static final String FILE = "thresholds";
    static final String HEADER = "chart;statement;total_assets;turnover;average_staff;assets_line;turnover_lines";
    /** The texts of the warnings, with the other texts of the accounting reports. */
    static final String TEXTS = "coop.intercoop.hub.accounting.reports";

    /**
     * The limits of a plan's abbreviated model of a statement.
     *
     * @param assetsLine
     *            the code of the balance model's line whose amount is the total assets
     * @param turnoverLines
     *            the codes of the results model's lines whose amounts add up to the plan's turnover measure
     */
    public record Limits(String chart, StatementModels.Kind statement, BigDecimal assets, BigDecimal turnover,
            int staff, String assetsLine, List<String> turnoverLines) {
    }

    /**
     * What the books say at a fiscal year's close: the year's first and last day, total assets and turnover measure.
     */
    public record Closing(int year, LocalDate start, LocalDate end, BigDecimal assets, BigDecimal turnover) {
    }

    private final Path dir;

    @Inject
    public AbbreviatedLimits(
            @ConfigProperty(name = "hub.statements.dir", defaultValue = "config/statements") String dir) {
        this.dir = Path.of(dir);
    }

    /**
     * The limits of the plan's abbreviated model of a statement; none when the file has no row for them (a plan whose
     * limits are not installed is not warned about).
     *
     * @throws Statement.InvalidStatementFileException
     *             if the file breaks its format, naming the line
     */
    public Optional<Limits> of(String chart, StatementModels.Kind statement) {
        return Optional.ofNullable(all().get(chart + ";" + statement));
    }

    /**
     * Every row of the file, by chart and statement.
     *
     * @throws Statement.InvalidStatementFileException
     *             if the file breaks its format, naming the line
     */
    Map<String, Limits> all() {
        Map<String, Limits> all = new HashMap<>();
        for (ConfigCsv.Row row : ConfigCsv.rowsIfPresent(dir.resolve(FILE + ".csv"),
                "the limits of the abbreviated models", HEADER, Statement.InvalidStatementFileException::new)) {
            Limits limits = parse(row);
            if (all.put(limits.chart() + ";" + limits.statement(), limits) != null) {
                throw new Statement.InvalidStatementFileException(row.place(), "repeats the limits of the "
                        + limits.statement().name().toLowerCase(Locale.ROOT) + " of " + limits.chart());
            }
        }
        return all;
    }

    private static Limits parse(ConfigCsv.Row row) {
        String[] fields = row.text().split(";", -1);
        if (fields.length != 7) {
            throw new Statement.InvalidStatementFileException(row.place(), "needs the fields " + HEADER);
        }
        String chart = fields[0].strip();
        if (!chart.matches(ChartTemplates.NAME)) {
            throw new Statement.InvalidStatementFileException(row.place(), "the chart is a name such as pgc-esfl");
        }
        StatementModels.Kind statement;
        BigDecimal assets;
        BigDecimal turnover;
        int staff;
        try {
            statement = StatementModels.Kind.valueOf(fields[1].strip().toUpperCase(Locale.ROOT));
            assets = new BigDecimal(fields[2].strip());
            turnover = new BigDecimal(fields[3].strip());
            staff = Integer.parseInt(fields[4].strip());
        } catch (IllegalArgumentException e) {
            throw new Statement.InvalidStatementFileException(row.place(),
                    "the statement is balance or results, the limits are amounts in euros and the staff a number");
        }
        if (assets.signum() <= 0 || turnover.signum() <= 0 || staff <= 0) {
            throw new Statement.InvalidStatementFileException(row.place(), "the limits are above zero");
        }
        String assetsLine = fields[5].strip();
        List<String> turnoverLines = Arrays.stream(fields[6].split("\\+")).map(String::strip).toList();
        if (assetsLine.isEmpty() || turnoverLines.stream().anyMatch(String::isEmpty)) {
            throw new Statement.InvalidStatementFileException(row.place(),
                    "names the balance model's total assets line and the results model's turnover lines, as 1+2");
        }
        return new Limits(chart, statement, assets, turnover, staff, assetsLine, turnoverLines);
    }

    /**
     * The warning for an organisation on the abbreviated models, from the figures of its last two closed fiscal years;
     * none when fewer than two are closed, or when in one of them neither figure passed its limit (then two of the
     * three were not passed, whatever the staff).
     *
     * @param closings
     *            the last two closings, the earlier first
     */
    public static Optional<HubTexts.Text> warning(Limits limits, List<Closing> closings) {
        if (closings.size() < 2) {
            return Optional.empty();
        }
        List<Closing> lastTwo = closings.subList(closings.size() - 2, closings.size());
        List<HubTexts.Text> passedByYear = new ArrayList<>();
        List<Integer> dependingOnStaff = new ArrayList<>();
        for (Closing closing : lastTwo) {
            List<HubTexts.Text> passed = new ArrayList<>();
            if (closing.assets().compareTo(limits.assets()) > 0) {
                passed.add(new HubTexts.Text(TEXTS, "thresholds.assets", closing.assets(), limits.assets()));
            }
            if (closing.turnover().compareTo(limits.turnover()) > 0) {
                passed.add(new HubTexts.Text(TEXTS, "thresholds.turnover", closing.turnover(), limits.turnover(),
                        String.join("+", limits.turnoverLines())));
            }
            if (passed.isEmpty()) {
                return Optional.empty();
            }
            if (passed.size() == 1) {
                dependingOnStaff.add(closing.year());
            }
            passedByYear.add(
                    new HubTexts.Text(TEXTS, "thresholds.year", closing.year(), new HubTexts.Joined(", ", passed)));
        }
        HubTexts.Text statement = StatementModels.text(limits.statement());
        int earlier = lastTwo.get(0).year();
        int later = lastTwo.get(1).year();
        HubTexts.Joined figures = new HubTexts.Joined("; ", passedByYear);
        if (dependingOnStaff.isEmpty()) {
            return Optional.of(new HubTexts.Text(TEXTS, "thresholds.passed", statement, earlier, later, figures));
        }
        Object years = dependingOnStaff.size() == 1 ? String.valueOf(dependingOnStaff.get(0))
                : new HubTexts.Text(TEXTS, "thresholds.both", earlier, later);
        return Optional.of(new HubTexts.Text(TEXTS, "thresholds.passed.staff", statement, earlier, later, figures,
                years, limits.staff()));
    }
}
