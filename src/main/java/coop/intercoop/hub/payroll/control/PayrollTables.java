package coop.intercoop.hub.payroll.control;

import java.nio.file.Path;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.payroll.entity.AgreementSalaries;
import coop.intercoop.hub.payroll.entity.AtepPremiums;
import coop.intercoop.hub.payroll.entity.PayrollRulesFileException;
import coop.intercoop.hub.platform.ConfigCsv;

/**
 * Reads the AT/EP premium tariff and the collective agreements' salary tables from {@code hub.payroll.dir}:
 * {@code atep-activities.csv} (Cuadro I), {@code atep-occupations.csv} (Cuadro II), {@code agreements.csv} and
 * {@code agreement-salaries.csv}. Each call reads the files again, so a corrected file counts without a restart; a
 * payroll run reads them once and keeps the tables for all its employees. A missing file is an empty table, so a day it
 * would cover answers that no table is in force.
 */
@Dependent
public class PayrollTables {

    private final Path dir;

    @Inject
    public PayrollTables(@ConfigProperty(name = "hub.payroll.dir", defaultValue = "config/payroll") String dir) {
        this.dir = Path.of(dir);
    }

    /**
     * @throws PayrollRulesFileException
     *             if a file breaks its format or contradicts itself, naming the line
     */
    public AtepPremiums atepPremiums() {
        return AtepPremiums.parse(
                ConfigCsv.rowsIfPresent(dir.resolve("atep-activities.csv"), "the AT/EP premiums by activity",
                        AtepPremiums.ACTIVITIES_HEADER, PayrollRulesFileException::new),
                ConfigCsv.rowsIfPresent(dir.resolve("atep-occupations.csv"), "the AT/EP premiums by occupation",
                        AtepPremiums.OCCUPATIONS_HEADER, PayrollRulesFileException::new));
    }

    /**
     * @throws PayrollRulesFileException
     *             if a file breaks its format or contradicts itself, naming the line
     */
    public AgreementSalaries agreementSalaries() {
        return AgreementSalaries.parse(
                ConfigCsv.rowsIfPresent(dir.resolve("agreements.csv"), "the collective agreements",
                        AgreementSalaries.AGREEMENTS_HEADER, PayrollRulesFileException::new),
                ConfigCsv.rowsIfPresent(dir.resolve("agreement-salaries.csv"), "the agreements' salary tables",
                        AgreementSalaries.SALARIES_HEADER, PayrollRulesFileException::new));
    }
}
