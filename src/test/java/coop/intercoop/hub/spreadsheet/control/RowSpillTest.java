package coop.intercoop.hub.spreadsheet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import coop.intercoop.hub.spreadsheet.control.XlsxReader.Cell;
import coop.intercoop.hub.spreadsheet.control.XlsxReader.CellValue;
import coop.intercoop.hub.spreadsheet.control.XlsxReader.CellValue.Kind;
import coop.intercoop.hub.spreadsheet.control.XlsxReader.Row;

class RowSpillTest {

    @TempDir
    Path dir;

    private static Cell cell(int column, int row, Kind kind, String raw, boolean date) {
        return new Cell(column, new CellValue(kind, raw, date));
    }

    @Test
    void replaysTheKeptColumnsOfEveryRowAsTheyWereRead() {
        String longText = "ñ€".repeat(40_000);
        List<Row> rows = List.of(
                new Row("Datos", 2,
                        List.of(cell(0, 2, Kind.TEXT, "E1", false), cell(1, 2, Kind.NUMBER, "45678", true),
                                cell(2, 2, Kind.TEXT, "ignored", false), cell(3, 2, Kind.NUMBER, "-125.5", false))),
                new Row("Datos", 7,
                        List.of(cell(0, 7, Kind.BOOLEAN, "TRUE", false), cell(3, 7, Kind.TEXT, longText, false))),
                new Row("Datos", 9, List.of(cell(2, 9, Kind.ERROR, "#DIV/0!", false))));
        List<Row> replayed = new ArrayList<>();
        try (RowSpill spill = RowSpill.create(dir, "Datos", Set.of(0, 1, 3))) {
            rows.forEach(spill::add);
            assertEquals(3, spill.rows());
            spill.replay(replayed::add);
        }

        assertEquals(3, replayed.size());
        assertEquals(
                new Row("Datos", 2,
                        List.of(rows.get(0).cells().get(0), rows.get(0).cells().get(1), rows.get(0).cells().get(3))),
                replayed.get(0));
        assertEquals(rows.get(1), replayed.get(1));
        assertTrue(replayed.get(1).at(3).raw().equals(longText), "a text beyond 64 KiB of UTF-8 comes back whole");
        assertEquals(new Row("Datos", 9, List.of()), replayed.get(2), "a row keeps its number without its columns");
    }

    @Test
    void removesItsWorkFileWhenClosed() throws Exception {
        RowSpill spill = RowSpill.create(dir, "Datos", Set.of(0));
        spill.add(new Row("Datos", 2, List.of(cell(0, 2, Kind.TEXT, "x", false))));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        spill.close();
        try (var files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent());
        }
    }
}
