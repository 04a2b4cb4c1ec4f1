package coop.intercoop.hub.accounting.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.accounting.entity.Account;
import coop.intercoop.hub.accounting.entity.AccountKind;
import coop.intercoop.hub.accounting.entity.Nature;
import coop.intercoop.hub.platform.ConfigCsv;
import coop.intercoop.hub.platform.HubException;

/**
 * The chart-of-accounts templates: one {@code <name>.csv} file per template in {@code hub.charts.dir}, read when a
 * chart is applied, so an installation can correct or add a template without a new release. Format: UTF-8, lines
 * starting with '#' are comments, a header {@value #HEADER}, then one account per line.
 */
@Dependent
public class ChartTemplates {

    static final String HEADER = "code;name;group;nature;kind";
    /** A template's name, as its file is named; the statement models are named alike. */
    static final String NAME = "[a-z0-9][a-z0-9-]{0,38}";

    private final Path dir;

    @Inject
    public ChartTemplates(@ConfigProperty(name = "hub.charts.dir", defaultValue = "config/charts") String dir) {
        this.dir = Path.of(dir);
    }

    /** One account of a template; {@code parentCode} is the longest code of the template that begins this one. */
    public record Line(String code, String name, int group, Nature nature, AccountKind kind, String parentCode) {
    }

    /** The names of the templates there are, e.g. {@code pgc-esfl}, sorted. */
    public List<String> names() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".csv"))
                    .map(f -> f.substring(0, f.length() - ".csv".length())).filter(n -> n.matches(NAME)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the chart templates in " + dir.toAbsolutePath(), e);
        }
    }

    /**
     * The accounts of a template, every parent before its subaccounts.
     *
     * @throws UnknownChartTemplateException
     *             if there is no template of that name
     * @throws InvalidChartFileException
     *             if the file breaks the format, naming the line
     */
    public List<Line> read(String template) {
        if (template == null || !template.matches(NAME) || !names().contains(template)) {
            throw new UnknownChartTemplateException(template, names());
        }
        Path file = dir.resolve(template + ".csv");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the chart template " + file.toAbsolutePath(), e);
        }
        List<String[]> rows = new ArrayList<>();
        List<String> places = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (ConfigCsv.Row row : ConfigCsv.rows(file.getFileName().toString(), lines, HEADER,
                InvalidChartFileException::new)) {
            String[] fields = row.text().split(";", -1);
            if (fields.length != 5) {
                throw new InvalidChartFileException(row.place(), "needs 5 fields separated by ';'");
            }
            if (!codes.add(fields[0].strip())) {
                throw new InvalidChartFileException(row.place(), "repeats the code " + fields[0].strip());
            }
            rows.add(fields);
            places.add(row.place());
        }
        List<Line> accounts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            accounts.add(parse(rows.get(i), codes, places.get(i)));
        }
        accounts.sort(Comparator.comparingInt((Line l) -> l.code().length()).thenComparing(Line::code));
        return accounts;
    }

    private static Line parse(String[] fields, Set<String> codes, String where) {
        try {
            String code = Account.checkCode(fields[0]);
            int group = Integer.parseInt(fields[2].strip());
            if (group != Account.groupOf(code)) {
                throw new InvalidChartFileException(where, "group " + group + " is not the first digit of " + code);
            }
            String parent = null;
            for (int end = code.length() - 1; end >= 1 && parent == null; end--) {
                parent = codes.contains(code.substring(0, end)) ? code.substring(0, end) : null;
            }
            if (parent == null && code.length() > 1) {
                throw new InvalidChartFileException(where, code + " extends no account of the template");
            }
            Account account = Account.ofTemplate(code, fields[1], Nature.valueOf(fields[3].strip()),
                    AccountKind.valueOf(fields[4].strip()), parent);
            return new Line(account.getCode(), account.getName(), group, account.getNature(), account.getKind(),
                    parent);
        } catch (HubException | IllegalArgumentException e) {
            throw new InvalidChartFileException(where, e.getMessage());
        }
    }

    /** A template name that is not one of the files in {@code hub.charts.dir}. */
    public static class UnknownChartTemplateException extends HubException {
        private static final long serialVersionUID = 1L;

        public UnknownChartTemplateException(String template, List<String> known) {
            super(Kind.INVALID, "template", "chart.template.unknown",
                    new Object[] { template, String.join(", ", known) });
        }
    }

    /** A template file that breaks the format: an installation error, reported with its file and line. */
    public static class InvalidChartFileException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public InvalidChartFileException(String where, String problem) {
            super("Chart template " + where + ": " + problem);
        }
    }
}
