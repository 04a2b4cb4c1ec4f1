package coop.intercoop.hub.accounting.control;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import coop.intercoop.hub.accounting.entity.InvalidEntryException;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.HubTexts;

/**
 * A subaccount, project or grant that something still refers to, so it cannot be deleted: the books would lose what a
 * posting, a draft or a budget says. Names each kind of use with how many there are.
 */
public class InUseException extends HubException {

    private static final long serialVersionUID = 1L;

    /** What may refer to an account or an analytic value. */
    public enum Use {
        POSTINGS, DRAFTS, GRANT_BUDGETS;
    }

    private final String code;
    private final Map<Use, Long> uses;

    public InUseException(String what, String code, Map<Use, Long> uses) {
        super(Kind.CONFLICT, "code", "inUse.refused",
                new Object[] { new HubTexts.Text(InvalidEntryException.REFUSALS, "inUse.what." + what), code,
                        new HubTexts.Joined(", ",
                                uses.entrySet().stream().map(u -> new HubTexts.Text(InvalidEntryException.REFUSALS,
                                        "inUse." + u.getKey().name(), u.getValue())).toList()) });
        this.code = code;
        this.uses = Collections.unmodifiableMap(new EnumMap<>(uses));
    }

    /** The refused code. */
    public String code() {
        return code;
    }

    /** Each kind of use with how many there are, in the order of {@link Use}. */
    public Map<Use, Long> uses() {
        return uses;
    }

    /** The uses counted, without those there are none of; empty when nothing refers to the code. */
    static Map<Use, Long> found(Map<Use, Long> counted) {
        Map<Use, Long> found = new EnumMap<>(Use.class);
        counted.forEach((use, count) -> {
            if (count > 0) {
                found.put(use, count);
            }
        });
        return found;
    }
}
