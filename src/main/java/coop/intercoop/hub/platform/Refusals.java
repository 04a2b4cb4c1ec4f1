package coop.intercoop.hub.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Gathers every refusal of one input — an entry, a row of a workbook — instead of stopping at the first, so that a
 * person corrects everything at once. Each refusal is a key, the field it concerns and its arguments
 * ({@link HubException}); the API lists them in its problem's {@code errors}, the portal puts each next to its field,
 * an import writes each on its row and column.
 */
public final class Refusals {

    private final List<HubException> found = new ArrayList<>();

    public void add(HubException refusal) {
        found.add(refusal);
    }

    /**
     * Runs a check that refuses by throwing (a value's own parser, such as a code or an enum) and keeps its refusal.
     *
     * @return whether the check passed
     */
    public boolean attempt(Runnable check) {
        try {
            check.run();
            return true;
        } catch (HubException refused) {
            found.addAll(refused.all());
            return false;
        }
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** How many refusals were found so far: a rule that needs a valid input compares it before and after. */
    public int count() {
        return found.size();
    }

    public List<HubException> all() {
        return Collections.unmodifiableList(found);
    }

    /** Throws the first refusal found, carrying the others ({@link HubException#all()}); nothing if none was. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            HubException first = found.get(0);
            first.alongWith(found.subList(1, found.size()));
            throw first;
        }
    }
}
