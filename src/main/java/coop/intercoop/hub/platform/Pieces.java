package coop.intercoop.hub.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * A file kept in the database in pieces, so that a file of any size goes through any server's
 * {@code max_allowed_packet} and any hub node reads it: rows of a table keyed by the file's owner and a piece number,
 * each piece a {@code MEDIUMBLOB} of at most {@link #SIZE} bytes. The table's columns are named by the caller, its key
 * values bound in the order given; every statement names them all (DESIGN rule 1: the organisation where there is one).
 */
public final class Pieces {

    /**
     * The size of a piece. Connector/J sends a piece escaped in its text protocol and first makes room for twice the
     * piece's length (every byte might need escaping): pieces of 96 KiB made it take a 1 MiB buffer for each, a
     * humongous object for the collector (see {@link Jdbc#COMMAND_BYTES}). Twice a piece of 60 KiB stays in the
     * driver's 128 KiB buffer.
     */
    public static final int SIZE = 60 * 1024;

    private final String table;
    private final List<String> keys;
    private final String number;
    private final String data;

    /**
     * @param table
     *            the table of the pieces
     * @param keys
     *            the columns that name the file's owner
     * @param number
     *            the column of the piece's number, from 0
     * @param data
     *            the column of the piece's bytes
     */
    public Pieces(String table, List<String> keys, String number, String data) {
        this.table = table;
        this.keys = List.copyOf(keys);
        this.number = number;
        this.data = data;
    }

    /** Stores the file read from {@code file} to its end, on the connection given; answers its size in bytes. */
    public long store(Connection c, InputStream file, Object... owner) throws SQLException {
        String columns = String.join(", ", keys) + ", " + number + ", " + data;
        String marks = "?, ".repeat(keys.size() + 1) + "?";
        long size = 0;
        try (PreparedStatement s = c
                .prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
            byte[] buffer = new byte[SIZE];
            int piece = 0;
            for (int n; (n = file.readNBytes(buffer, 0, SIZE)) > 0;) {
                bind(s, owner);
                s.setInt(owner.length + 1, piece++);
                s.setBytes(owner.length + 2, n == SIZE ? buffer : Arrays.copyOf(buffer, n));
                s.executeUpdate();
                size += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return size;
    }

    /** Writes the file to {@code out}, piece by piece, on the connection given. */
    public void copy(Connection c, OutputStream out, Object... owner) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT " + data + " FROM " + table + " WHERE " + where() + " AND " + number + " = ?")) {
            for (int piece = 0;; piece++) {
                bind(s, owner);
                s.setInt(owner.length + 1, piece);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return;
                    }
                    out.write(r.getBytes(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the file's pieces, on the connection given. */
    public void delete(Connection c, Object... owner) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE " + where())) {
            bind(s, owner);
            s.executeUpdate();
        }
    }

    private String where() {
        return String.join(" AND ", keys.stream().map(k -> k + " = ?").toList());
    }

    private void bind(PreparedStatement s, Object... owner) throws SQLException {
        if (owner.length != keys.size()) {
            throw new IllegalArgumentException("The pieces of " + table + " are keyed by " + keys);
        }
        for (int i = 0; i < owner.length; i++) {
            s.setObject(i + 1, owner[i]);
        }
    }
}
