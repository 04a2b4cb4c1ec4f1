package coop.intercoop.hub.payroll.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.payroll.entity.AgreementSalaries;
import coop.intercoop.hub.payroll.entity.AtepPremiums;
import coop.intercoop.hub.payroll.entity.ContractType;
import coop.intercoop.hub.payroll.entity.ExemptSubkey;
import coop.intercoop.hub.payroll.entity.ContributionRules;
import coop.intercoop.hub.payroll.entity.Modelo190Design;
import coop.intercoop.hub.payroll.entity.IrpfRules;
import coop.intercoop.hub.payroll.entity.PayrollRulesFileException;
import coop.intercoop.hub.payroll.entity.PostingAccounts;
import coop.intercoop.hub.payroll.entity.RuleRows;
import coop.intercoop.hub.payroll.entity.OvertimeLimits;
import coop.intercoop.hub.payroll.entity.SickLeaveRules;
import coop.intercoop.hub.platform.ConfigCsv;

/**
 * Reads payroll's rule tables from {@code hub.payroll.dir} (each file's header says what it holds and cites its
 * sources): the Social Security contribution tables, the IRPF withholding tables, the AT/EP premium tariff, the
 * collective agreements' salary tables, the sick-leave benefit by day of leave, the accounts a run posts to, the
 * contract keys and the record design of modelo 190. Each call reads the files again, so a table corrected for a
 * retroactive change (as Real Decreto-ley 3/2026 did for 2026) counts for the next run without a restart; a run reads
 * them once and keeps what it got for all its employees.
 * <p>
 * A contribution, tariff or agreement file the installation lacks is an empty table: a day it should cover answers that
 * no rule is in force. The IRPF files are required: the withholding procedure has no meaning without any of them.
 */
@Dependent
public class PayrollTables {

    static final String IRPF_PARAMETERS = "irpf-parameters.csv";
    static final String IRPF_SCALE = "irpf-scale.csv";
    static final String IRPF_EXCLUSION_LIMITS = "irpf-exclusion-limits.csv";

    private final Path dir;

    @Inject
    public PayrollTables(@ConfigProperty(name = "hub.payroll.dir", defaultValue = "config/payroll") String dir) {
        this.dir = Path.of(dir);
    }

    /**
     * The Social Security contribution tables: {@value ContributionRules#GROUPS}, {@value ContributionRules#RATES},
     * {@value ContributionRules#SOLIDARITY} and {@value ContributionRules#SURCHARGE}.
     *
     * @throws PayrollRulesFileException
     *             naming the file and line of a malformed row, or of two rows of one key in force on a same day
     */
    public ContributionRules contributions() {
        return ContributionRules.parse(rows(ContributionRules.GROUPS, ContributionRules.GROUPS_HEADER),
                rows(ContributionRules.RATES, ContributionRules.RATES_HEADER),
                rows(ContributionRules.SOLIDARITY, ContributionRules.SOLIDARITY_HEADER),
                rows(ContributionRules.SURCHARGE, ContributionRules.SURCHARGE_HEADER));
    }

    /**
     * The IRPF withholding rules in force on a day: {@value #IRPF_PARAMETERS}, {@value #IRPF_SCALE} and
     * {@value #IRPF_EXCLUSION_LIMITS}.
     *
     * @throws PayrollRulesFileException
     *             if a file is missing or breaks its format (naming the line), two rows of one key overlap, or a value
     *             has no row in force that day
     */
    public IrpfRules irpf(LocalDate day) {
        List<IrpfRules.ParameterRow> parameters = required(IRPF_PARAMETERS, IrpfRules.PARAMETERS_HEADER,
                IrpfRules::parameter);
        RuleRows.Overlaps overlaps = new RuleRows.Overlaps();
        parameters.forEach(row -> overlaps.add("the parameter " + row.name().code(), row.validity(), row.place()));
        List<IrpfRules.ScaleRow> scale = required(IRPF_SCALE, IrpfRules.SCALE_HEADER, IrpfRules::scale);
        scale.forEach(row -> overlaps.add("the step from " + row.baseFrom(), row.validity(), row.place()));
        List<IrpfRules.ExclusionRow> limits = required(IRPF_EXCLUSION_LIMITS, IrpfRules.EXCLUSION_HEADER,
                IrpfRules::exclusion);
        limits.forEach(row -> overlaps.add(
                "the limit of situation " + row.situation() + " with " + row.children() + " children", row.validity(),
                row.place()));
        return IrpfRules.on(day, parameters, scale, limits);
    }

    /**
     * The AT/EP premium tariff: {@code atep-activities.csv} (Cuadro I) and {@code atep-occupations.csv} (Cuadro II).
     *
     * @throws PayrollRulesFileException
     *             if a file breaks its format or contradicts itself, naming the line
     */
    public AtepPremiums atepPremiums() {
        return AtepPremiums.parse(rows("atep-activities.csv", AtepPremiums.ACTIVITIES_HEADER),
                rows("atep-occupations.csv", AtepPremiums.OCCUPATIONS_HEADER));
    }

    /**
     * The collective agreements and their salary tables: {@code agreements.csv} and {@code agreement-salaries.csv}.
     *
     * @throws PayrollRulesFileException
     *             if a file breaks its format or contradicts itself, naming the line
     */
    public AgreementSalaries agreementSalaries() {
        return AgreementSalaries.parse(rows("agreements.csv", AgreementSalaries.AGREEMENTS_HEADER),
                rows("agreement-salaries.csv", AgreementSalaries.SALARIES_HEADER));
    }

    /**
     * The accounts a run posts to in each chart template: {@value PostingAccounts#FILE}.
     *
     * @throws PayrollRulesFileException
     *             if the file breaks its format or leaves a concept of a chart without an account, naming the line
     */
    public PostingAccounts postingAccounts() {
        return PostingAccounts.parse(rows(PostingAccounts.FILE, PostingAccounts.HEADER));
    }

    /**
     * The benefit of temporary incapacity for common illness by day of the leave: {@value SickLeaveRules#FILE}.
     *
     * @throws PayrollRulesFileException
     *             if the file breaks its format or contradicts itself, naming the line
     */
    public SickLeaveRules sickLeave() {
        return SickLeaveRules.parse(rows(SickLeaveRules.FILE, SickLeaveRules.HEADER));
    }

    /**
     * The yearly limit of overtime hours: {@value OvertimeLimits#FILE}.
     *
     * @throws PayrollRulesFileException
     *             if the file breaks its format or has two rows in force on a day, naming the line
     */
    public OvertimeLimits overtimeLimits() {
        return OvertimeLimits.parse(rows(OvertimeLimits.FILE, OvertimeLimits.HEADER));
    }

    /**
     * The TGSS's contract keys a contract may carry, by code: {@value ContractType#FILE}.
     *
     * @throws PayrollRulesFileException
     *             if the file breaks its format or repeats a key, naming the line
     */
    public Map<String, ContractType> contractTypes() {
        return ContractType.table(rows(ContractType.FILE, ContractType.HEADER));
    }

    /**
     * The subkeys of key L of modelo 190, by number: {@value ExemptSubkey#FILE}.
     *
     * @throws PayrollRulesFileException
     *             if the file breaks its format, names a subkey key L does not have or repeats one, naming the line
     */
    public Map<Integer, ExemptSubkey> exemptSubkeys() {
        return ExemptSubkey.table(rows(ExemptSubkey.FILE, ExemptSubkey.HEADER));
    }

    /**
     * The AEAT's record design of modelo 190 in force on the year's 1 January: {@value Modelo190Design#FILE}.
     *
     * @throws coop.intercoop.hub.payroll.entity.NoRuleInForceException
     *             if no design is in force on the year's 1 January
     * @throws PayrollRulesFileException
     *             if the file breaks its format or lacks a field the generator writes, naming the line
     */
    public Modelo190Design.Layout modelo190(int year) {
        return Modelo190Design.parse(rows(Modelo190Design.FILE, Modelo190Design.HEADER)).forYear(year);
    }

    private List<ConfigCsv.Row> rows(String file, String header) {
        return ConfigCsv.rowsIfPresent(dir.resolve(file), "the payroll table", header, PayrollRulesFileException::new);
    }

    private <R> List<R> required(String file, String header, BiFunction<String, String, R> parse) {
        if (!Files.isRegularFile(dir.resolve(file))) {
            throw new PayrollRulesFileException(file, "is missing from " + dir.toAbsolutePath());
        }
        return rows(file, header).stream().map(row -> parse.apply(row.place(), row.text())).toList();
    }
}
