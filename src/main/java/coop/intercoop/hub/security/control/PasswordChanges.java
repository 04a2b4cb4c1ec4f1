package coop.intercoop.hub.security.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.security.entity.User;

/**
 * A signed-in user changes their password, from the API or the portal: the current password first, throttled like a
 * login ({@link Logins#confirm}); then the new one, which ends every portal session signed in with the old one (the
 * user's credentials version moves on); and, when asked, the revocation of the user's personal access tokens. The
 * caller's transaction must not roll back on {@link WrongPasswordException} or {@link LoginRefusedException}, so that
 * the failure counts.
 */
@Dependent
public class PasswordChanges {

    @Inject
    Logins logins;

    @Inject
    Users users;

    @Inject
    ApiTokens tokens;

    /** What a change did: the user's new credentials version, and how many tokens it revoked. */
    public record Changed(int credentialsVersion, int revokedTokens) {
    }

    /**
     * @param keptToken
     *            the token making the request, which stays valid when the others are revoked; null in the portal
     */
    public Changed change(long userId, String currentPassword, String newPassword, boolean revokeTokens,
            Long keptToken) {
        // the user as this transaction reads it, whatever the request looked up before
        User user = users.find(userId);
        logins.confirm(user, currentPassword);
        users.changePassword(user, newPassword);
        int revoked = revokeTokens ? tokens.revokeAllOf(user, keptToken) : 0;
        return new Changed(user.getCredentialsVersion(), revoked);
    }
}
