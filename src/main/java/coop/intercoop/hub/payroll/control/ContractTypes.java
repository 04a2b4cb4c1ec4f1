package coop.intercoop.hub.payroll.control;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.payroll.entity.ContractType;
import coop.intercoop.hub.payroll.entity.PayrollRulesFileException;
import coop.intercoop.hub.platform.ConfigCsv;

/**
 * The TGSS's contract type keys a contract may carry ({@value #FILE} in {@code hub.payroll.dir}, header
 * {@link ContractType#HEADER}; the file's header lines cite the table and say what was derived).
 */
@Dependent
public class ContractTypes {

    static final String FILE = "contract-types.csv";

    private final Path dir;

    @Inject
    public ContractTypes(@ConfigProperty(name = "hub.payroll.dir", defaultValue = "config/payroll") String dir) {
        this.dir = Path.of(dir);
    }

    /**
     * @throws PayrollRulesFileException
     *             if the file breaks its format, naming the line
     */
    public Optional<ContractType> of(String code) {
        return Optional.ofNullable(all().get(code == null ? null : code.strip()));
    }

    /**
     * Every contract type, by code, in the file's order.
     *
     * @throws PayrollRulesFileException
     *             if the file breaks its format or repeats a code, naming the line
     */
    public Map<String, ContractType> all() {
        Map<String, ContractType> all = new LinkedHashMap<>();
        for (ConfigCsv.Row row : ConfigCsv.rowsIfPresent(dir.resolve(FILE), "the contract types", ContractType.HEADER,
                PayrollRulesFileException::new)) {
            ContractType type = ContractType.parse(row);
            if (all.put(type.code(), type) != null) {
                throw new PayrollRulesFileException(row.place(), "repeats the contract type " + type.code());
            }
        }
        return all;
    }
}
