package coop.intercoop.hub.portal.boundary;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;

import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.security.boundary.HubAuthentication;
import coop.intercoop.hub.security.control.LoginRefusedException;

/**
 * The sign-in form. The name and password go to {@link HubAuthentication} through the platform's
 * {@link SecurityContext}, which starts a new session on success; a refusal tells wrong credentials from a name that is
 * blocked for a while after too many failures.
 */
@Named
@RequestScoped
public class Login {

    @Inject
    SecurityContext securityContext;

    @Inject
    Texts texts;

    @NotBlank
    private String username;

    @NotBlank
    private String password;

    /** A signed-in user who opens the sign-in page goes to the start page instead. */
    public void redirectIfSignedIn() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (external.getUserPrincipal() != null) {
            external.redirect(external.getRequestContextPath() + "/index.xhtml");
        }
    }

    public void login() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request,
                (HttpServletResponse) external.getResponse(), AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, password)).newAuthentication(true));
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath() + "/index.xhtml");
            case SEND_CONTINUE -> context.responseComplete();
            default -> refused(context, request.getAttribute(HubAuthentication.LOGIN_REFUSAL));
        }
    }

    private void refused(FacesContext context, Object refusal) {
        String text = refusal instanceof LoginRefusedException refused && refused.retryAfter() != null
                ? texts.format("login.throttled", Math.max(1, refused.retryAfter().toSeconds()))
                : texts.get("login.wrongCredentials");
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        context.validationFailed();
        password = null;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
