package coop.intercoop.hub.accounting.entity;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How far a trial balance rolls accounts up: to the nine groups of the cuadro de cuentas (first digit), to the
 * three-digit accounts, or not at all (posting accounts).
 */
@Schema(type = SchemaType.STRING, enumeration = { "group", "3", "posting" }, description = "As the API writes it: "
        + "group, 3 (three-digit accounts) or posting")
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
     * The level a parameter names by its code, in any case; null when the text is blank, so that an absent or empty
     * parameter takes its default ({@code @DefaultValue("3")}). The JAX-RS runtime converts a query parameter with it.
     *
     * @throws InvalidReportException
     *             naming the parameter {@code level} and the codes there are, if the text is none of them
     */
    public static ReportLevel fromString(String text) {
        if (text == null || text.isBlank()) {
            return null;
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
