package coop.intercoop.hub.platform;

import java.io.IOException;

/** An API request body longer than {@code hub.api.max-body-bytes}. An IOException so readers stop at once. */
public class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body is larger than the " + limit + " bytes this API accepts.");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
