package coop.intercoop.hub.payroll.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import coop.intercoop.hub.platform.ConfigCsv;

/**
 * A subkey of perception key L of modelo 190 (rentas exentas y dietas exceptuadas de gravamen), as read from
 * {@value #FILE}: what the subkey declares, in the order's words. Which subkeys exist is {@link Perception}'s rule; the
 * file names them.
 */
public record ExemptSubkey(int subkey, String description, Source source) {

    public static final String FILE = "modelo-190-exempt-subkeys.csv";
    public static final String HEADER = "subkey;description;status;source";

    /**
     * Every subkey of the file, by number, in the file's order.
     *
     * @throws PayrollRulesFileException
     *             for a row that breaks the file's format, names a subkey key L does not have or repeats one, naming
     *             its line
     */
    public static Map<Integer, ExemptSubkey> table(List<ConfigCsv.Row> rows) {
        Map<Integer, ExemptSubkey> all = new LinkedHashMap<>();
        for (ConfigCsv.Row row : rows) {
            ExemptSubkey subkey = parse(row);
            if (all.put(subkey.subkey(), subkey) != null) {
                throw new PayrollRulesFileException(row.place(), "repeats the subkey " + subkey.subkey());
            }
        }
        return Collections.unmodifiableMap(all);
    }

    private static ExemptSubkey parse(ConfigCsv.Row row) {
        String[] fields = row.text().split(";", -1);
        if (fields.length != 4) {
            throw new PayrollRulesFileException(row.place(), "needs the fields " + HEADER);
        }
        String number = fields[0].strip();
        if (!number.matches("\\d{2}")) {
            throw new PayrollRulesFileException(row.place(), "the subkey is two digits, not '" + number + "'");
        }
        int subkey = Integer.parseInt(number);
        if (Perception.exemptSubkeyRefusal(false, subkey).isPresent()) {
            throw new PayrollRulesFileException(row.place(), "key L of modelo 190 has no subkey " + number);
        }
        String description = fields[1].strip();
        if (description.isEmpty()) {
            throw new PayrollRulesFileException(row.place(), "each subkey has a description");
        }
        return new ExemptSubkey(subkey, description, Source.parse(fields[3], fields[2], row.place()));
    }

    /** The subkey as the design writes it, two digits. */
    public String code() {
        return String.format("%02d", subkey);
    }

    /** The subkey and the start of its description, for a list to choose from; the order's words are Spanish. */
    public String label() {
        String text = description.length() <= LABEL ? description : description.substring(0, LABEL - 1) + "…";
        return code() + " · " + text;
    }

    private static final int LABEL = 70;
}
