package coop.intercoop.hub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
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
        Jdbc.batchInsert(connection, "INSERT INTO t (a) VALUES (?)");
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
}
