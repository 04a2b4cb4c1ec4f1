package coop.intercoop.hub.spreadsheet.entity;

import java.util.Arrays;
import java.util.stream.Collectors;

import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.HubException;

/** What an import job does with a workbook once every row is checked. */
public enum ImportMode {
    /** A dry run: check every row, write nothing. */
    VALIDATE("validate"),
    /** Write everything or, if any row has an error, nothing (the default). */
    ALL_OR_NOTHING("all-or-nothing"),
    /** Write the rows without errors (and, where rows form groups such as entries, the groups without errors). */
    VALID_ROWS("valid-rows");

    public final String apiName;

    ImportMode(String apiName) {
        this.apiName = apiName;
    }

    /** The mode named in a request; no name means all-or-nothing. */
    public static ImportMode of(String name) {
        if (name == null || name.isBlank()) {
            return ALL_OR_NOTHING;
        }
        for (ImportMode mode : values()) {
            if (mode.apiName.equalsIgnoreCase(name.strip()) || mode.name().equalsIgnoreCase(name.strip())) {
                return mode;
            }
        }
        throw new UnknownModeException(name);
    }

    public static class UnknownModeException extends HubException {
        private static final long serialVersionUID = 1L;

        public UnknownModeException(String name) {
            super(Kind.INVALID, "mode",
                    new HubTexts.Text("coop.intercoop.hub.spreadsheet.control.imports", "mode.unknown", name,
                            Arrays.stream(values()).map(m -> m.apiName).collect(Collectors.joining(", "))));
        }
    }
}
