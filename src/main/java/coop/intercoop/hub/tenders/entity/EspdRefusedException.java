package coop.intercoop.hub.tenders.entity;

import coop.intercoop.hub.platform.HubException;

/**
 * An ESPD request the hub does not read (not XML, a document type, not a request, a version of the model it is not of,
 * no criterion it knows), or an ESPD response it cannot write yet (no request, no declaration of the member). Nothing
 * is kept.
 */
public class EspdRefusedException extends HubException {

    private static final long serialVersionUID = 1L;

    public EspdRefusedException(String key, Object... arguments) {
        super(Kind.INVALID, "espdRequest", key, arguments);
    }
}
