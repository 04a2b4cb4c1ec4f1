package coop.intercoop.hub.accounting.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.accounting.entity.EquityChanges;
import coop.intercoop.hub.accounting.entity.InvalidEntryException;
import coop.intercoop.hub.accounting.entity.Statement;
import coop.intercoop.hub.accounting.entity.StatementSize;
import coop.intercoop.hub.platform.ConfigCsv;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.HubTexts;

/**
 * The financial statement models: one {@code <name>.csv} file per statement in {@code hub.statements.dir} (format in
 * {@link Statement}, and in {@link EquityChanges} for the statement of changes in equity), and the file
 * {@value #PLANS}{@code .csv} naming, for each chart template, the model of each statement and size
 * ({@value #PLANS_HEADER}). Both are read when a statement is drawn up, so an installation can correct a caption or an
 * account grouping, or install a plan's model, without a new release.
 */
@Dependent
public class StatementModels {

    /** The file of each plan's models, {@code plans.csv}, in the same folder as the models. */
    static final String PLANS = "plans";
    static final String PLANS_HEADER = "chart;size;statement;model";

    /**
     * The plan whose models an organisation without a chart is drawn up in: it has no account, so every line is zero,
     * as it was before the statements followed each organisation's chart.
     */
    static final String WITHOUT_CHART = "pgc-esfl";

    /**
     * The statements a plan has a model of: the balance sheet, the results account and the statement of changes in
     * equity ({@code equity} in plans.csv).
     */
    public enum Kind {
        BALANCE, RESULTS, EQUITY;

        /**
         * The statements every size an organisation may choose has a model of. The statement of changes in equity is
         * not among them: the PGC PYMES makes it voluntary (tercera parte, norm 1.ª as amended by Real Decreto
         * 602/2016, "podrán incorporar"), and so do the cooperatives that follow it (Orden EHA/3360/2010, article 2.2);
         * a plan offers it where plans.csv names its model.
         */
        public static final Set<Kind> REQUIRED = EnumSet.of(BALANCE, RESULTS);
    }

    /** One row of {@value #PLANS}{@code .csv}. */
    record Choice(String chart, StatementSize size, Kind statement) {
    }

    private final Path dir;

    @Inject
    public StatementModels(
            @ConfigProperty(name = "hub.statements.dir", defaultValue = "config/statements") String dir) {
        this.dir = Path.of(dir);
    }

    /**
     * The model of a statement of a size in an organisation's plan.
     *
     * @param chart
     *            the template the organisation's chart was built from; null when it has none yet
     * @param size
     *            the size of the organisation's annual accounts
     *
     * @throws NoStatementModelException
     *             if the plan has no model of that statement and size, or its model is not installed
     * @throws Statement.InvalidStatementFileException
     *             if a file breaks its format, naming the line
     */
    public Statement of(String chart, StatementSize size, Kind statement) {
        if (statement == Kind.EQUITY) {
            throw new IllegalArgumentException("The statement of changes in equity is read by equityChanges");
        }
        return read(modelOf(chart, size, statement));
    }

    /**
     * The model of the statement of changes in equity of a size in an organisation's plan.
     *
     * @param chart
     *            the template the organisation's chart was built from; null when it has none yet
     *
     * @throws NoStatementModelException
     *             if the plan has no model of it in that size, or its model is not installed
     * @throws EquityChanges.InvalidEquityChangesFileException
     *             if its file breaks the format, naming the line
     */
    public EquityChanges equityChanges(String chart, StatementSize size) {
        String name = modelOf(chart, size, Kind.EQUITY);
        Path file = dir.resolve(name + ".csv");
        try {
            return EquityChanges.parse(name, file.getFileName().toString(),
                    Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the statement model " + file.toAbsolutePath(), e);
        }
    }

    /**
     * The name of the installed model of a statement and size in a plan, refused naming the plan when there is none.
     */
    private String modelOf(String chart, StatementSize size, Kind statement) {
        String plan = chart == null ? WITHOUT_CHART : chart;
        String name = plans().get(new Choice(plan, size, statement));
        if (name == null) {
            throw size == StatementSize.ABBREVIATED
                    ? new NoStatementModelException("statement.unmapped", plan, text(statement))
                    : new NoStatementModelException("statement.size.unmapped", plan, text(statement), text(size));
        }
        if (!Files.isRegularFile(dir.resolve(name + ".csv"))) {
            throw new NoStatementModelException("statement.missing", plan, text(statement), name);
        }
        return name;
    }

    /**
     * Refuses a size of the annual accounts the plan has no installed model of, for the balance sheet or the results
     * account ({@link Kind#REQUIRED}), before an organisation chooses it: its statements could not be drawn up.
     *
     * @throws SizeWithoutModelsException
     *             naming the plan and the size
     */
    public void requireModels(String chart, StatementSize size) {
        Map<Choice, String> plans = plans();
        for (Kind statement : Kind.REQUIRED) {
            String name = plans.get(new Choice(chart, size, statement));
            if (name == null || !Files.isRegularFile(dir.resolve(name + ".csv"))) {
                throw new SizeWithoutModelsException(chart, text(size));
            }
        }
    }

    /** The size as a reader's language words it: "abbreviated", "abreviado". */
    public static HubTexts.Text text(StatementSize size) {
        return new HubTexts.Text(InvalidEntryException.REFUSALS, "statement.size." + size.code());
    }

    /** The statement as a reader's language words it: "balance sheet", "balance". */
    public static HubTexts.Text text(Kind statement) {
        return new HubTexts.Text(InvalidEntryException.REFUSALS,
                "statement." + statement.name().toLowerCase(Locale.ROOT));
    }

    /**
     * The model of each plan, size and statement.
     *
     * @throws Statement.InvalidStatementFileException
     *             if the file breaks its format, naming the line
     */
    Map<Choice, String> plans() {
        Map<Choice, String> plans = new HashMap<>();
        for (ConfigCsv.Row row : ConfigCsv.rowsIfPresent(dir.resolve(PLANS + ".csv"),
                "the statement models of each plan", PLANS_HEADER, Statement.InvalidStatementFileException::new)) {
            String[] fields = row.text().split(";", -1);
            if (fields.length != 4) {
                throw new Statement.InvalidStatementFileException(row.place(), "needs the fields " + PLANS_HEADER);
            }
            Choice choice;
            try {
                choice = new Choice(fields[0].strip(), StatementSize.of(fields[1]),
                        Kind.valueOf(fields[2].strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new Statement.InvalidStatementFileException(row.place(),
                        "the size is abbreviated or normal and the statement balance, results or equity");
            }
            String model = fields[3].strip();
            if (!choice.chart().matches(ChartTemplates.NAME) || !model.matches(ChartTemplates.NAME)
                    || model.equals(PLANS)) {
                throw new Statement.InvalidStatementFileException(row.place(),
                        "the chart and the model are names such as pgc-esfl and esfl-abbreviated-balance");
            }
            if (plans.put(choice, model) != null) {
                throw new Statement.InvalidStatementFileException(row.place(),
                        "repeats the " + fields[1].strip() + " " + fields[2].strip() + " of " + choice.chart());
            }
        }
        return plans;
    }

    /**
     * @throws Statement.InvalidStatementFileException
     *             if the file breaks the format, naming the line
     */
    public Statement read(String name) {
        Path file = dir.resolve(name + ".csv");
        try {
            return Statement.parse(name, file.getFileName().toString(),
                    Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the statement model " + file.toAbsolutePath(), e);
        }
    }

    /**
     * An organisation's plan without a model of the statement asked for, or whose model is not installed: refused
     * naming the plan, rather than drawn up in another plan's model, whose lines would not take its accounts.
     */
    public static class NoStatementModelException extends HubException {
        private static final long serialVersionUID = 1L;

        NoStatementModelException(String key, Object... arguments) {
            super(Kind.CONFLICT, "chart", key, arguments);
        }
    }

    /**
     * A size of the annual accounts that the organisation's plan has no model of, chosen for its books: refused before
     * anything is stored, naming the plan and the size.
     */
    public static class SizeWithoutModelsException extends HubException {
        private static final long serialVersionUID = 1L;

        SizeWithoutModelsException(String plan, HubTexts.Text size) {
            super(Kind.INVALID, "size", "statement.size.unavailable", new Object[] { plan, size });
        }
    }
}
