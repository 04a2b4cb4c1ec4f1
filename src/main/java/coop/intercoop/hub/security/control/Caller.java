package coop.intercoop.hub.security.control;

import java.security.Principal;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import coop.intercoop.hub.platform.Actor;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.ForbiddenException;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.security.entity.User;

/** Who is asking, in this request. */
@RequestScoped
public class Caller implements Actor {

    /** The security component's refusals, in English; {@code refusals_es.properties} has the Spanish ones. */
    public static final String REFUSALS = "coop.intercoop.hub.security.refusals";

    /** Request attribute set by the authentication mechanism when a read-only token authenticated the request. */
    public static final String READ_ONLY = "coop.intercoop.hub.readOnly";
    /** Request attribute holding the id of the token that authenticated the request. */
    public static final String TOKEN_ID = "coop.intercoop.hub.tokenId";

    @Inject
    SecurityContext securityContext;

    @Inject
    HttpServletRequest request;

    @Inject
    Users users;

    private User user;
    private boolean onBehalf;

    /**
     * Makes this request context act for a user outside any HTTP request: a job the hub runs for the person who started
     * it. Every check (memberships, roles) then applies to that person as in a request of theirs.
     */
    public void actFor(User person) {
        this.user = person;
        this.onBehalf = true;
    }

    @Override
    public Optional<String> name() {
        if (onBehalf) {
            return Optional.of(user.getUsername());
        }
        Principal principal = securityContext.getCallerPrincipal();
        return Optional.ofNullable(principal).map(Principal::getName);
    }

    /** The signed-in user; a request without one is refused with 401. */
    public User user() {
        if (user == null) {
            user = name().flatMap(users::byUsername).filter(User::isActive).orElseThrow(NotAuthenticatedException::new);
        }
        return user;
    }

    public void requireHubAdmin() {
        if (!user().isHubAdmin()) {
            throw new ForbiddenException(new HubTexts.Text(REFUSALS, "caller.hub-admin"));
        }
    }

    public boolean isReadOnly() {
        if (onBehalf) {
            return false;
        }
        return Boolean.TRUE.equals(request.getAttribute(READ_ONLY));
    }

    /** The token that authenticated this request; empty in the portal and for work done on someone's behalf. */
    public Optional<Long> tokenId() {
        if (onBehalf) {
            return Optional.empty();
        }
        return request.getAttribute(TOKEN_ID) instanceof Long id ? Optional.of(id) : Optional.empty();
    }

    public static class NotAuthenticatedException extends HubException {
        private static final long serialVersionUID = 1L;

        public NotAuthenticatedException() {
            super(Kind.UNAUTHENTICATED, null, "caller.unauthenticated", null);
        }
    }
}
