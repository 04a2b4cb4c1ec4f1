package coop.intercoop.hub.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;

import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.control.LoginRefusedException;
import coop.intercoop.hub.security.control.PasswordChanges;
import coop.intercoop.hub.security.control.WrongPasswordException;

/**
 * The signed-in user's password ({@code /account/password.xhtml}): the current one, throttled like a login, and the new
 * one. This session goes on under a new id; the user's other sessions end; the user's tokens are revoked too when
 * asked.
 */
@Named
@RequestScoped
public class PasswordPage {

    @Inject
    Caller caller;

    @Inject
    PasswordChanges changes;

    @Inject
    HttpServletRequest request;

    @Inject
    Texts texts;

    @NotBlank
    private String currentPassword;

    @NotBlank
    private String newPassword;

    private boolean revokeTokens;

    /** A wrong current password is shown next to its field and, committed, counts towards the throttle. */
    @Transactional(dontRollbackOn = WrongPasswordException.class)
    public void change() {
        PasswordChanges.Changed changed;
        try {
            changed = changes.change(caller.user().getId(), currentPassword, newPassword, revokeTokens, null);
        } catch (LoginRefusedException throttled) {
            FacesContext context = FacesContext.getCurrentInstance();
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    texts.format("login.throttled", Math.max(1, throttled.retryAfter().toSeconds())), null));
            context.validationFailed();
            return;
        }
        HubAuthentication.credentialsChanged(request, changed.credentialsVersion());
        if (revokeTokens) {
            texts.inform("password.changedAndTokensRevoked", changed.revokedTokens());
        } else {
            texts.inform("password.changed");
        }
        currentPassword = null;
        newPassword = null;
        revokeTokens = false;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public boolean isRevokeTokens() {
        return revokeTokens;
    }

    public void setRevokeTokens(boolean revokeTokens) {
        this.revokeTokens = revokeTokens;
    }
}
