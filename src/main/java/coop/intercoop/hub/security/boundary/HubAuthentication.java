package coop.intercoop.hub.security.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import coop.intercoop.hub.platform.JsonBodies;
import coop.intercoop.hub.platform.Problem;
import coop.intercoop.hub.security.control.ApiTokens;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.control.LoginRefusedException;
import coop.intercoop.hub.security.entity.User;

/**
 * One mechanism for the two ways in:
 * <ul>
 * <li>the API ({@code /api/...}) authenticates every request by its bearer token, never by a session cookie, so a page
 * on another site cannot make a browser call the API with the user's session;</li>
 * <li>the portal signs in with a name and password through {@code SecurityContext.authenticate}, gets a new session id
 * (no session fixation) and stays signed in for the session while the user's credentials version is the one it signed
 * in with: a password change, on any node, ends the user's other sessions at their next request, and deactivating the
 * user ends them all.</li>
 * </ul>
 * A read-only token is refused, here, for any method other than GET, HEAD and OPTIONS.
 */
@ApplicationScoped
public class HubAuthentication implements HttpAuthenticationMechanism {

    public static final String USER_GROUP = "user";
    public static final String HUB_ADMIN_GROUP = "hub-admin";
    /** Request attribute holding the {@link LoginRefusedException} of a failed portal login. */
    public static final String LOGIN_REFUSAL = "coop.intercoop.hub.loginRefusal";
    private static final String SESSION_USER = "coop.intercoop.hub.sessionUser";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    Authenticator authenticator;

    /** What the session remembers of a portal login. */
    record SessionUser(String name, Set<String> groups, int credentialsVersion) implements Serializable {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(authorization.substring(7).strip(), request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential password) {
            return portalLogin(password, request, context);
        }
        boolean api = isApi(request);
        HttpSession session = request.getSession(false);
        if (!api && session != null && session.getAttribute(SESSION_USER) instanceof SessionUser user) {
            if (authenticator.sessionValid(user.name(), user.credentialsVersion())) {
                return context.notifyContainerAboutLogin(user.name(), user.groups());
            }
            // signed in with a password changed since, or the user was deactivated: signed out, as after a timeout
            session.invalidate();
        }
        if (context.isProtected()) {
            if (api) {
                response.setHeader("WWW-Authenticate", "Bearer");
                return problem(request, response, 401, "Authentication required",
                        "Send a personal access token as 'Authorization: Bearer <token>'; get one with POST /api/v1/tokens.");
            }
            return toLogin(request, response, context);
        }
        return context.doNothing();
    }

    /**
     * A page that needs a signed-in user sends the browser to the sign-in page. An ajax postback (a button of a page
     * whose session ended) follows no HTTP redirect; Faces' partial response tells the page to go there instead.
     */
    private static AuthenticationStatus toLogin(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String login = request.getContextPath() + "/login.xhtml";
        if (!"partial/ajax".equals(request.getHeader("Faces-Request"))) {
            return context.redirect(login);
        }
        SecurityHeaders.apply(request, response);
        try {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + login + "\"/></partial-response>");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private AuthenticationStatus bearer(String secret, HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Optional<ApiTokens.Authenticated> authenticated = authenticator.token(secret);
        if (authenticated.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return problem(request, response, 401, "Authentication required",
                    "The token is unknown, expired or revoked.");
        }
        boolean readOnly = authenticated.get().token().isReadOnly();
        if (readOnly && !SAFE_METHODS.contains(request.getMethod())) {
            return problem(request, response, 403, "Forbidden", "This token is read-only; it cannot change anything.");
        }
        request.setAttribute(Caller.READ_ONLY, readOnly);
        request.setAttribute(Caller.TOKEN_ID, authenticated.get().token().getId());
        User user = authenticated.get().user();
        return context.notifyContainerAboutLogin(user.getUsername(), groupsOf(user));
    }

    private AuthenticationStatus portalLogin(UsernamePasswordCredential credential, HttpServletRequest request,
            HttpMessageContext context) {
        User user;
        try {
            user = authenticator.login(credential.getCaller(), credential.getPasswordAsString());
        } catch (LoginRefusedException refused) {
            request.setAttribute(LOGIN_REFUSAL, refused);
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        Set<String> groups = groupsOf(user);
        request.getSession(true).setAttribute(SESSION_USER,
                new SessionUser(user.getUsername(), groups, user.getCredentialsVersion()));
        return context.notifyContainerAboutLogin(user.getUsername(), groups);
    }

    /**
     * After the signed-in user changed their password in this session: the session goes on under a new id, with the new
     * credentials version, while every other session of the user ends.
     */
    static void credentialsChanged(HttpServletRequest request, int credentialsVersion) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof SessionUser user) {
            request.changeSessionId();
            session.setAttribute(SESSION_USER, new SessionUser(user.name(), user.groups(), credentialsVersion));
        }
    }

    static Set<String> groupsOf(User user) {
        return user.isHubAdmin() ? Set.of(USER_GROUP, HUB_ADMIN_GROUP) : Set.of(USER_GROUP);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** An API refusal, answered here before any filter runs, with the headers {@link SecurityHeaders} sets. */
    private static AuthenticationStatus problem(HttpServletRequest request, HttpServletResponse response, int status,
            String title, String detail) {
        SecurityHeaders.apply(request, response);
        try {
            response.setStatus(status);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JsonBodies.JSON.toJson(Problem.of(status, title, detail, null)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
