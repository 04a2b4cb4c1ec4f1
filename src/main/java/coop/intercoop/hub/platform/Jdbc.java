package coop.intercoop.hub.platform;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The small kit every control that writes or reads in bulk over JDBC shares: batch inserts sent as bulk commands of a
 * bounded size ({@link Batch}), the placeholders of an {@code IN} list, a long list cut into such lists, and SQL dates
 * as the books' dates. The statements themselves, and their organisation predicate, stay in the control that owns the
 * table.
 */
public final class Jdbc {

    /** The most values one {@code IN (…)} list carries. */
    public static final int IN_LIST = 500;

    /**
     * The most bytes a bulk command carries, less room for its last row: a {@link Batch} is sent once its rows reach
     * this many. Connector/J builds a command in a buffer that grows from 8 KiB to 128 KiB, 1 MiB and 16 MiB, and drops
     * it for an 8 KiB one after any command of less than half its size, so a writer that alternates large batches with
     * small queries allocates the large buffer again for every batch. On heaps under 2 GiB the collector's regions are
     * 1 MiB, and an array of half a region or more is a humongous object: allocated straight into the old generation,
     * and each one allocated with the heap above the collector's threshold starts a concurrent marking cycle. Batches
     * of 640 KiB kept such cycles running back to back through a 1,000,000-line import, one of the machine's two cores
     * marking (README, Performance). Commands of at most 128 KiB stay in the 128 KiB buffer, at any heap size.
     */
    public static final int COMMAND_BYTES = 112 * 1024;

    private Jdbc() {
    }

    /** {@code ?, ?, …}: {@code n} placeholders for an {@code IN} list. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** The values in lists of at most {@link #IN_LIST}, in their order. */
    public static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IN_LIST)));
        }
        return chunks;
    }

    /**
     * A statement for a batch of inserts. It says it wants no generated keys: through the application server's
     * connection wrapper a statement prepared without saying so is prepared for them, and the driver then sends each
     * row of a batch as a statement of its own instead of one bulk command (a payroll run's 150,000 rows took 9 s
     * instead of 3 s; README, Performance).
     */
    private static PreparedStatement batchInsert(Connection c, String sql) throws SQLException {
        return c.prepareStatement(sql, Statement.NO_GENERATED_KEYS);
    }

    /**
     * A batch insert sent as bulk commands of about {@link #COMMAND_BYTES}: its values are set through it, which counts
     * what each takes in the command (a number, date or time at most {@value #VALUE_BYTES} bytes, a text its UTF-8
     * bytes and their length), and {@link #add} sends the batch once its rows reach that size. {@link #send} sends the
     * rest. A batch made {@link #after} another sends the other's rows before its own, for rows that refer to them.
     */
    public static final class Batch implements AutoCloseable {

        /**
         * The most bytes a number, date or time takes in a bulk command, with its indicator and length: an amount of
         * {@code DECIMAL(19,2)} goes as text, up to 21 characters with its sign.
         */
        static final int VALUE_BYTES = 24;

        private final PreparedStatement statement;
        private final Batch first;
        private int bytes;
        private int rows;

        private Batch(PreparedStatement statement, Batch first) {
            this.statement = statement;
            this.first = first;
        }

        /** A batch of the insert {@code sql} ({@link #batchInsert}). */
        public static Batch of(Connection c, String sql) throws SQLException {
            return new Batch(batchInsert(c, sql), null);
        }

        /** A batch whose rows refer to {@code first}'s: before it is sent, {@code first} sends the rows it holds. */
        public static Batch after(Batch first, Connection c, String sql) throws SQLException {
            return new Batch(batchInsert(c, sql), first);
        }

        public Batch setLong(int index, long value) throws SQLException {
            statement.setLong(index, value);
            bytes += VALUE_BYTES;
            return this;
        }

        public Batch setInt(int index, int value) throws SQLException {
            statement.setInt(index, value);
            bytes += VALUE_BYTES;
            return this;
        }

        public Batch setBoolean(int index, boolean value) throws SQLException {
            statement.setBoolean(index, value);
            bytes += VALUE_BYTES;
            return this;
        }

        /** A number, date, time or {@code null} (not a text: {@link #setString}). */
        public Batch setObject(int index, Object value) throws SQLException {
            if (value instanceof CharSequence) {
                throw new IllegalArgumentException("a text goes through setString");
            }
            statement.setObject(index, value);
            bytes += VALUE_BYTES;
            return this;
        }

        public Batch setBigDecimal(int index, BigDecimal value) throws SQLException {
            statement.setBigDecimal(index, value);
            bytes += VALUE_BYTES;
            return this;
        }

        public Batch setTimestamp(int index, Timestamp value) throws SQLException {
            statement.setTimestamp(index, value);
            bytes += VALUE_BYTES;
            return this;
        }

        public Batch setString(int index, String value) throws SQLException {
            statement.setString(index, value);
            bytes += value == null ? 1 : 4 + utf8Length(value);
            return this;
        }

        /** Adds the row whose values were set, and sends the batch once its rows reach {@link #COMMAND_BYTES}. */
        public void add() throws SQLException {
            statement.addBatch();
            rows++;
            if (bytes >= COMMAND_BYTES) {
                send();
            }
        }

        /** Sends the rows added since the last command, if any (after those of the batch this one follows). */
        public void send() throws SQLException {
            if (first != null) {
                first.send();
            }
            if (rows > 0) {
                statement.executeBatch();
            }
            rows = 0;
            bytes = 0;
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }

        private static int utf8Length(String text) {
            int length = text.length();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    length += c >= 0x800 && !Character.isSurrogate(c) ? 2 : 1;
                }
            }
            return length;
        }
    }

    /** A SQL date as a date of the books; {@code null} stays {@code null}. */
    public static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** Makes one value of a result's current row. */
    @FunctionalInterface
    public interface Row<T> {
        T of(java.sql.ResultSet row) throws SQLException;
    }

    /**
     * Runs one query with its parameters bound in order, on a connection of its own (which joins the caller's
     * transaction where there is one); answers a value of each row, in the result's order.
     *
     * @throws SQLException
     *             as the database answered, for the caller to say what could not be read
     */
    public static <T> List<T> query(javax.sql.DataSource dataSource, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (java.sql.ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(row.of(r));
                }
            }
            return rows;
        }
    }

    /**
     * Runs one statement with its parameters bound in order, on a connection of its own (which joins the caller's
     * transaction where there is one); answers how many rows it changed.
     *
     * @throws SQLException
     *             as the database answered, for the caller to say what could not be written
     */
    public static int update(javax.sql.DataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }
}
