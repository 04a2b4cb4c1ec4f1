package coop.intercoop.hub.payroll.control;

import java.nio.file.Path;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.payroll.entity.ContributionRules;
import coop.intercoop.hub.payroll.entity.PayrollRulesFileException;
import coop.intercoop.hub.platform.ConfigCsv;

/**
 * Reads the Social Security contribution tables of {@code hub.payroll.dir}: {@value ContributionRules#GROUPS},
 * {@value ContributionRules#RATES}, {@value ContributionRules#SOLIDARITY} and {@value ContributionRules#SURCHARGE}. The
 * files are read at each call, so a table corrected for a retroactive change (as Real Decreto-ley 3/2026 did for 2026)
 * is used by the next run without a restart; a run reads them once and keeps the rules it got.
 */
@Dependent
public class ContributionTables {

    private final Path dir;

    @Inject
    public ContributionTables(@ConfigProperty(name = "hub.payroll.dir", defaultValue = "config/payroll") String dir) {
        this.dir = Path.of(dir);
    }

    /**
     * The rules of the four files; a file the installation lacks gives no rows, and a day it should cover is refused
     * when looked up.
     *
     * @throws PayrollRulesFileException
     *             naming the file and line of a malformed row, or of two rows of one key in force on a same day
     */
    public ContributionRules rules() {
        return ContributionRules.parse(rows(ContributionRules.GROUPS, ContributionRules.GROUPS_HEADER),
                rows(ContributionRules.RATES, ContributionRules.RATES_HEADER),
                rows(ContributionRules.SOLIDARITY, ContributionRules.SOLIDARITY_HEADER),
                rows(ContributionRules.SURCHARGE, ContributionRules.SURCHARGE_HEADER));
    }

    private java.util.List<ConfigCsv.Row> rows(String file, String header) {
        return ConfigCsv.rowsIfPresent(dir.resolve(file), "the payroll contribution table", header,
                PayrollRulesFileException::new);
    }
}
