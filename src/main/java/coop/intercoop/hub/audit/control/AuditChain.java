package coop.intercoop.hub.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.Jdbc;

/**
 * The audit log's keyed chains: one per organisation (its id) and one for the hub (0), so that an organisation's
 * auditors verify their own log without reading another's and organisations write in parallel. Each event carries its
 * position, the key id, the MAC of the previous event and its own: HMAC-SHA256 with the hub's integrity key over, as
 * UTF-8 and each length-prefixed ({@code <length>:<text>;}), the tag {@code ICH-AUDIT-1}, the key id, the previous MAC
 * (empty for the first), the chain id, the position, the time (ISO-8601, microseconds), actor, organisation id (empty
 * for none), action, object type, object id and detail. Events are appended under a lock of the chain's head row, in
 * the recording transaction, which holds it until it ends. A walk reads the head first and verifies the chain up to it,
 * so events appended meanwhile do not disturb it.
 */
@ApplicationScoped
public class AuditChain implements KeyedChain {

    static final String NAME = "audit";
    private static final int PAGE = 1000;

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    IntegrityKeys keys;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    /** An event to append. */
    public record Event(Instant at, String actor, Long orgId, String action, String objectType, String objectId,
            String detail) {
        long chainId() {
            return orgId == null ? 0 : orgId;
        }
    }

    /** What a walk of a chain found: the first event that no longer matches, if any. */
    public record Result(boolean intact, long eventsChecked, Long firstBrokenId, String reason) {
    }

    private record Walk(Result result, long lastSeq, String lastMac) {
    }

    /** The text an event's MAC is computed over. */
    static String text(int keyId, String previousMac, long chainId, long seq, Event e) {
        StringBuilder text = new StringBuilder(256);
        for (String field : new String[] { "ICH-AUDIT-1", Integer.toString(keyId), previousMac, Long.toString(chainId),
                Long.toString(seq), e.at().toString(), e.actor(), e.orgId() == null ? null : e.orgId().toString(),
                e.action(), e.objectType(), e.objectId(), e.detail() }) {
            String v = field == null ? "" : field;
            text.append(v.length()).append(':').append(v).append(';');
        }
        return text.toString();
    }

    /** Appends the events to their chains, locking each chain's head in the order of its id (no deadlock). */
    public void append(List<Event> events) {
        Map<Long, List<Event>> byChain = new TreeMap<>();
        for (Event e : events) {
            byChain.computeIfAbsent(e.chainId(), k -> new ArrayList<>()).add(e);
        }
        IntegrityKeys.Keyed key = keys.current();
        try (Connection c = dataSource.getConnection()) {
            // outside a JTA transaction the events are written in a local transaction of their own
            boolean ownTransaction = transactions.getTransactionKey() == null;
            if (ownTransaction) {
                c.setAutoCommit(false);
            }
            try {
                for (Map.Entry<Long, List<Event>> chain : byChain.entrySet()) {
                    append(c, key, chain.getKey(), chain.getValue());
                }
                if (ownTransaction) {
                    c.commit();
                }
            } catch (SQLException | RuntimeException e) {
                if (ownTransaction) {
                    c.rollback();
                }
                throw e;
            } finally {
                if (ownTransaction) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new AuditFailure(e);
        }
    }

    /** Locks the head of this chain until the caller's transaction ends. */
    public void lock(long chainId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c
                        .prepareStatement("SELECT last_seq FROM audit_chain WHERE chain_id = ? FOR UPDATE")) {
            s.setLong(1, chainId);
            s.executeQuery().close();
        } catch (SQLException e) {
            throw new AuditFailure(e);
        }
    }

    private static void append(Connection c, IntegrityKeys.Keyed key, long chainId, List<Event> events)
            throws SQLException {
        long seq;
        String previous;
        try (PreparedStatement s = c
                .prepareStatement("SELECT last_seq, last_mac FROM audit_chain WHERE chain_id = ? FOR UPDATE")) {
            s.setLong(1, chainId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("The audit chain " + chainId + " has no head row");
                }
                seq = r.getLong(1);
                previous = r.getString(2);
            }
        }
        try (Jdbc.Batch s = Jdbc.Batch.of(c,
                "INSERT INTO audit_event (occurred_at, actor, org_id, action, "
                        + "object_type, object_id, detail, chain_id, chain_seq, key_id, prev_mac, mac) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Event e : events) {
                seq++;
                String mac = key.hex(text(key.keyId(), previous, chainId, seq, e));
                int p = 1;
                s.setTimestamp(p++, Timestamp.from(e.at()));
                s.setString(p++, e.actor());
                s.setObject(p++, e.orgId());
                s.setString(p++, e.action());
                s.setString(p++, e.objectType());
                s.setString(p++, e.objectId());
                s.setString(p++, e.detail());
                s.setLong(p++, chainId);
                s.setLong(p++, seq);
                s.setInt(p++, key.keyId());
                s.setString(p++, previous);
                s.setString(p++, mac);
                s.add();
                previous = mac;
            }
            s.send();
        }
        try (PreparedStatement s = c
                .prepareStatement("UPDATE audit_chain SET last_seq = ?, last_mac = ? WHERE chain_id = ?")) {
            s.setLong(1, seq);
            s.setString(2, previous);
            s.setLong(3, chainId);
            s.executeUpdate();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Long> chainIds() {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c
                        .prepareStatement("SELECT chain_id FROM audit_chain WHERE last_seq > 0 ORDER BY chain_id");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        } catch (SQLException e) {
            throw new AuditFailure(e);
        }
        return ids;
    }

    @Override
    public Optional<Position> verifiedHead(long chainId, Position from, boolean unkeyedAllowed) {
        Walk walk = walk(chainId, from, Map.of());
        return walk.result().intact() ? Optional.of(new Position(walk.lastSeq(), walk.lastMac())) : Optional.empty();
    }

    /** Verifies the whole chain, and the positions these anchors recorded. */
    public Result verify(long chainId, List<Anchors.Anchor> anchors) {
        Map<Long, Anchors.Anchor> bySeq = new HashMap<>();
        anchors.forEach(a -> bySeq.put(a.seq(), a));
        return walk(chainId, null, bySeq).result();
    }

    private Walk walk(long chainId, Position from, Map<Long, Anchors.Anchor> anchored) {
        try (Connection c = dataSource.getConnection()) {
            return walk(c, chainId, from, anchored);
        } catch (SQLException e) {
            throw new AuditFailure(e);
        }
    }

    private Walk walk(Connection c, long chainId, Position from, Map<Long, Anchors.Anchor> anchored)
            throws SQLException {
        long headSeq = 0;
        String headMac = null;
        try (PreparedStatement s = c
                .prepareStatement("SELECT last_seq, last_mac FROM audit_chain WHERE chain_id = ?")) {
            s.setLong(1, chainId);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    headSeq = r.getLong(1);
                    headMac = r.getString(2);
                }
            }
        }
        String previous = from == null ? null : from.hash();
        long lastSeq = from == null ? 0 : from.seq();
        long checked = 0;
        long anchoredUpTo = anchored.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        Map<Integer, Mac> macs = new HashMap<>();
        while (true) {
            int read = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT id, chain_seq, occurred_at, actor, org_id, action, "
                    + "object_type, object_id, detail, key_id, prev_mac, mac FROM audit_event "
                    + "WHERE chain_id = ? AND chain_seq > ? AND chain_seq <= ? ORDER BY chain_seq LIMIT " + PAGE)) {
                s.setLong(1, chainId);
                s.setLong(2, lastSeq);
                s.setLong(3, Math.max(headSeq, anchoredUpTo));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        read++;
                        long id = r.getLong(1);
                        long seq = r.getLong(2);
                        long org = r.getLong(5);
                        Long orgId = r.wasNull() ? null : org;
                        Event e = new Event(r.getTimestamp(3).toInstant(), r.getString(4), orgId, r.getString(6),
                                r.getString(7), r.getString(8), r.getString(9));
                        int keyId = r.getInt(10);
                        String why = null;
                        if (seq != lastSeq + 1) {
                            return new Walk(
                                    new Result(false, checked, null,
                                            "The audit event at position " + (lastSeq + 1) + " of the log is missing."),
                                    lastSeq, previous);
                        }
                        Mac mac = macs.computeIfAbsent(keyId, k -> keys.mac(k).orElse(null));
                        if (!Objects.equals(r.getString(11), previous)) {
                            why = "its link to the previous event does not match that event's MAC";
                        } else if (mac == null) {
                            why = "it is keyed with key " + keyId + ", which this hub does not hold";
                        } else if (!new IntegrityKeys.Keyed(keyId, mac).hex(text(keyId, previous, chainId, seq, e))
                                .equals(r.getString(12))) {
                            why = "its content no longer matches its MAC: it was changed after it was recorded";
                        } else if (anchored.containsKey(seq) && !anchored.get(seq).hash().equals(r.getString(12))) {
                            why = "its MAC differs from the one anchored outside the database at "
                                    + anchored.get(seq).at() + ": the log was rewritten since";
                        }
                        if (why != null) {
                            return new Walk(
                                    new Result(false, checked, id,
                                            "Audit event " + id + " (position " + seq + "): " + why + "."),
                                    lastSeq, previous);
                        }
                        previous = r.getString(12);
                        lastSeq = seq;
                        checked++;
                    }
                }
            }
            if (read == 0) {
                break;
            }
        }
        if (lastSeq < anchoredUpTo) {
            return new Walk(new Result(false, checked, null,
                    "The audit log ends at position " + lastSeq + " but the anchor of "
                            + anchored.get(anchoredUpTo).at() + " recorded it at position " + anchoredUpTo
                            + ": audit events were removed."),
                    lastSeq, previous);
        }
        if (headSeq != lastSeq || !Objects.equals(headMac, previous)) {
            return new Walk(new Result(false, checked, null, "The audit log should end at position " + headSeq
                    + " but its last event is at position " + lastSeq + "."), lastSeq, previous);
        }
        return new Walk(new Result(true, checked, null, null), lastSeq, previous);
    }

    /** The database failed while the audit log was written or read; the transaction rolls back. */
    public static class AuditFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public AuditFailure(SQLException cause) {
            super("The audit log could not be written or read: " + cause.getMessage(), cause);
        }
    }
}
