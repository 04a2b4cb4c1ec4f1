package coop.intercoop.hub.testing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import coop.intercoop.hub.accounting.control.Ledger;
import coop.intercoop.hub.platform.Database;

/**
 * Deployed with the tests' hub only ({@link HubDeployment}): an observer in another component that refuses every entry
 * whose total ends in 13 cents, after the ledger has taken its number, written it and chained it, so that the whole
 * posting has to roll back. It acts only in organisations whose name begins with {@value #ORGANISATION_PREFIX}, so the
 * test classes that share the hub post as the hub as built does.
 */
@ApplicationScoped
public class RefuseMarkedEntries {

    /** The beginning of the name of an organisation whose marked entries are refused. */
    public static final String ORGANISATION_PREFIX = "Refuse marked ";

    static final BigDecimal MARK = new BigDecimal("0.13");

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    private final Map<Long, Boolean> refusing = new ConcurrentHashMap<>();

    /** Whether an entry of this total is refused. */
    public static boolean isMarked(BigDecimal total) {
        return total.remainder(BigDecimal.ONE).compareTo(MARK) == 0;
    }

    void refuse(@Observes Ledger.EntriesPosted posted) {
        for (Ledger.Posted entry : posted.entries()) {
            if (isMarked(entry.total()) && refusing.computeIfAbsent(posted.orgId(), this::named)) {
                throw new MarkedEntryRefused(entry);
            }
        }
    }

    private boolean named(long org) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT name FROM organisation WHERE id = ?")) {
            s.setLong(1, org);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getString(1).startsWith(ORGANISATION_PREFIX);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read organisation " + org, e);
        }
    }

    /** The observer's refusal. */
    public static class MarkedEntryRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MarkedEntryRefused(Ledger.Posted entry) {
            super("Refused by the test observer: entry " + entry.number() + "/" + entry.fiscalYear() + ", total "
                    + entry.total().toPlainString());
        }
    }
}
