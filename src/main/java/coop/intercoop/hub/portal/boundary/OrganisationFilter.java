package coop.intercoop.hub.portal.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.portal.control.OrganisationUrls;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.OrganisationAccess;

/**
 * DESIGN rule 1 for the portal: every request to an organisation's page ({@code /org/*}, GET and postback alike) acts
 * in the organisation named by {@code ?org=}, or else the one selected in the session, and only after
 * {@link OrganisationAccess} checked the caller's membership there. An organisation the caller does not belong to
 * answers 404, as if it did not exist; with no organisation at all the user goes to the start page.
 */
@WebFilter(filterName = "OrganisationFilter", urlPatterns = "/org/*")
public class OrganisationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    OrganisationAccess access;

    @Inject
    OrganisationSelection selection;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getCharacterEncoding() == null) {
            // reading a parameter decodes a postback's body too; the portal's forms are UTF-8
            request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        String named = request.getParameter(OrganisationUrls.PARAMETER);
        Long selected = selection.orgId();
        if (named == null && selected == null) {
            response.sendRedirect(request.getContextPath() + "/index.xhtml");
            return;
        }
        try {
            if (named != null) {
                access.enter(named);
            } else {
                access.enter(selected);
            }
        } catch (HubException refused) {
            refuse(request, response, refused, named == null);
            return;
        }
        if (named != null) {
            selection.select(Long.valueOf(named));
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HubException refused,
            boolean fromSession) throws IOException {
        if (refused instanceof Caller.NotAuthenticatedException) {
            request.getSession().invalidate();
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
        } else if (fromSession) {
            // the remembered organisation is no longer one of the caller's: choose again on the start page
            selection.clear();
            response.sendRedirect(request.getContextPath() + "/index.xhtml");
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
