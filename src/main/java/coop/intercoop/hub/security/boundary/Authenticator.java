package coop.intercoop.hub.security.boundary;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import coop.intercoop.hub.security.control.ApiTokens;
import coop.intercoop.hub.security.control.LoginRefusedException;
import coop.intercoop.hub.security.control.Logins;
import coop.intercoop.hub.security.control.Users;
import coop.intercoop.hub.security.entity.User;

/**
 * The transactions of authentication. A refused login commits, so that its failure counts towards the throttle and
 * stays in the audit log.
 */
@ApplicationScoped
public class Authenticator {

    @Inject
    Logins logins;

    @Inject
    ApiTokens tokens;

    @Inject
    Users users;

    @Transactional(dontRollbackOn = LoginRefusedException.class)
    public User login(String username, String password) {
        return logins.authenticate(username, password);
    }

    @Transactional
    public Optional<ApiTokens.Authenticated> token(String secret) {
        return tokens.authenticate(secret);
    }

    @Transactional
    public boolean sessionValid(String username, int credentialsVersion) {
        return users.isSessionValid(username, credentialsVersion);
    }
}
