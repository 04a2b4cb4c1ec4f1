package coop.intercoop.hub.spreadsheet.control;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import coop.intercoop.hub.spreadsheet.control.XlsxReader.Cell;
import coop.intercoop.hub.spreadsheet.control.XlsxReader.CellValue;
import coop.intercoop.hub.spreadsheet.control.XlsxReader.Row;

/**
 * The rows of a sheet as the first pass read them, kept in a work file so that the second pass replays them instead of
 * parsing the workbook again: only the columns the importer reads, each value as stored (kind, raw text, date
 * formatting), so the second pass converts exactly what the first one checked. Written and read sequentially through
 * buffers; the memory it takes does not grow with the sheet.
 */
final class RowSpill implements AutoCloseable {

    private static final CellValue.Kind[] KINDS = CellValue.Kind.values();

    private final Path file;
    private final String sheet;
    private final int[] columns;
    private DataOutputStream out;
    private long rows;

    private RowSpill(Path file, String sheet, Collection<Integer> columns) throws IOException {
        this.file = file;
        this.sheet = sheet;
        this.columns = columns.stream().mapToInt(Integer::intValue).sorted().toArray();
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    /** A new work file in {@code directory} for the rows of {@code sheet}, keeping the given (0-based) columns. */
    static RowSpill create(Path directory, String sheet, Collection<Integer> columns) {
        try {
            return new RowSpill(Files.createTempFile(Files.createDirectories(directory), "import-rows-", ".bin"), sheet,
                    columns);
        } catch (IOException e) {
            throw new UncheckedIOException("The import's work file could not be created", e);
        }
    }

    /** Keeps one row (its kept columns). */
    void add(Row row) {
        try {
            List<Cell> cells = row.cells();
            int kept = 0;
            for (Cell cell : cells) {
                if (keeps(cell.column())) {
                    kept++;
                }
            }
            out.writeInt(row.number());
            out.writeShort(kept);
            for (Cell cell : cells) {
                if (keeps(cell.column())) {
                    CellValue value = cell.value();
                    out.writeShort(cell.column());
                    out.writeByte(value.kind().ordinal() | (value.dateFormatted() ? 0x80 : 0));
                    byte[] raw = value.raw().getBytes(StandardCharsets.UTF_8);
                    out.writeInt(raw.length);
                    out.write(raw);
                }
            }
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("The import's work file could not be written", e);
        }
    }

    private boolean keeps(int column) {
        for (int c : columns) {
            if (c == column) {
                return true;
            }
        }
        return false;
    }

    /** How many rows were kept. */
    long rows() {
        return rows;
    }

    /** Hands the kept rows to the handler, in the order they were kept. */
    void replay(XlsxReader.RowHandler handler) {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
            try (DataInputStream in = new DataInputStream(
                    new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                for (long n = 0; n < rows; n++) {
                    int number = in.readInt();
                    int count = in.readShort();
                    List<Cell> cells = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        int column = in.readShort();
                        int kind = in.readByte();
                        byte[] raw = new byte[in.readInt()];
                        in.readFully(raw);
                        cells.add(new Cell(column, new CellValue(KINDS[kind & 0x7f],
                                new String(raw, StandardCharsets.UTF_8), (kind & 0x80) != 0)));
                    }
                    handler.row(new Row(sheet, number, cells));
                }
            }
        } catch (EOFException e) {
            throw new IllegalStateException("The import's work file " + file + " ends before its " + rows + " rows", e);
        } catch (IOException e) {
            throw new UncheckedIOException("The import's work file could not be read", e);
        }
    }

    /** Removes the work file. */
    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The import's work file " + file + " could not be removed", e);
        }
    }
}
