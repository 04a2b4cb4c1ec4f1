package coop.intercoop.hub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * The rows of a file an installation may leave out: none when there is no such file.
     *
     * @param what
     *            what the file holds, for the message of a file that cannot be read
     *
     * @throws RuntimeException
     *             made by {@code refusal}: for a first line other than {@code header}, or no header at all
     */
    public static List<Row> rowsIfPresent(Path file, String what, String header, Refusal refusal) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return rows(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8), header,
                    refusal);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + what + " " + file.toAbsolutePath(), e);
        }
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
