package coop.intercoop.hub.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a configuration file in {@code config/} (country rules as data: charts, statement models, closing rules),
 * each a line of fields separated by {@code ;}: lines starting with {@code #} and blank lines are skipped, the first
 * other line must be the file's header, and each row keeps its place ({@code file:line}) for the reader's messages. The
 * reader splits the rows itself, since files differ in whether the last field may hold {@code ;}.
 */
public final class ConfigCsv {

    /** A row after the header: its place in the file, for messages, and its text. */
    public record Row(String place, String text) {
    }

    /** The exception a reader throws for a line that breaks its format. */
    @FunctionalInterface
    public interface Refusal {
        RuntimeException at(String place, String problem);
    }

    private ConfigCsv() {
    }

    /**
     * @param where
     *            the file's name, for messages
     *
     * @throws RuntimeException
     *             made by {@code refusal}: for a first line other than {@code header}, or no header at all
     */
    public static List<Row> rows(String where, List<String> text, String header, Refusal refusal) {
        List<Row> rows = new ArrayList<>();
        boolean headed = false;
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i);
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String place = where + ":" + (i + 1);
            if (headed) {
                rows.add(new Row(place, line));
            } else if (header.equals(line.strip())) {
                headed = true;
            } else {
                throw refusal.at(place, "the header must be " + header);
            }
        }
        if (!headed) {
            throw refusal.at(where, "has no header line " + header);
        }
        return rows;
    }
}
