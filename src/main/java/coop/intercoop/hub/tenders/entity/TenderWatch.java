package coop.intercoop.hub.tenders.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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

import coop.intercoop.hub.platform.Refusals;

/**
 * A filter an organisation's tender-managers save under a name: what they look for among the tenders (its parts are a
 * {@link TenderFilter}'s, with its rules), and when the watch was last looked at: the tenders the hub read after that
 * are new to it. Tenant-scoped.
 */
@Entity
@Table(name = "tender_watch")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "org_id")
@NamedQuery(name = TenderWatch.ALL, query = "SELECT w FROM TenderWatch w ORDER BY w.name")
public class TenderWatch {

    public static final String ALL = "TenderWatch.all";
    public static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String statuses;
    @Column(name = "cpv_prefixes")
    private String cpvPrefixes;
    @Column(name = "nuts_prefixes")
    private String nutsPrefixes;
    @Column(name = "min_value")
    private BigDecimal minValue;
    @Column(name = "max_value")
    private BigDecimal maxValue;
    @Column(name = "reserved_only")
    private boolean reservedOnly;
    private String words;
    @Column(name = "seen_at")
    private Instant seenAt;
    @Column(name = "created_by")
    private long createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private int version;

    protected TenderWatch() {
    }

    /**
     * A watch that has seen what the hub read before {@code now}.
     *
     * @throws InvalidTenderInputException
     *             for a name of 1 to {@value #MAX_NAME} characters missing, and for each part of the filter that cannot
     *             filter, all at once
     */
    public TenderWatch(String name, Filter filter, long userId, Instant now) {
        change(name, filter);
        this.seenAt = now;
        this.createdBy = userId;
        this.createdAt = now;
    }

    /**
     * What a watch looks for: a {@link TenderFilter}'s parts but the deadlines and open-only, which depend on the day
     * the watch is looked at.
     */
    public record Filter(List<String> statuses, List<String> cpvPrefixes, List<String> nutsPrefixes,
            Optional<BigDecimal> minValue, Optional<BigDecimal> maxValue, boolean reservedOnly,
            Optional<String> words) {

        /** The filter of the tenders still published (not taken out of the feed). */
        public TenderFilter tenders() {
            return tenders(Optional.empty(), Optional.empty());
        }

        /** The filter of the tenders still published whose deadline falls between two days, both included. */
        public TenderFilter tenders(Optional<LocalDate> deadlineFrom, Optional<LocalDate> deadlineTo) {
            return new TenderFilter(statuses, cpvPrefixes, nutsPrefixes, minValue, maxValue, reservedOnly, deadlineFrom,
                    deadlineTo, words, true);
        }
    }

    /**
     * @throws InvalidTenderInputException
     *             as the constructor
     */
    public final void change(String name, Filter filter) {
        Refusals refusals = new Refusals();
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
            refusals.add(new InvalidTenderInputException("name", "watch.name", MAX_NAME));
        }
        refusals.attempt(filter::tenders);
        refusals.throwIfAny();
        this.name = stripped;
        this.statuses = String.join(",", filter.statuses());
        this.cpvPrefixes = String.join(",", filter.cpvPrefixes());
        this.nutsPrefixes = String.join(",", filter.nutsPrefixes());
        this.minValue = filter.minValue().orElse(null);
        this.maxValue = filter.maxValue().orElse(null);
        this.reservedOnly = filter.reservedOnly();
        this.words = filter.tenders().words().orElse(null);
    }

    /** The watch has seen what the hub read before {@code now}. */
    public void seen(Instant now) {
        this.seenAt = now;
    }

    public Filter getFilter() {
        return new Filter(list(statuses), list(cpvPrefixes), list(nutsPrefixes), Optional.ofNullable(minValue),
                Optional.ofNullable(maxValue), reservedOnly, Optional.ofNullable(words));
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getSeenAt() {
        return seenAt;
    }

    public long getCreatedBy() {
        return createdBy;
    }

    public int getVersion() {
        return version;
    }
}
