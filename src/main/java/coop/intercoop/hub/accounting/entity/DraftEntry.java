package coop.intercoop.hub.accounting.entity;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

import coop.intercoop.hub.platform.JsonBodies;

/**
 * An entry being prepared. Not a legal record: it may be incomplete or unbalanced, its content is kept as the JSON the
 * API and the portal send, and it may be changed or discarded; only its date, journal and description are required, so
 * that it can be listed. Its version guards against two people changing it at once: a change or removal of a version
 * someone else has replaced is refused ({@link jakarta.persistence.OptimisticLockException}).
 */
@Entity
@Table(name = "draft_entry")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "org_id")
@NamedQuery(name = DraftEntry.ALL, query = "SELECT d FROM DraftEntry d ORDER BY d.entryDate, d.id")
@NamedQuery(name = DraftEntry.BY_ID, query = "SELECT d FROM DraftEntry d WHERE d.id = :id")
public class DraftEntry {

    public static final String ALL = "DraftEntry.all";
    public static final String BY_ID = "DraftEntry.byId";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "entry_date")
    private LocalDate entryDate;

    private String journal;

    private String description;

    private String content;

    @Column(name = "created_by")
    private long createdBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private int version;

    protected DraftEntry() {
    }

    /**
     * @throws InvalidEntryException
     *             if the entry has no date, no journal or no description
     */
    public DraftEntry(EntryDraft entry, long createdBy, Instant now) {
        this.createdBy = createdBy;
        write(entry, now);
    }

    /**
     * Replaces the draft's content.
     *
     * @throws InvalidEntryException
     *             if the entry has no date, no journal or no description
     */
    public void write(EntryDraft entry, Instant now) {
        if (entry.getDate() == null) {
            throw new InvalidEntryException("date", "draft.date");
        }
        Journal checked = entry.journal();
        if (entry.getDescription() == null || entry.getDescription().isBlank()
                || entry.getDescription().strip().length() > EntryDraft.MAX_DESCRIPTION) {
            throw new InvalidEntryException("description", "draft.description", EntryDraft.MAX_DESCRIPTION);
        }
        entryDate = entry.getDate();
        journal = checked.name();
        description = entry.getDescription().strip();
        content = JsonBodies.JSON.toJson(entry.content());
        updatedAt = now;
    }

    /** The entry as it was saved. */
    public EntryDraft entry() {
        return JsonBodies.JSON.fromJson(content, EntryDraft.class);
    }

    public Long getId() {
        return id;
    }

    public LocalDate getEntryDate() {
        return entryDate;
    }

    public String getDescription() {
        return description;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public int getVersion() {
        return version;
    }
}
