package coop.intercoop.hub.payroll.control;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import coop.intercoop.hub.audit.control.AuditTrail;

/**
 * Entities an import's second pass checked, kept in flushes of {@value #SIZE}: each flush persists them, records their
 * audit events in one append to the chain and leaves them out of the persistence context, so that an import of
 * thousands of rows costs a round trip per row, not a flush of every entity kept before it (10,000 employees took 88 s
 * to write that way). A registration made meanwhile with the same identifiers is refused by the unique keys.
 */
final class Flushes<T> {

    /** The entities kept in one flush: the persistence context holds no more than these. */
    static final int SIZE = 500;

    private final List<T> pending = new ArrayList<>();
    private final Consumer<List<T>> keep;

    /**
     * @param keep
     *            the control's keeping of a flush's entities ({@link #keep})
     */
    Flushes(Consumer<List<T>> keep) {
        this.keep = keep;
    }

    /** Adds a checked entity, and keeps the flush once full. */
    void add(T entity) {
        pending.add(entity);
        if (pending.size() == SIZE) {
            flush();
        }
    }

    /** Keeps what is pending: at the end of the writing. */
    void flush() {
        if (!pending.isEmpty()) {
            keep.accept(pending);
            pending.clear();
        }
    }

    /** Persists the entities, flushes, records one audit event each in one append, and detaches them. */
    static <T> void keep(EntityManager em, AuditTrail audit, long org, String action, String objectType,
            List<T> entities, Function<T, AuditTrail.Subject> subject) {
        entities.forEach(em::persist);
        em.flush();
        audit.recordEach(org, action, objectType, entities.stream().map(subject).toList());
        entities.forEach(em::detach);
    }
}
