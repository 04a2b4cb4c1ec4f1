package coop.intercoop.hub.tenders.entity;

import coop.intercoop.hub.platform.HubException;

/** A read of the procurement platform's feed that cannot be asked for: the hub reads no feed, or too many pages. */
public class FeedReadException extends HubException {

    private static final long serialVersionUID = 1L;

    private FeedReadException(Kind kind, String field, String key, Object... arguments) {
        super(kind, field, key, arguments);
    }

    public static FeedReadException unset() {
        return new FeedReadException(Kind.CONFLICT, null, "feed.read.unset");
    }

    public static FeedReadException every(Integer asked, int most) {
        return new FeedReadException(Kind.INVALID, "everyHours", "feed.schedule.every", asked, most);
    }

    public static FeedReadException pages(int asked, int most) {
        return new FeedReadException(Kind.INVALID, "maxPages", "feed.read.pages", asked, most);
    }
}
