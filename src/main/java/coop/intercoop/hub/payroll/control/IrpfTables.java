package coop.intercoop.hub.payroll.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.payroll.entity.IrpfRules;
import coop.intercoop.hub.payroll.entity.PayrollRulesFileException;
import coop.intercoop.hub.platform.ConfigCsv;

/**
 * Reads the IRPF withholding tables of {@code hub.payroll.dir}: {@code irpf-parameters.csv}, {@code irpf-scale.csv} and
 * {@code irpf-exclusion-limits.csv} (each file's header says what it holds and cites its sources), and gives the rules
 * in force on a day.
 */
@Dependent
public class IrpfTables {

    static final String PARAMETERS = "irpf-parameters.csv";
    static final String SCALE = "irpf-scale.csv";
    static final String EXCLUSION_LIMITS = "irpf-exclusion-limits.csv";

    private final Path dir;

    @Inject
    public IrpfTables(@ConfigProperty(name = "hub.payroll.dir", defaultValue = "config/payroll") String dir) {
        this.dir = Path.of(dir);
    }

    /**
     * The rules in force on a day.
     *
     * @throws PayrollRulesFileException
     *             if a file is missing or breaks its format (naming the line), two rows of one key overlap, or a value
     *             has no row in force that day
     */
    public IrpfRules on(LocalDate day) {
        List<IrpfRules.ParameterRow> parameters = read(PARAMETERS, IrpfRules.PARAMETERS_HEADER, IrpfRules::parameter);
        IrpfRules.refuseOverlaps(parameters, row -> row.name().code(), IrpfRules.ParameterRow::validity,
                IrpfRules.ParameterRow::place);
        List<IrpfRules.ScaleRow> scale = read(SCALE, IrpfRules.SCALE_HEADER, IrpfRules::scale);
        IrpfRules.refuseOverlaps(scale, row -> "base_from " + row.baseFrom(), IrpfRules.ScaleRow::validity,
                IrpfRules.ScaleRow::place);
        List<IrpfRules.ExclusionRow> limits = read(EXCLUSION_LIMITS, IrpfRules.EXCLUSION_HEADER, IrpfRules::exclusion);
        IrpfRules.refuseOverlaps(limits, row -> "situation " + row.situation() + " children " + row.children(),
                IrpfRules.ExclusionRow::validity, IrpfRules.ExclusionRow::place);
        return IrpfRules.on(day, parameters, scale, limits);
    }

    private <R> List<R> read(String file, String header, BiFunction<String, String, R> parse) {
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new PayrollRulesFileException(file, "is missing from " + dir.toAbsolutePath());
        }
        try {
            return ConfigCsv
                    .rows(file, Files.readAllLines(path, StandardCharsets.UTF_8), header,
                            PayrollRulesFileException::new)
                    .stream().map(row -> parse.apply(row.place(), row.text())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the IRPF table " + path.toAbsolutePath(), e);
        }
    }
}
