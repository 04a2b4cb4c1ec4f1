package coop.intercoop.hub.audit.control;

import java.util.List;
import java.util.Optional;

/**
 * Chains of records keyed with the hub's integrity keys, whose heads {@link Anchors} records outside the database: the
 * ledger of each organisation, the audit log of each organisation and of the hub. A component contributes its chains as
 * a bean of this type.
 */
public interface KeyedChain {

    /** A position in a chain and the digest of the record there. */
    record Position(long seq, String hash) {
    }

    /** The name of these chains in anchor lines ({@code ledger}, {@code audit}); no spaces. */
    String name();

    /** The ids of the chains that hold at least one record (organisation ids; 0 for the hub's own chain). */
    List<Long> chainIds();

    /**
     * Verifies the chain from the record after {@code from} (from the start when {@code null}) to its head, and answers
     * the head when every record there still matches its digest and link; empty when it does not (then nothing of it is
     * anchored: an anchor records only what verified). Records of an unkeyed legacy scheme pass only when
     * {@code unkeyedAllowed}: at the very first anchoring, when the keyed chains began; a record of the legacy scheme
     * that appears later can only be a forgery.
     */
    Optional<Position> verifiedHead(long chainId, Position from, boolean unkeyedAllowed);
}
