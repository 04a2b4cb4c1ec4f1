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

import coop.intercoop.hub.security.control.Caller;

/**
 * The hub's administration pages ({@code /admin/*}) answer 403 to anyone but a hub administrator, as the API's
 * {@code /users} and {@code /organisations} do, before any page is built: a page about the caller's role is still a
 * page, and a 200.
 */
@WebFilter(filterName = "AdminPagesFilter", urlPatterns = "/admin/*")
public class AdminPagesFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    Caller caller;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean hubAdmin;
        try {
            hubAdmin = caller.user().isHubAdmin();
        } catch (Caller.NotAuthenticatedException anonymous) {
            hubAdmin = false;
        }
        if (hubAdmin) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // include, not forward: an included resource cannot change the status
        request.getRequestDispatcher("/WEB-INF/errors/403.html").include(request, response);
    }
}
