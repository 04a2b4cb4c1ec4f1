package coop.intercoop.hub.portal.control;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;

import coop.intercoop.hub.portal.boundary.OrganisationSelection;

/**
 * Every URL Faces makes for an organisation's page ({@code /org/...}): form actions, links, redirects, names the
 * organisation selected in the session ({@code ?org=}). A form therefore posts back to the organisation it was shown
 * for, even when another tab switched the session meanwhile, and the filter checks that organisation again.
 */
public class OrganisationUrls extends ViewHandlerWrapper {

    public static final String PARAMETER = "org";
    private static final String ORGANISATION_PAGES = "/org/";

    public OrganisationUrls(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        String url = getWrapped().getActionURL(context, viewId);
        if (viewId == null || !viewId.startsWith(ORGANISATION_PAGES)) {
            return url;
        }
        Long orgId = CDI.current().select(OrganisationSelection.class).get().orgId();
        if (orgId == null) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + PARAMETER + "=" + orgId;
    }
}
