package coop.intercoop.hub.tenders.entity;

import coop.intercoop.hub.platform.HubException;

/**
 * A feed page the hub does not read: not XML, not an ATOM feed, an entry without its CODICE folder, a value that does
 * not read, a document type or entity declaration, a file cut short. Nothing of the page is kept.
 */
public class FeedRefusedException extends HubException {

    private static final long serialVersionUID = 1L;

    public FeedRefusedException(String key, Object... arguments) {
        super(Kind.INVALID, "feed", key, arguments);
    }
}
