package coop.intercoop.hub.payroll.control;

import java.nio.file.Path;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.payroll.entity.Modelo190Design;
import coop.intercoop.hub.payroll.entity.PayrollRulesFileException;
import coop.intercoop.hub.platform.ConfigCsv;

/**
 * Reads the AEAT's record design of modelo 190 from {@code modelo-190-design.csv} in {@code hub.payroll.dir}. Each call
 * reads the file again, so a corrected design counts without a restart. A missing file is an empty design, so a year
 * asked for answers that no design is in force.
 */
@Dependent
public class ReturnDesigns {

    static final String MODELO_190 = "modelo-190-design.csv";

    private final Path dir;

    @Inject
    public ReturnDesigns(@ConfigProperty(name = "hub.payroll.dir", defaultValue = "config/payroll") String dir) {
        this.dir = Path.of(dir);
    }

    /**
     * The design of the return of a year.
     *
     * @throws coop.intercoop.hub.payroll.entity.NoRuleInForceException
     *             if no design is in force on the year's 1 January
     * @throws PayrollRulesFileException
     *             if the file breaks its format or lacks a field the generator writes, naming the line
     */
    public Modelo190Design.Layout modelo190(int year) {
        return Modelo190Design.parse(ConfigCsv.rowsIfPresent(dir.resolve(MODELO_190), "the modelo 190 record design",
                Modelo190Design.HEADER, PayrollRulesFileException::new)).forYear(year);
    }
}
