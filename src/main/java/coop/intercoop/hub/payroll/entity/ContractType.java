package coop.intercoop.hub.payroll.entity;

import java.util.Locale;

import coop.intercoop.hub.platform.ConfigCsv;

/**
 * A key of the TGSS's table of contract types (clave de contrato), as read from {@value #FILE}: what the contract's
 * duration and working time are, which decide the unemployment rate (open-ended or fixed-term) and whether a part-time
 * coefficient is needed.
 */
public record ContractType(String code, String description, Duration duration, WorkingTime workingTime, Source source) {

    /** The file's header line. */
    public static final String FILE = "contract-types.csv";
    public static final String HEADER = "code;description;duration;working_time;status;source";

    /** Whether the contract has an end set by its cause (fixed-term) or not (open-ended, fijo-discontinuo included). */
    public enum Duration {
        OPEN_ENDED, FIXED_TERM
    }

    /** Full time, part time (a coefficient is required), or either (a coefficient when the contract says so). */
    public enum WorkingTime {
        FULL, PART, EITHER
    }

    /**
     * Every contract type of the file, by code, in the file's order.
     *
     * @throws PayrollRulesFileException
     *             for a row that breaks the file's format or repeats a code, naming its line
     */
    public static java.util.Map<String, ContractType> table(java.util.List<ConfigCsv.Row> rows) {
        java.util.Map<String, ContractType> all = new java.util.LinkedHashMap<>();
        for (ConfigCsv.Row row : rows) {
            ContractType type = parse(row);
            if (all.put(type.code(), type) != null) {
                throw new PayrollRulesFileException(row.place(), "repeats the contract type " + type.code());
            }
        }
        return java.util.Collections.unmodifiableMap(all);
    }

    /**
     * @throws PayrollRulesFileException
     *             for a row that breaks the file's format, naming its line
     */
    public static ContractType parse(ConfigCsv.Row row) {
        String[] fields = row.text().split(";", -1);
        if (fields.length != 6) {
            throw new PayrollRulesFileException(row.place(), "needs the fields " + HEADER);
        }
        String code = fields[0].strip();
        if (!code.matches("\\d{3}")) {
            throw new PayrollRulesFileException(row.place(),
                    "the code is the TGSS key's three digits, not '" + code + "'");
        }
        String description = fields[1].strip();
        if (description.isEmpty()) {
            throw new PayrollRulesFileException(row.place(), "each contract type has a description");
        }
        Duration duration = switch (fields[2].strip()) {
            case "open-ended" -> Duration.OPEN_ENDED;
            case "fixed-term" -> Duration.FIXED_TERM;
            default -> throw new PayrollRulesFileException(row.place(),
                    "the duration is open-ended or fixed-term, not '" + fields[2].strip() + "'");
        };
        WorkingTime workingTime;
        try {
            workingTime = WorkingTime.valueOf(fields[3].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PayrollRulesFileException(row.place(),
                    "the working time is full, part or either, not '" + fields[3].strip() + "'");
        }
        return new ContractType(code, description, duration, workingTime,
                Source.parse(fields[5], fields[4], row.place()));
    }
}
