package coop.intercoop.hub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class JdbcTest {

    /**
     * The driver sends a batch as one bulk command only when the statement was prepared without generated keys, and the
     * application server's connection wrapper prepares for them unless told otherwise: the kit always tells it.
     */
    @Test
    void aBatchInsertIsPreparedWithoutGeneratedKeys() throws SQLException {
        List<List<Object>> calls = new ArrayList<>();
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    calls.add(List.of(method.getName(), Arrays.asList(args)));
                    return Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] { PreparedStatement.class }, (p, m, a) -> null);
                });
        Jdbc.Batch.of(connection, "INSERT INTO t (a) VALUES (?)");
        assertEquals(List.of(List.of("prepareStatement",
                Arrays.asList("INSERT INTO t (a) VALUES (?)", Statement.NO_GENERATED_KEYS))), calls);
    }

    @Test
    void longListsAreCutIntoInListsInTheirOrder() {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            values.add(i);
        }
        List<List<Integer>> chunks = Jdbc.chunks(values);
        assertEquals(List.of(500, 500, 1), chunks.stream().map(List::size).toList());
        assertEquals(1_000, chunks.get(2).get(0));
        assertEquals("?, ?, ?", Jdbc.placeholders(3));
    }

    /** What the statements of one connection were asked to do, as "sql: call" lines. */
    private static Connection recording(List<String> log) {
        return (Connection) Proxy.newProxyInstance(JdbcTest.class.getClassLoader(), new Class<?>[] { Connection.class },
                (proxy, method, args) -> {
                    String sql = (String) args[0];
                    return Proxy.newProxyInstance(JdbcTest.class.getClassLoader(),
                            new Class<?>[] { PreparedStatement.class }, (p, m, a) -> {
                                if (m.getName().equals("addBatch") || m.getName().equals("executeBatch")) {
                                    log.add(sql + ": " + m.getName());
                                }
                                return m.getName().equals("executeBatch") ? new int[0] : null;
                            });
                });
    }

    /**
     * A batch goes to the database once its rows reach the command size, counted from the values set (a number at most
     * {@code VALUE_BYTES}, a text its UTF-8 bytes and their length), so that the driver's command stays in its 128 KiB
     * buffer; the rest goes on send, and a send with nothing added sends nothing.
     */
    @Test
    void aBatchIsSentOnceItsRowsReachTheCommandSize() throws SQLException {
        List<String> log = new ArrayList<>();
        String text = "é".repeat(1_000); // 2,000 bytes in UTF-8, 2,004 with its length
        int perRow = 2 * Jdbc.Batch.VALUE_BYTES + 2_004;
        int rowsPerCommand = (Jdbc.COMMAND_BYTES + perRow - 1) / perRow;
        try (Jdbc.Batch batch = Jdbc.Batch.of(recording(log), "T")) {
            for (int i = 0; i < rowsPerCommand + 1; i++) {
                batch.setLong(1, i).setBigDecimal(2, BigDecimal.ONE).setString(3, text);
                batch.add();
            }
            assertEquals(rowsPerCommand + 1, log.stream().filter(e -> e.endsWith("addBatch")).count());
            assertEquals(rowsPerCommand, log.indexOf("T: executeBatch"), "sent right after the row that filled it");
            batch.send();
            batch.send();
        }
        assertEquals(2, log.stream().filter(e -> e.endsWith("executeBatch")).count());
        assertTrue(rowsPerCommand * perRow < 128 * 1024, "a command stays in the driver's 128 KiB buffer");
    }

    /** Shares refer to their lines: the batch made after another sends the other's rows first, every time. */
    @Test
    void aBatchMadeAfterAnotherSendsTheOthersRowsFirst() throws SQLException {
        List<String> log = new ArrayList<>();
        Connection c = recording(log);
        try (Jdbc.Batch lines = Jdbc.Batch.of(c, "lines");
                Jdbc.Batch shares = Jdbc.Batch.after(lines, c, "shares")) {
            lines.setLong(1, 1);
            lines.add();
            shares.setString(1, "x");
            shares.add();
            shares.send();
            lines.setLong(1, 2);
            lines.add();
            lines.send();
        }
        assertEquals(List.of("lines: addBatch", "shares: addBatch", "lines: executeBatch", "shares: executeBatch",
                "lines: addBatch", "lines: executeBatch"), log);
    }
}
