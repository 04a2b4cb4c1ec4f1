package coop.intercoop.hub.accounting.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;

import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.InvalidEntryException;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.JsonBodies;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * Entries being prepared in the checked organisation. A draft is not a legal record: it may be incomplete or
 * unbalanced, it is kept as the JSON it was sent as, and it may be changed or discarded. Posting a draft runs every
 * check of the {@link Ledger} and removes the draft in the same transaction.
 */
@Dependent
public class Drafts {

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    Caller caller;

    @Inject
    Ledger ledger;

    @Inject
    AuditTrail audit;

    public record Draft(long id, int version, Instant updatedAt, EntryDraft entry) {
    }

    public List<Draft> all() {
        List<Draft> drafts = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT id, version, updated_at, content FROM draft_entry WHERE org_id = ? ORDER BY entry_date, id")) {
            s.setLong(1, tenant.id());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    drafts.add(draft(r));
                }
            }
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
        return drafts;
    }

    /**
     * @throws NotFoundException
     *             if the organisation has no such draft
     */
    public Draft find(long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT id, version, updated_at, content FROM draft_entry WHERE org_id = ? AND id = ?")) {
            s.setLong(1, tenant.id());
            s.setLong(2, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new NotFoundException("draft", String.valueOf(id));
                }
                return draft(r);
            }
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /** Saves a new draft; it needs a date, a journal and a description, the rest may still be missing. */
    public Draft create(EntryDraft entry) {
        checkHeader(entry);
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO draft_entry (org_id, entry_date, journal, description, content, created_by, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        PreparedStatement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, tenant.id());
            s.setDate(2, Date.valueOf(entry.getDate()));
            s.setString(3, entry.journal().name());
            s.setString(4, entry.getDescription().strip());
            s.setString(5, JsonBodies.JSON.toJson(entry.content()));
            s.setLong(6, caller.user().getId());
            s.setTimestamp(7, Timestamp.from(now));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                audit.record(tenant.id(), "accounting.draft-saved", "draft", String.valueOf(id),
                        entry.getDate() + ", " + entry.getDescription().strip());
                return new Draft(id, 0, now, entry.content());
            }
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /**
     * Replaces a draft's content; {@code expectedVersion} is the version read.
     *
     * @throws OptimisticLockException
     *             if someone changed, posted or discarded it meanwhile
     */
    public Draft update(long id, int expectedVersion, EntryDraft entry) {
        checkHeader(entry);
        find(id);
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE draft_entry SET entry_date = ?, journal = ?, description = ?, content = ?, updated_at = ?, "
                                + "version = version + 1 WHERE org_id = ? AND id = ? AND version = ?")) {
            s.setDate(1, Date.valueOf(entry.getDate()));
            s.setString(2, entry.journal().name());
            s.setString(3, entry.getDescription().strip());
            s.setString(4, JsonBodies.JSON.toJson(entry.content()));
            s.setTimestamp(5, Timestamp.from(now));
            s.setLong(6, tenant.id());
            s.setLong(7, id);
            s.setInt(8, expectedVersion);
            if (s.executeUpdate() == 0) {
                throw new OptimisticLockException("draft " + id);
            }
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
        audit.record(tenant.id(), "accounting.draft-saved", "draft", String.valueOf(id),
                entry.getDate() + ", " + entry.getDescription().strip());
        return new Draft(id, expectedVersion + 1, now, entry.content());
    }

    public void discard(long id) {
        find(id);
        remove(id, null);
        audit.record(tenant.id(), "accounting.draft-discarded", "draft", String.valueOf(id), null);
    }

    /** Posts a draft with every check of the ledger and removes it, in one transaction. */
    public Ledger.Posted post(long id, Ledger.SoftLockOverride override) {
        Draft draft = find(id);
        Ledger.Posted posted = ledger.post(draft.entry(), override);
        remove(id, draft.version());
        return posted;
    }

    private void remove(long id, Integer version) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM draft_entry WHERE org_id = ? AND id = ?"
                        + (version == null ? "" : " AND version = ?"))) {
            s.setLong(1, tenant.id());
            s.setLong(2, id);
            if (version != null) {
                s.setInt(3, version);
            }
            if (s.executeUpdate() == 0) {
                throw new OptimisticLockException("draft " + id);
            }
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    private static void checkHeader(EntryDraft entry) {
        if (entry.getDate() == null) {
            throw new InvalidEntryException("date", "draft.date");
        }
        entry.journal();
        if (entry.getDescription() == null || entry.getDescription().isBlank()
                || entry.getDescription().strip().length() > EntryDraft.MAX_DESCRIPTION) {
            throw new InvalidEntryException("description", "draft.description", EntryDraft.MAX_DESCRIPTION);
        }
    }

    private static Draft draft(ResultSet r) throws SQLException {
        return new Draft(r.getLong(1), r.getInt(2), r.getTimestamp(3).toInstant(),
                JsonBodies.JSON.fromJson(r.getString(4), EntryDraft.class));
    }

}
