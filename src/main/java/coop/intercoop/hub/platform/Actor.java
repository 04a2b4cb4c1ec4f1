package coop.intercoop.hub.platform;

import java.util.Optional;

/**
 * Who acts in this request: the signed-in user's name, or the person a job acts for. Declared here so that what records
 * actions (the audit log) needs no component above it; the security component answers it.
 */
public interface Actor {

    /** The acting person's username; empty when nobody is signed in. */
    Optional<String> name();
}
