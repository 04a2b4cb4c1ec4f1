package coop.intercoop.hub.accounting.entity;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How far a trial balance rolls accounts up: to the nine groups of the cuadro de cuentas (first digit), to the
 * three-digit accounts, or not at all (posting accounts).
 */
public enum ReportLevel {
    GROUP("group"), THREE_DIGITS("3"), POSTING("posting");

    private final String code;

    ReportLevel(String code) {
        this.code = code;
    }

    /** As written in the API: {@code group}, {@code 3} or {@code posting}. */
    public String code() {
        return code;
    }

    /**
     * @throws InvalidReportException
     *             naming the parameter {@code level} if the text is none of the codes
     */
    public static ReportLevel of(String text) {
        if (text == null || text.isBlank()) {
            return THREE_DIGITS;
        }
        return Arrays.stream(values()).filter(l -> l.code.equalsIgnoreCase(text.strip())).findFirst()
                .orElseThrow(() -> new InvalidReportException("level", "report.level", text,
                        Arrays.stream(values()).map(ReportLevel::code).collect(Collectors.joining(", "))));
    }

    /** The code of the row a posting account's figures go to at this level. */
    public String rowOf(String accountCode) {
        return switch (this) {
            case GROUP -> accountCode.substring(0, 1);
            case THREE_DIGITS -> accountCode.length() > 3 ? accountCode.substring(0, 3) : accountCode;
            case POSTING -> accountCode;
        };
    }
}
