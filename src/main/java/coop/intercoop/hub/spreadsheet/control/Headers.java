package coop.intercoop.hub.spreadsheet.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds columns by their header, in any order, in Spanish or English: case, accents, spaces, dots, hyphens and
 * underscores do not matter ({@code Fecha}, {@code FECHA}, {@code date} all find the date column). Columns nobody asked
 * for are ignored with a warning; a required column that is missing, or a column that appears twice, is an error naming
 * it.
 */
public final class Headers {

    /**
     * What a column holds: text (codes, tax ids, CCCs and references among them, whatever the cell's type), amounts or
     * dates. A workbook the import writes back keeps a text column's numbers as text, so 5720001 never reads
     * 5.720.001,00.
     */
    public enum Kind {
        TEXT, AMOUNT, DATE
    }

    /** A column a reader expects: its key, whether it must be there, the headers that name it, and what it holds. */
    public record Column(String key, boolean required, Set<String> names, Kind kind) {
        public Column(String key, boolean required, Set<String> names) {
            this(key, required, names, Kind.TEXT);
        }

        public static Column required(String key, String... names) {
            return new Column(key, true, Set.of(names));
        }

        public static Column optional(String key, String... names) {
            return new Column(key, false, Set.of(names));
        }

        /** This column, holding amounts. */
        public Column amounts() {
            return new Column(key, required, names, Kind.AMOUNT);
        }

        /** This column, holding dates. */
        public Column dates() {
            return new Column(key, required, names, Kind.DATE);
        }
    }

    /** Where each expected column is (0-based); the pipeline warns about the columns left over. */
    public record Mapping(Map<String, Integer> columns) {
        public Integer indexOf(String key) {
            return columns.get(key);
        }
    }

    private Headers() {
    }

    /**
     * Maps a header row.
     *
     * @param header
     *            the header row's cells
     *
     * @throws SpreadsheetRefusedException
     *             naming the missing required columns or a repeated column
     */
    public static Mapping map(XlsxReader.Row header, List<Column> expected) {
        Map<String, Column> byName = byName(expected);
        Map<String, Integer> found = new LinkedHashMap<>();
        for (XlsxReader.Cell cell : header.cells()) {
            String text = Values.text(cell.value());
            Column column = byName.get(normalise(text));
            if (column == null) {
                continue; // the pipeline warns about the columns nobody reads
            }
            if (found.containsKey(column.key())) {
                throw new SpreadsheetRefusedException("refused.header-twice", text, column.key(), header.number());
            } else {
                found.put(column.key(), cell.column());
            }
        }
        List<String> missing = expected.stream().filter(c -> c.required() && !found.containsKey(c.key()))
                .map(c -> c.key() + " (" + c.names().stream().sorted().collect(Collectors.joining(", ")) + ")")
                .toList();
        if (!missing.isEmpty()) {
            throw new SpreadsheetRefusedException("refused.header-missing", header.number(), header.sheet(),
                    String.join("; ", missing), missing.size());
        }
        return new Mapping(Map.copyOf(found));
    }

    /** The column a header names, if any, leniently: a header that is missing or repeated is no matter here. */
    static java.util.Optional<Column> named(String header, List<Column> expected) {
        return java.util.Optional.ofNullable(byName(expected).get(normalise(header)));
    }

    private static Map<String, Column> byName(List<Column> expected) {
        Map<String, Column> byName = new HashMap<>();
        for (Column column : expected) {
            for (String name : column.names()) {
                byName.put(normalise(name), column);
            }
            byName.put(normalise(column.key()), column);
        }
        return byName;
    }

    /** Lower case, no accents, letters and digits only. */
    static String normalise(String header) {
        String decomposed = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
